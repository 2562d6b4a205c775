"""How wide a line of Times New Roman text is, to give each short rule its ND30 length.

The widths come from Liberation Serif, which is metric-compatible with Times New Roman (see
scripts/font_metrics.py). Accents do not change a letter's advance, so a missing precomposed letter
falls back to its base letter.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

from kehoach.profiles.units import TWIPS_PER_PT

_DATA = Path(__file__).resolve().parent.parent / "data"  # as in kehoach.conventions.doctypes


@cache
def _table() -> dict:
    text = (_DATA / "times_widths.json").read_text(encoding="utf-8")
    return json.loads(text)


def _advance(char: str, widths: dict[str, int]) -> int:
    if char in widths:
        return widths[char]
    base = unicodedata.normalize("NFD", char)[:1]
    return widths.get(base, widths["n"])  # "n" is about the average letter


def text_width(text: str, size_pt: float, bold: bool = False) -> int:
    """The width of `text` on one line, in twips."""
    table = _table()
    widths = table["bold" if bold else "regular"]
    units = sum(_advance(c, widths) for c in text)
    return round(units * size_pt * TWIPS_PER_PT / table["units_per_em"])
