"""How the docx-… rules compare what a paragraph looks like with what the layout asks, and say it.

Not a rule (the leading underscore keeps it out of the registry): the wording of the findings on formatting —
sizes in points with a decimal comma, alignment in Vietnamese, the first words of a paragraph in «…» so the
clerk finds it in Word — and the lengths of the page setup in millimetres.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.inspect.body import Paragraph
from kehoach.inspect.formatting import W
from kehoach.inspect.formatting import twips as _length
from kehoach.problems import Problem
from kehoach.profiles import Setting
from kehoach.profiles.units import TWIPS_PER_MM

if TYPE_CHECKING:
    from kehoach.rules._docx import DocxContext

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_ALIGN = {"both": "đều hai bên", "center": "giữa", "left": "trái", "start": "trái", "right": "phải",
          "end": "phải", "distribute": "dàn đều", None: "trái"}


def quote(text: str, width: int = 40) -> str:
    """«The first words of a paragraph…», cut between words, as the clerk searches for them in Word."""
    text = " ".join(text.split())
    if len(text) <= width:
        return f"«{text}»"
    cut = text[:width]
    if text[width] != " " and " " in cut:
        cut = cut[:cut.rfind(" ")]
    return f"«{cut.rstrip()}…»"


def pt(size: float) -> str:
    return f"{size:g} pt".replace(".", ",")


def pt_range(allowed: Setting) -> str:
    if allowed.low == allowed.high:
        return pt(allowed.low)
    return f"{allowed.low:g}–{allowed.high:g} pt".replace(".", ",")


def sizes(p: Paragraph, default: float = 10.0) -> list[float]:
    """The sizes of the paragraph's text, in order of first appearance (`default`: where none is set)."""
    found: list[float] = []
    for run in p.runs:
        size = default if run.size is None else run.size
        if size not in found:
            found.append(size)
    return found


def upper(p: Paragraph) -> bool:
    return all(r.caps or r.text == r.text.upper() for r in p.runs)


def formatting(ctx: DocxContext, p: Paragraph, what: str, **expected) -> Problem | None:
    """One finding listing every way `p` differs from what the layout asks of `what` (None: all as asked);
    `expected` as for `differences`."""
    wrong, want = differences(p, default_size=ctx.profile.tolerances.default_size.value, **expected)
    return ctx.differ(p, what, wrong, want)


def looks(ctx: DocxContext, p: Paragraph, what: str, element: Setting, **layout) -> Problem | None:
    """`formatting` against the size and look (bold, italic, caps, underline) the profile gives `element`."""
    expected = dict(size=element, bold=element.bold, italic=element.italic, caps=element.caps,
                    underline=element.underline)
    return formatting(ctx, p, what, **(expected | layout))


def differences(p: Paragraph, *, size: Setting | None = None, bold: bool | None = None,
                italic: bool | None = None, caps: bool | None = None, underline: bool | None = None,
                align: str | None = None, default_size: float = 10.0) -> tuple[list[str], list[str]]:
    """What is wrong with the formatting of `p`, and what each should be instead (two parallel lists)."""
    wrong: list[str] = []
    want: list[str] = []
    if size is not None:
        bad = [s for s in sizes(p, default_size) if s not in size]
        if bad:
            wrong.append(f"cỡ chữ {pt(bad[0])}")
            want.append(f"cỡ {pt_range(size)}")
    if bold is not None and p.runs:
        if bold and not all(r.bold for r in p.runs):
            wrong.append("chữ không đậm")
            want.append("in đậm")
        elif not bold and any(r.bold for r in p.runs):
            wrong.append("chữ in đậm")
            want.append("không in đậm")
    if italic is not None and p.runs:
        if italic and not all(r.italic for r in p.runs):
            wrong.append("chữ không nghiêng")
            want.append("in nghiêng")
        elif not italic and any(r.italic for r in p.runs):
            wrong.append("chữ in nghiêng")
            want.append("chữ đứng")
    if caps and not upper(p):
        wrong.append("chưa viết in hoa")
        want.append("in hoa")
    if underline and p.runs and not all(r.underline not in (None, "none") for r in p.runs):
        wrong.append("chưa gạch chân")
        want.append("gạch chân")
    if align is not None and _ALIGN.get(p.para.align, p.para.align) != _ALIGN[align]:
        wrong.append(f"căn {_ALIGN.get(p.para.align, p.para.align)}")
        want.append(f"căn {_ALIGN[align]}")
    return wrong, want


def dashes(text: str) -> str:
    """En and em dashes as the hyphen ND30 writes (the motto, recipients)."""
    return text.translate(_DASHES)


def twips(element, attribute: str) -> int | None:
    """A length attribute of `element` in twips (None when absent or unreadable)."""
    return _length(element.get(W + attribute)) if element is not None else None


def millimetres(value: float) -> str:
    return f"{value / TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " mm"


def section_name(index: int, count: int) -> str:
    """Nothing for a one-section document; which section, when the document has several."""
    return "" if count == 1 else f"phần thứ {index + 1} (section) của văn bản: "


def sections_name(indices: list[int], count: int) -> str:
    """Nothing when `indices` (from 0) are every section of the document; else which sections, as `section_name`."""
    if len(set(indices)) == count:
        return ""
    if len(indices) == 1:
        return section_name(indices[0], count)
    named = ", ".join(str(i + 1) for i in indices[:_NAMED])
    more = f" và {len(indices) - _NAMED} phần khác" if len(indices) > _NAMED else ""
    return f"phần thứ {named}{more} (section) của văn bản: "


_NAMED = 5  # sections named one by one in a message; the rest are counted (a document may have hundreds)


#: Word's names of the headers and footers (kehoach.inspect.sections): Vietnamese, then the English of Word's menus.
_STORY = {"header": ("đầu trang", "Header"), "footer": ("chân trang", "Footer")}
_PAGES = {"first": ("của trang đầu", "First Page"), "even": ("của trang chẵn", "Even Page"),
          "odd": ("của trang lẻ", "Odd Page")}


def story_name(kind: str, type_: str, even_and_odd: bool = False) -> str:
    """«đầu trang (Header)», «chân trang của trang đầu (First Page Footer)»: a header or footer of `type_`
    (default, first, even) as a clerk finds it in Word; the default one is the odd pages' when even pages differ."""
    words, english = _STORY[kind]
    pages = "odd" if type_ == "default" and even_and_odd else type_
    if pages not in _PAGES:
        return f"{words} ({english})"
    vietnamese, which = _PAGES[pages]
    return f"{words} {vietnamese} ({which} {english})"
