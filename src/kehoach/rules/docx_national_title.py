"""Quốc hiệu thiếu, sai chữ, hoặc sai cỡ, kiểu chữ.

    Nghị định 30 (Phụ lục I, II.1.a): Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» trình bày bằng chữ
    in hoa, cỡ chữ 12–13, kiểu chữ đứng, đậm, ở phía trên cùng, bên phải trang đầu. Cả hai cách bỏ dấu
    «HÒA» và «HOÀ» đều có trong chính Nghị định 30 nên đều được chấp nhận.

    Đúng:
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM        (in hoa, đậm, cỡ 12 hoặc 13)

    Sai:
        Cộng hòa xã hội chủ nghĩa Việt Nam        # chưa in hoa
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM        (cỡ 14, không đậm)
"""

from collections.abc import Iterator

from kehoach.profiles import nd30
from kehoach.rules._docx import DocxContext, formatting
from kehoach.rules.base import Finding, Severity

ID = "docx-national-title"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Finding]:
    title = doc.national_title
    if title is None:
        yield doc.whole(f"không tìm thấy Quốc hiệu «{nd30.NATIONAL_TITLE}» ở phần đầu văn bản; Nghị định 30 quy "
                        "định Quốc hiệu ở trên cùng, bên phải trang đầu")
        return
    problem = formatting(doc, title, "Quốc hiệu", size=nd30.SIZE_NATIONAL_TITLE, bold=True, italic=False, caps=True)
    if problem is not None:
        yield problem
