"""Raw `w:` XML of tracked changes (kehoach diff --docx): insertions, deletions and changed paragraph
properties, with their id, author and date, as Word shows them under Review; and the reading and moving of
paragraphs that marking them needs (kehoach.features.tracked aligns them, this module touches the XML)."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach.render.oxml.children import child

_DELETED_TEXT = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_TEXT = (qn("w:t"), qn("w:delText"))


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


def highest_id(body) -> int:
    """The highest numeric `w:id` in `body` (0 if none): new revision ids are counted on from it."""
    ids = [int(v) for e in body.iter() if (v := e.get(qn("w:id"))) is not None and v.lstrip("-").isdigit()]
    return max(ids, default=0)


@dataclass
class Segment:
    """The paragraphs standing together in a container: the body between two tables, or a table cell."""

    parent: object
    before: object | None  # the element just before the segment (a table), None at the container's start
    paragraphs: list = field(default_factory=list)


def segments(body) -> dict[tuple, Segment]:
    """Every segment of the document by its place (cell coordinates and segment number)."""
    found: dict[tuple, Segment] = {}

    def walk(container, path: tuple) -> None:
        number = 0
        found[path + (number,)] = Segment(container, None)
        for element in container:
            if element.tag == _P:
                found[path + (number,)].paragraphs.append(element)
            elif element.tag == _TBL:
                for r, row in enumerate(element.iterchildren(_TR)):
                    for c, cell in enumerate(row.iterchildren(_TC)):
                        walk(cell, path + (number, r, c))
                number += 1
                found[path + (number,)] = Segment(container, element)

    walk(body, ())
    return found


def place_after(parent, cursor, element) -> None:
    """`element` into `parent` just after `cursor`, or first when `cursor` is None (after a cell's
    properties, which stay first)."""
    if cursor is not None:
        cursor.addnext(element)
        return
    first = parent[0] if len(parent) else None
    if first is not None and first.tag == qn("w:tcPr"):
        first.addnext(element)
    else:
        parent.insert(0, element)


def paragraph_chars(p) -> list[tuple[str, object]]:
    """Each character of a simple paragraph with the run it stands in."""
    return [(c, run) for run in p.iter(_R) for t in run.iter(*_TEXT) for c in (t.text or "")]


def is_plain(p) -> bool:
    """Only runs of plain text (what kehoach's templates give): these can be rebuilt word by word."""
    allowed = {qn("w:pPr"), _R, qn("w:proofErr"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")}
    return all(element.tag in allowed for element in p) and all(
        part.tag in (qn("w:rPr"), *_TEXT) for run in p.iterchildren(_R) for part in run)


def paragraph_text(p) -> str:
    """The text of `p`, deleted text included."""
    return "".join(t.text or "" for t in p.iter(*_TEXT))


def paragraph_style(p) -> str | None:
    """The id of `p`'s paragraph style, None for the default one."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def paragraph_properties(p):
    """`p`'s `w:pPr`, None if it has none."""
    return p.find(qn("w:pPr"))


def run_properties(run):
    """`run`'s `w:rPr`, None if it has none."""
    return run.find(qn("w:rPr"))


def clear_runs(p) -> None:
    """Everything of `p` removed but its paragraph properties, to rebuild its runs."""
    for element in list(p):
        if element.tag != qn("w:pPr"):
            p.remove(element)
