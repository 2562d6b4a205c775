"""The raw WordprocessingML that python-docx has no API for, each function named after what it writes.

Everything else goes through python-docx's public API; only this module builds `w:` elements by hand.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn

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
    ind = _child(p.get_or_add_pPr(), "w:ind",
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


# -- appendix: bordered table, sections ----------------------------------------------------------------

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


def set_page_number_start(sectpr, start: int) -> None:
    """`w:pgNumType w:start`: the section's pages are numbered from `start` (an appendix from 1)."""
    numbering = _child(sectpr, "w:pgNumType",
                       before=("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                               "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"))
    numbering.set(qn("w:start"), str(start))


def end_last_section_at(p) -> None:
    """Move the body's `w:sectPr` (the last section's properties) into paragraph `p`, so that the section
    ends there, and give the body a copy of the section before it for an (empty) section after `p`."""
    body = p.getparent()
    *_, previous, last = section_properties(body)
    body.remove(last)
    p.set_sectPr(last)
    body.append(deepcopy(previous))


def drop_empty_last_section(body) -> bool:
    """If nothing but empty paragraphs follows the last section break, that break's section is the real last
    one: its `w:sectPr` replaces the body's (and the empty paragraphs go). True when it did."""
    breaks = section_properties(body)[:-1]
    if not breaks:
        return False
    ending = breaks[-1].getparent().getparent()  # w:sectPr → w:pPr → w:p
    after = list(ending.itersiblings())[:-1]  # the body's own w:sectPr is last
    if any(e.tag != qn("w:p") or any(t.text for t in e.iter(qn("w:t"))) for e in after):
        return False
    for element in after:
        body.remove(element)
    sectpr = breaks[-1]
    sectpr.getparent().remove(sectpr)
    body.replace(section_properties(body)[-1], sectpr)
    return True


def section_properties(body) -> list:
    """Every `w:sectPr` of the body in document order: one per section, the body's own last."""
    return body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr")


# -- footnotes (kehoach.render.footnotes) ------------------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def footnotes_root():
    """`w:footnotes`: the root of the footnotes part."""
    return OxmlElement("w:footnotes", nsdecls={prefix: nsmap[prefix] for prefix in ("w", "r")})


def separator_footnote(note_id: int, kind: str):
    """`w:footnote` of type separator or continuationSeparator: the short line above the notes of a page."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:type"), kind)
    note.set(qn("w:id"), str(note_id))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    p.append(ppr)
    run = OxmlElement("w:r")
    run.append(OxmlElement(f"w:{kind}"))
    p.append(run)
    note.append(p)
    return note


def footnote(note_id: int, text: str, paragraph_style: str, mark_style: str):
    """`w:footnote`: one paragraph, the note's own number (`w:footnoteRef`) then a space and its text."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(note_id))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), paragraph_style)
    ppr.append(pstyle)
    p.append(ppr)
    mark = _styled_run(mark_style)
    mark.append(OxmlElement("w:footnoteRef"))
    p.append(mark)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(_XML_SPACE, "preserve")
    t.text = f" {text}"
    run.append(t)
    p.append(run)
    note.append(p)
    return note


def run_like(rpr):
    """An empty `w:r` with a copy of `rpr` (None: no properties), for text split out of a run."""
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(deepcopy(rpr))
    return run


def footnote_reference_run(note_id: int, mark_style: str):
    """`w:r` with `w:footnoteReference`: where the note's number stands in the text."""
    run = _styled_run(mark_style)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run.append(reference)
    return run


def _styled_run(style_id: str):
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rstyle = OxmlElement("w:rStyle")
    rstyle.set(qn("w:val"), style_id)
    rpr.append(rstyle)
    run.append(rpr)
    return run


def set_footnote_separators(settings, ids: tuple[int, ...]) -> None:
    """`w:footnotePr` in the settings, naming the separator footnotes (Word expects it with a footnotes part)."""
    if settings.find(qn("w:footnotePr")) is not None:
        return
    properties = OxmlElement("w:footnotePr")
    for note_id in ids:
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), str(note_id))
        properties.append(ref)
    for name in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                 "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                 "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                 "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                 "w:decimalSymbol", "w:listSeparator"):
        successor = settings.find(qn(name))
        if successor is not None:
            successor.addprevious(properties)
            return
    settings.append(properties)


# -- tracked changes (kehoach diff --docx) ----------------------------------------------------------

_DELETED_TEXT = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}


def revision_mark(tag: str, rev_id: int, author: str, date: str):
    """`w:ins` or `w:del`: a tracked insertion or deletion, with its id, author and date."""
    mark = OxmlElement(tag)
    mark.set(qn("w:id"), str(rev_id))
    mark.set(qn("w:author"), author)
    mark.set(qn("w:date"), date)
    return mark


def text_run(text: str, rpr=None, deleted: bool = False):
    """`w:r` with a copy of `rpr` and `text` in `w:t`, or in `w:delText` for deleted text."""
    from copy import deepcopy

    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(deepcopy(rpr))
    element = OxmlElement("w:delText" if deleted else "w:t")
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(element)
    return run


def wrap_runs(p, mark_factory) -> None:
    """Every run of paragraph `p` moved into a `w:ins`/`w:del` made by `mark_factory()`, one per group of
    adjacent runs; inside `w:del`, `w:t` becomes `w:delText` as the schema requires."""
    runs = [r for r in p.iter(qn("w:r")) if r.getparent().tag not in (qn("w:ins"), qn("w:del"))]
    mark = None
    for run in runs:
        if mark is None or run.getprevious() is not mark:
            mark = mark_factory()
            run.addprevious(mark)
        mark.append(run)
        if mark.tag == qn("w:del"):
            for element in run.iter(*_DELETED_TEXT):
                element.tag = _DELETED_TEXT[element.tag]


def mark_paragraph(p, mark) -> None:
    """The paragraph mark of `p` tracked as inserted or deleted: `w:pPr/w:rPr/w:ins` (or `w:del`)."""
    unmark_paragraph(p)
    rpr = _child(_ppr(p), "w:rPr", before=("w:sectPr", "w:pPrChange"))
    rpr.insert(0, mark)  # w:ins and w:del come first in a paragraph mark's properties


def unmark_paragraph(p):
    """Remove the tracked insertion or deletion of `p`'s paragraph mark; return it (None if there was none)."""
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    marks = [] if rpr is None else rpr.findall(qn("w:ins")) + rpr.findall(qn("w:del"))
    for mark in marks:
        rpr.remove(mark)
    if rpr is not None and len(rpr) == 0:
        rpr.getparent().remove(rpr)
    return marks[0] if marks else None


def _ppr(p):
    """`p`'s `w:pPr`, created first in the paragraph if missing."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    return ppr


def paragraph_property_change(p, old_ppr, mark) -> None:
    """`w:pPrChange`: `p`'s paragraph properties were `old_ppr` before (its style, indents…).

    `mark` is a `w:ins`-like element whose id, author and date are taken over.
    """
    from copy import deepcopy

    ppr = _ppr(p)
    change = OxmlElement("w:pPrChange")
    for attr in ("w:id", "w:author", "w:date"):
        change.set(qn(attr), mark.get(qn(attr)))
    previous = deepcopy(old_ppr) if old_ppr is not None else OxmlElement("w:pPr")
    for name in ("w:rPr", "w:sectPr", "w:pPrChange"):
        for element in previous.findall(qn(name)):
            previous.remove(element)
    change.append(previous)
    ppr.append(change)
