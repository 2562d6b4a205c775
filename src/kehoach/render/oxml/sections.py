"""Raw `w:` XML of sections: where a section ends, which section is the last, and where its page numbers
start (the Phụ lục is numbered from 1)."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from kehoach.render.oxml.children import child


def set_page_number_start(sectpr, start: int) -> None:
    """`w:pgNumType w:start`: the section's pages are numbered from `start` (an appendix from 1)."""
    numbering = child(sectpr, "w:pgNumType",
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
