"""Typed units of a layout: lengths in twips, font sizes in points, line spacing, border weights.

A profile file writes every number with its unit («20 mm», «1,27 cm», «6 pt», «1.5 lines»); the field it fills
says which type it becomes, so that a margin can never be read as a font size. Lengths are held in twips
(1/20 pt), the unit of page margins and indents in a .docx; the conversions round as Word's dialogs do.
No python-docx here: a profile is read on every check, and `kehoach check plan.yaml` never loads it.
"""

from __future__ import annotations

import re

from kehoach.errors import UnitError

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
#: python-docx gives lengths in EMU (English Metric Units: 914,400 an inch, 12,700 a point).
EMU_PER_TWIP = 635
#: What one line of single spacing is worth in a .docx `w:line` (240ths of a line).
LINE_UNITS = 240

_QUANTITY = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?|-?\d+/\d+)\s*([a-z]*)\s*$")


class Twips(int):
    """A length in twips, 1/20 of a point: margins, indents, column widths, spacing."""

    @classmethod
    def mm(cls, value: float) -> Twips:
        return cls(round(value * TWIPS_PER_MM))

    @classmethod
    def cm(cls, value: float) -> Twips:
        return cls.mm(value * 10)

    @classmethod
    def pt(cls, value: float) -> Twips:
        return cls(round(value * TWIPS_PER_PT))

    @classmethod
    def emu(cls, value: int) -> Twips:
        """A python-docx length (EMU) in whole twips, rounded down."""
        return cls(int(value) // EMU_PER_TWIP)

    @property
    def in_mm(self) -> float:
        return self / TWIPS_PER_MM

    @property
    def in_pt(self) -> float:
        return self / TWIPS_PER_PT

    @classmethod
    def parse(cls, text: str) -> Twips:
        number, unit = _split(text)
        if unit == "mm":
            return cls.mm(number)
        if unit == "cm":
            return cls.cm(number)
        if unit == "pt":
            return cls.pt(number)
        if unit == "tw":
            return cls(round(number))
        raise UnitError(f"«{text}»: độ dài phải có đơn vị mm, cm, pt hoặc tw")


class Pt(float):
    """A font size in points."""

    @classmethod
    def parse(cls, text: str) -> Pt:
        number, unit = _split(text)
        if unit != "pt":
            raise UnitError(f"«{text}»: cỡ chữ phải tính bằng pt")
        return cls(number)


class Eighths(int):
    """A border's weight in eighths of a point (a .docx `w:sz` of a border), written «0.75 pt»."""

    @classmethod
    def parse(cls, text: str) -> Eighths:
        number, unit = _split(text)
        if unit != "pt":
            raise UnitError(f"«{text}»: độ dày đường kẻ phải tính bằng pt")
        return cls(round(number * 8))


class Lines(int):
    """Line spacing in 240ths of a line (a .docx `w:line` with `lineRule="auto"`), written «1.5 lines»."""

    @classmethod
    def parse(cls, text: str) -> Lines:
        number, unit = _split(text)
        if unit not in ("line", "lines"):
            raise UnitError(f"«{text}»: giãn dòng phải tính bằng dòng (lines)")
        return cls(round(number * LINE_UNITS))

    @property
    def in_lines(self) -> float:
        return self / LINE_UNITS


class Ratio(float):
    """A fraction of something else's length, written «1/3» or «0.4»."""

    @classmethod
    def parse(cls, text: str) -> Ratio:
        number, unit = _split(text)
        if unit:
            raise UnitError(f"«{text}»: tỉ lệ không có đơn vị")
        return cls(number)


def _split(text: str) -> tuple[float, str]:
    match = _QUANTITY.match(str(text))
    if match is None:
        raise UnitError(f"«{text}» không phải một số kèm đơn vị")
    number, unit = match.groups()
    if "/" in number:
        numerator, denominator = number.split("/")
        return int(numerator) / int(denominator), unit
    value = float(number.replace(",", "."))
    return value, unit
