"""Tiêu ngữ thiếu, sai chữ, sai cỡ, kiểu chữ, hoặc thiếu đường kẻ ngang bên dưới.

    Nghị định 30 (Phụ lục I, II.1.b–c): Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» trình bày bằng chữ in
    thường, cỡ chữ 13–14, kiểu chữ đứng, đậm, canh giữa dưới Quốc hiệu; chữ cái đầu các cụm từ viết hoa,
    giữa các cụm từ có gạch nối (-) và cách chữ. Phía dưới có đường kẻ ngang, nét liền, dài bằng dòng chữ
    (viền dưới đoạn, đường vẽ, hoặc gạch chân cả dòng). Gạch nối dài (–, —) cũng được chấp nhận.

    Đúng:
        Độc lập - Tự do - Hạnh phúc               (đậm, cỡ 13 hoặc 14, có đường kẻ bên dưới)

    Sai:
        Độc lập-Tự do-Hạnh phúc                   # thiếu cách chữ quanh gạch nối
        ĐỘC LẬP - TỰ DO - HẠNH PHÚC               # in hoa
"""

from collections.abc import Iterator

from kehoach.profiles import nd30
from kehoach.rules._docx import DocxContext, dashes, formatting
from kehoach.rules.base import Finding, Severity

ID = "docx-motto"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Finding]:
    motto = doc.motto
    if motto is None:
        yield doc.whole(f"không tìm thấy Tiêu ngữ «{nd30.MOTTO}» dưới Quốc hiệu; Nghị định 30 quy định Tiêu ngữ "
                        "ngay dưới Quốc hiệu")
        return
    if dashes(motto.clean) != nd30.MOTTO or any(r.caps for r in motto.runs):
        yield doc.at(motto, f"Tiêu ngữ viết sai; Nghị định 30 quy định đúng chữ «{nd30.MOTTO}»: chữ thường, viết "
                            "hoa chữ đầu mỗi cụm từ, gạch nối có dấu cách hai bên")
    problem = formatting(doc, motto, "Tiêu ngữ", size=nd30.SIZE_MOTTO, bold=True, italic=False)
    if problem is not None:
        yield problem
    if not doc.line_below(motto, underline=True):
        yield doc.at(motto, "thiếu đường kẻ ngang dưới Tiêu ngữ; Nghị định 30 quy định đường kẻ nét liền, dài "
                            "bằng dòng chữ")
