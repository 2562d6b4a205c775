"""Raw `w:` XML of runs and paragraphs: the font in every slot, paragraph borders, indents, the PAGE field."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach.render.oxml.children import child

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_SIDES = ("top", "left", "bottom", "right")


def set_rfonts(rpr, font: str) -> None:
    """`w:rFonts` naming `font` in all four slots, theme fonts removed.

    Vietnamese letters such as ư and ạ fall in the hAnsi slot, and a theme attribute would win over
    an explicit name, so every slot is set and every theme attribute dropped.
    """
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_FONT_ATTRS:
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), font)


def set_paragraph_borders(ppr, sides: tuple[str, ...], weight: int, space: int = 1) -> None:
    """`w:pBdr` with a single solid line on each of `sides` (the short rules, the draft box)."""
    existing = ppr.find(qn("w:pBdr"))
    if existing is not None:
        ppr.remove(existing)
    pbdr = OxmlElement("w:pBdr")
    for side in _SIDES:
        if side in sides:
            border = OxmlElement(f"w:{side}")
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), str(weight))
            border.set(qn("w:space"), str(space))
            border.set(qn("w:color"), "000000")
            pbdr.append(border)
    # pBdr comes after keepNext…pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers.
    ppr_order = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                 "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                 "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                 "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                 "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    for name in ppr_order:
        successor = ppr.find(qn(name))
        if successor is not None:
            successor.addprevious(pbdr)
            return
    ppr.append(pbdr)


def add_page_field(paragraph) -> None:
    """A `PAGE` field (`w:fldSimple`) showing the current page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def set_indent(p, left: int, right: int) -> None:
    """`w:ind` left and right of the paragraph element `w:p`, in twips (gives a short rule its length)."""
    ind = child(p.get_or_add_pPr(), "w:ind",
                 before=("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                         "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                         "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"))
    for attr in ("w:start", "w:end"):
        if ind.get(qn(attr)) is not None:
            del ind.attrib[qn(attr)]
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
