"""Raw `w:` XML of tables: invisible or single-line borders, the table's indent, cell margins, and rows that
repeat at the top of each page or never break across two."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def set_table_borders_none(table) -> None:
    """`w:tblBorders` with every border `nil`: the header and closing tables are invisible grids."""
    _set_table_borders(table, None)


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


def cant_split():
    """`w:cantSplit`: a table row that is never broken across two pages."""
    return OxmlElement("w:cantSplit")


def repeat_as_header():
    """`w:tblHeader`: a table row repeated at the top of every page the table runs onto."""
    return OxmlElement("w:tblHeader")


def set_table_borders_single(table, weight: int) -> None:
    """`w:tblBorders` with a single black line on every side and between all cells (a table of data)."""
    _set_table_borders(table, weight)


def _set_table_borders(table, weight: int | None) -> None:
    """`w:tblBorders` for every side and between cells: `nil`, or a single black line of `weight`."""
    tblpr = table._tbl.tblPr
    existing = tblpr.find(qn("w:tblBorders"))
    if existing is not None:
        tblpr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        if weight is None:
            border.set(qn("w:val"), "nil")
        else:
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), str(weight))
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "000000")
        borders.append(border)
    _insert_tblpr(tblpr, borders, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                         "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
                                         "w:jc", "w:tblCellSpacing", "w:tblInd"))
