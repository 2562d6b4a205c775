"""Numbering schemes: how each level of a document's body is numbered, as the clerk chooses it in `danh_so`.

Nghị định 30/2020/NĐ-CP (Phụ lục I, II.6.c–đ and V(b)) divides a text into phần, mục, khoản, điểm: «Phần thứ
nhất» (or «Phần I»), «I.», «1.», «a)». Real documents also use decimal sub-items «1.1.» under «1.» and dashes
«-» and «+» as the deepest levels. A scheme is one of these marks per level, from the top; the default is the
decree's «I.», «1.», «a)».
"""

from __future__ import annotations

from kehoach.conventions.text import point_letter, roman

PART, ROMAN, ARABIC, DECIMAL, LETTER, DASH, PLUS = "Phần thứ nhất", "I.", "1.", "1.1.", "a)", "-", "+"
STYLES = (PART, ROMAN, ARABIC, DECIMAL, LETTER, DASH, PLUS)
DEFAULT = (ROMAN, ARABIC, LETTER)
#: Levels whose items are headings of what follows (an empty one is suspicious); deeper ones are items whose
#: text is their title («a) Phạm vi: toàn huyện.», «1.1. Hộ nghèo: Là hộ …»).
HEADINGS = frozenset({PART, ROMAN, ARABIC})
#: Levels printed in capitals (ND30 V(b): the title of a phần and of a mục «I.» are IN HOA).
CAPITALS = frozenset({PART, ROMAN})

_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def ordinal(value: int) -> str:
    """thứ nhất, thứ hai, …, thứ mười; beyond ten the Roman numeral (Phần XI)."""
    return f"thứ {_ORDINALS[value - 1]}" if 1 <= value <= len(_ORDINALS) else roman(value)


def number(style: str, index: int, parent: str | None = None) -> str:
    """The number of the index-th (0-based) item at a level of `style`, as `[[id]]` prints it: «thứ nhất», «III»,
    «2», «1.2», «b», «-»."""
    if style == PART:
        return ordinal(index + 1)
    if style == ROMAN:
        return roman(index + 1)
    if style == ARABIC:
        return str(index + 1)
    if style == DECIMAL:
        return f"{parent}.{index + 1}" if parent else str(index + 1)
    if style == LETTER:
        return point_letter(index)
    return style


def heading(style: str, number_text: str, title: str) -> list[tuple[str, str]]:
    """The paragraphs of a heading as (kind, text): kind phan / muc1 / muc2 / muc3 / gach names the template's
    style («phan»: centred, ND30 V(b))."""
    if style == PART:  # «Phần thứ nhất» on its own line, the title under it in capitals
        word = "Phần " + number_text
        return [("phan", word), ("phan", title.upper())]
    if style == ROMAN:
        return [("muc1", f"{number_text}. {title.upper()}")]
    if style == ARABIC:
        return [("muc2", f"{number_text}. {title}")]
    if style == DECIMAL:
        return [("muc3", f"{number_text}. {title}")]
    if style == LETTER:
        return [("muc3", f"{number_text}) {title}")]
    return [("gach", f"{style} {title}")]


def style_at(scheme: tuple[str, ...] | list[str] | None, depth: int) -> str:
    """The style of level `depth` (1 = top) in `scheme`; below the scheme's last level, the last one again."""
    levels = tuple(scheme) if scheme else DEFAULT
    return levels[min(depth, len(levels)) - 1]


def max_depth(scheme: tuple[str, ...] | list[str] | None) -> int:
    return len(scheme) if scheme else len(DEFAULT)


#: What a clerk may write in `danh_so` for each style (case ignored): the mark itself, or without its dot or bracket.
ALIASES = {
    "phần thứ nhất": PART, "phần": PART, "phan": PART,
    "i.": ROMAN, "i": ROMAN,
    "1.": ARABIC, "1": ARABIC,
    "1.1.": DECIMAL, "1.1": DECIMAL,
    "a)": LETTER, "a": LETTER,
    "-": DASH, "gach": DASH,
    "+": PLUS, "cong": PLUS,
}
