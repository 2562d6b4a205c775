"""Khổ giấy không phải A4 đứng.

    Nghị định 30 (Phụ lục I, I.1 và I.4): văn bản trình bày trên khổ A4 (210 × 297 mm), theo chiều dài
    (khổ đứng). Chỉ phần có bảng biểu (hoặc phụ lục) mới được xoay ngang; trang đầu luôn là khổ đứng.
    kehoach đọc khổ giấy trong Page Setup (w:pgSz) của từng phần (section), sai số khoảng 1 mm.

    Đúng:
        Page Setup → Paper size: A4 (21 cm × 29,7 cm), Orientation: Portrait

    Sai:
        Page Setup → Paper size: Letter (21,59 cm × 27,94 cm)     # khổ Letter của Mỹ, mặc định của Word
        Page Setup → Orientation: Landscape ở phần đầu văn bản
"""

from collections.abc import Iterator

from kehoach.rules._docx import W, DocxContext, millimetres, section_name, sections, twips
from kehoach.rules.base import Problem, Severity

ID = "docx-paper"
SEVERITY = Severity.ERROR
STAGE = "docx"


def _near(doc: DocxContext, value: int | None, expected: int) -> bool:
    return value is not None and abs(value - expected) <= doc.profile.tolerances.paper.value


def check(doc: DocxContext) -> Iterator[Problem]:
    found = sections(doc)
    for index, sect in enumerate(found):
        where = section_name(index, len(found))
        size = sect.find(W + "pgSz")
        width, height = twips(size, "w"), twips(size, "h")
        if width is None or height is None:
            yield doc.whole(f"{where}văn bản không ghi khổ giấy (Page Setup); {doc.law} quy định khổ A4 "
                            "(210 × 297 mm)")
            continue
        a4_width, a4_height = doc.profile.page.width.value, doc.profile.page.height.value
        portrait = _near(doc, width, a4_width) and _near(doc, height, a4_height)
        landscape = _near(doc, width, a4_height) and _near(doc, height, a4_width)
        if not (portrait or landscape):
            yield doc.whole(f"{where}khổ giấy {millimetres(width)} × {millimetres(height)}; {doc.law} quy định "
                            "khổ A4 (210 × 297 mm)")
        elif landscape and index == 0:
            yield doc.whole(f"{where}trang khổ ngang; {doc.law} quy định văn bản trình bày theo chiều dài khổ "
                            "A4 (khổ đứng), chỉ phần bảng biểu, phụ lục mới được xoay ngang")
