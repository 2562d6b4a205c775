"""Raw `w:` XML of tracked changes (kehoach diff --docx): insertions, deletions and changed paragraph
properties, with their id, author and date, as Word shows them under Review."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach.render.oxml.children import child

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
    rpr = child(_ppr(p), "w:rPr", before=("w:sectPr", "w:pPrChange"))
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
