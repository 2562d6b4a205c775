"""Quốc hiệu thiếu, sai chữ, hoặc sai cỡ, kiểu chữ.

    Nghị định 30 (Phụ lục I, II.1.a): Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» trình bày bằng chữ
    in hoa, cỡ chữ 12–13, kiểu chữ đứng, đậm, ở phía trên cùng, bên phải trang đầu. Cả hai cách bỏ dấu
    «HÒA» và «HOÀ» đều có trong chính Nghị định 30 nên đều được chấp nhận.

    Chỉ áp dụng cho văn bản hành chính: văn bản của Đảng (Hướng dẫn 36-HD/VPTW) không có Quốc hiệu, thay bằng tiêu
    đề «ĐẢNG CỘNG SẢN VIỆT NAM» (quy tắc docx-party-title).

    Đúng:
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM        (in hoa, đậm, cỡ 12 hoặc 13)

    Sai:
        Cộng hòa xã hội chủ nghĩa Việt Nam        # chưa in hoa
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM        (cỡ 14, không đậm)
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-national-title"
SEVERITY = Severity.ERROR
STAGE = "docx"
ONLY_FOR_HEADER = "state"  # a State document's header (Nghị định 30); a Party document has docx-party-title


def check(doc: DocxContext) -> Iterator[Problem]:
    title = doc.national_title
    if title is None:
        yield doc.whole(f"không tìm thấy Quốc hiệu «{doc.profile.texts.national_title.value}» ở phần đầu văn bản; {doc.law} quy "
                        "định Quốc hiệu ở trên cùng, bên phải trang đầu")
        return
    problem = looks(doc, title, "Quốc hiệu", doc.profile.sizes.national_title)
    if problem is not None:
        yield problem
