"""Lề trang nằm ngoài khoảng Nghị định 30 cho phép.

    Nghị định 30 (Phụ lục I, I.3): lề trên 20–25 mm, lề dưới 20–25 mm, lề trái 30–35 mm, lề phải
    15–20 mm. Lề mặc định của Word (2,54 cm mọi phía) sai ở cả bốn phía. Lề trái tính cả phần đóng gáy
    (gutter). kehoach chấp nhận sai số 0,3 mm; phần khổ ngang (bảng biểu, phụ lục) không xét lề.

    Đúng:
        Page Setup → Margins: Top 2 cm, Bottom 2 cm, Left 3 cm, Right 1,5 cm

    Sai:
        Page Setup → Margins: Top 2,54 cm, Bottom 2,54 cm, Left 2,54 cm, Right 2,54 cm   # mặc định của Word
"""

from collections.abc import Iterator

from kehoach.profiles import Setting
from kehoach.profiles.units import TWIPS_PER_MM
from kehoach.rules._docx import W, DocxContext, millimetres, section_name, sections, twips
from kehoach.rules.base import Problem, Severity

ID = "docx-margins"
SEVERITY = Severity.ERROR
STAGE = "docx"

_SIDES = (("top", "lề trên"), ("bottom", "lề dưới"), ("left", "lề trái"), ("right", "lề phải"))


def check(doc: DocxContext) -> Iterator[Problem]:
    page = doc.profile.page
    sides = [(side, name, getattr(page, f"margin_{side}")) for side, name in _SIDES]
    tolerance = doc.profile.tolerances.margin.value
    found = sections(doc)
    for index, sect in enumerate(found):
        where = section_name(index, len(found))
        size = sect.find(W + "pgSz")
        width, height = twips(size, "w"), twips(size, "h")
        if width is not None and height is not None and width > height:
            continue  # a landscape table section: the decree's margins are those of the upright page
        margins = sect.find(W + "pgMar")
        if margins is None:
            expected = ", ".join(f"{name} {_range(allowed)}" for _, name, allowed in sides)
            yield doc.whole(f"{where}văn bản không ghi lề trang (Page Setup → Margins); {doc.law} quy định "
                            f"{expected}")
            continue
        for side, name, allowed in sides:
            value = abs(twips(margins, side) or 0)
            if side == "left":
                value += twips(margins, "gutter") or 0  # the binding edge eats into the left margin
            if not allowed.low - tolerance <= value <= allowed.high + tolerance:
                yield doc.whole(f"{where}{name} {millimetres(value)}; {doc.law} quy định {name} "
                                f"{_range(allowed)}")


def _range(allowed: Setting) -> str:
    low, high = (round(v / TWIPS_PER_MM) for v in (allowed.low, allowed.high))
    return f"{low}–{high} mm"
