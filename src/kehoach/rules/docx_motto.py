"""Tiêu ngữ thiếu, sai chữ, sai cỡ, kiểu chữ, hoặc thiếu đường kẻ ngang bên dưới.

    Nghị định 30 (Phụ lục I, II.1.b–c): Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» trình bày bằng chữ in
    thường, cỡ chữ 13–14, kiểu chữ đứng, đậm, canh giữa dưới Quốc hiệu; chữ cái đầu các cụm từ viết hoa,
    giữa các cụm từ có gạch nối (-) và cách chữ. Phía dưới có đường kẻ ngang, nét liền, dài bằng dòng chữ
    (viền dưới đoạn, đường vẽ, hoặc gạch chân cả dòng). Gạch nối dài (–, —) cũng được chấp nhận.

    Chỉ áp dụng cho văn bản hành chính: văn bản của Đảng (Hướng dẫn 36-HD/VPTW) không có Tiêu ngữ, thay bằng tiêu
    đề «ĐẢNG CỘNG SẢN VIỆT NAM» (quy tắc docx-party-title).

    Đúng:
        Độc lập - Tự do - Hạnh phúc               (đậm, cỡ 13 hoặc 14, có đường kẻ bên dưới)

    Sai:
        Độc lập-Tự do-Hạnh phúc                   # thiếu cách chữ quanh gạch nối
        ĐỘC LẬP - TỰ DO - HẠNH PHÚC               # in hoa
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, dashes, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-motto"
SEVERITY = Severity.ERROR
STAGE = "docx"
ONLY_FOR_HEADER = "state"  # a State document's header (Nghị định 30); a Party document has no motto


def check(doc: DocxContext) -> Iterator[Problem]:
    expected = doc.profile.texts.motto.value
    motto = doc.motto
    if motto is None:
        yield doc.whole(f"không tìm thấy Tiêu ngữ «{expected}» dưới Quốc hiệu; {doc.law} quy định Tiêu ngữ "
                        "ngay dưới Quốc hiệu")
        return
    if dashes(motto.clean) != expected or any(r.caps for r in motto.runs):
        yield doc.at(motto, f"Tiêu ngữ viết sai; {doc.law} quy định đúng chữ «{expected}»: chữ thường, viết "
                            "hoa chữ đầu mỗi cụm từ, gạch nối có dấu cách hai bên")
    problem = looks(doc, motto, "Tiêu ngữ", doc.profile.sizes.motto)
    if problem is not None:
        yield problem
    if not doc.line_below(motto, underline=True):
        yield doc.at(motto, f"thiếu đường kẻ ngang dưới Tiêu ngữ; {doc.law} quy định đường kẻ nét liền, dài "
                            "bằng dòng chữ")
