"""The raw WordprocessingML that python-docx has no API for, each function named after what it writes.

Everything else goes through python-docx's public API; only this module builds `w:` elements by hand.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_SIDES = ("top", "left", "bottom", "right")


def _child(parent, tag: str, before: tuple[str, ...] = ()):
    """The first `tag` child of `parent`, created in schema order (before any of `before`) if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for name in before:
        successor = parent.find(qn(name))
        if successor is not None:
            successor.addprevious(element)
            return element
    parent.append(element)
    return element


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


def set_table_borders_none(table) -> None:
    """`w:tblBorders` with every border `nil`: the header and closing tables are invisible grids."""
    tblpr = table._tbl.tblPr
    existing = tblpr.find(qn("w:tblBorders"))
    if existing is not None:
        tblpr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    _insert_tblpr(tblpr, borders, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                         "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
                                         "w:jc", "w:tblCellSpacing", "w:tblInd"))


def set_table_indent(table, twips: int) -> None:
    """`w:tblInd`: how far the table starts from the left margin (negative: into the margin)."""
    tblpr = table._tbl.tblPr
    ind = tblpr.find(qn("w:tblInd"))
    if ind is None:
        ind = OxmlElement("w:tblInd")
        _insert_tblpr(tblpr, ind, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                         "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
                                         "w:jc", "w:tblCellSpacing"))
    ind.set(qn("w:w"), str(twips))
    ind.set(qn("w:type"), "dxa")


def set_table_cell_margins(table, left: int, right: int, top: int = 0) -> None:
    """`w:tblCellMar`: the space inside each cell (none below)."""
    tblpr = table._tbl.tblPr
    existing = tblpr.find(qn("w:tblCellMar"))
    if existing is not None:
        tblpr.remove(existing)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", 0), ("right", right)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblpr.append(margins)
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:  # tblLook must stay last
        tblpr.remove(look)
        tblpr.append(look)


def _insert_tblpr(tblpr, element, after: tuple[str, ...]) -> None:
    last = None
    for child in tblpr:
        if child.tag in {qn(name) for name in after}:
            last = child
    if last is None:
        tblpr.insert(0, element)
    else:
        last.addnext(element)


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


def set_indent(paragraph, left: int, right: int) -> None:
    """`w:ind` left and right, in twips (used to give a short rule its length)."""
    ind = _child(paragraph._p.get_or_add_pPr(), "w:ind",
                 before=("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                         "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                         "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"))
    for attr in ("w:start", "w:end"):
        if ind.get(qn(attr)) is not None:
            del ind.attrib[qn(attr)]
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))


def cant_split():
    """`w:cantSplit`: a table row that is never broken across two pages."""
    return OxmlElement("w:cantSplit")
