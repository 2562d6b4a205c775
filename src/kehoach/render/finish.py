"""What a Word template cannot express, done in code after the template is filled, in one place.

- The short rules under the organ name and the summary are 1/3–1/2 of the line above them, and the
  rule under the motto is as long as the motto (ND30 Phụ lục I, II.1.c, II.2.b, II.5.b): their length
  depends on the text, so each rule paragraph gets its indents from the width of the lines above it.
- The document properties (title, author, dates) describe the plan, not the template.
"""

from __future__ import annotations

from datetime import datetime

from docx.oxml.ns import qn

from kehoach import nd30
from kehoach.model import Plan
from kehoach.render import oxml
from kehoach.render.measure import text_width
from kehoach.render.template_builder import RULE_STYLES

_DEFAULT_SIZE = nd30.SIZE_BODY.chosen


def finish(document, plan: Plan, draft: bool) -> None:
    """Size every rule paragraph and set the document properties."""
    body = document.element.body
    section = document.sections[-1]
    page_text_width = int(section.page_width - section.left_margin - section.right_margin) // 635  # EMU → twips
    for paragraph in body.iter(qn("w:p")):
        style_id = _style_id(paragraph)
        if style_id in RULE_STYLES:
            _size_rule(document.styles.element, paragraph, RULE_STYLES[style_id], page_text_width)
    _set_properties(document, plan, draft)


def _style_id(p) -> str | None:
    ppr = p.pPr
    if ppr is None or ppr.pStyle is None:
        return None
    return ppr.pStyle.val


def _size_rule(styles, rule, fraction: float, page_text_width: int) -> None:
    width = _container_width(rule, page_text_width)
    lines = _lines_above(styles, rule)
    if not lines:
        return
    longest = max(min(text_width(text, size, bold), width) for text, size, bold in lines)
    length = max(round(longest * fraction), 1)
    side = max((width - length) // 2, 0)
    oxml.set_indent(_Paragraph(rule), side, side)


class _Paragraph:
    """The smallest stand-in for python-docx's Paragraph that `oxml.set_indent` needs."""

    def __init__(self, p) -> None:
        self._p = p


def _container_width(p, page_text_width: int) -> int:
    """The width text can take where `p` stands: its table cell, or the page between the margins."""
    tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
    if tc is None:
        return page_text_width
    tcw = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
    width = int(tcw.get(qn("w:w"))) if tcw is not None else page_text_width
    margins = 0
    tbl = next(tc.iterancestors(qn("w:tbl")))
    cell_mar = tbl.find(qn("w:tblPr") + "/" + qn("w:tblCellMar"))
    if cell_mar is not None:
        for side in ("left", "right"):
            element = cell_mar.find(qn(f"w:{side}"))
            if element is not None:
                margins += int(element.get(qn("w:w")))
    return max(width - margins, 1)


def _lines_above(styles, rule) -> list[tuple[str, float, bool]]:
    """The text, size and boldness of the run of same-style paragraphs just above `rule`."""
    lines = []
    style = None
    sibling = rule.getprevious()
    while sibling is not None and sibling.tag == qn("w:p"):
        this_style = _style_id(sibling)
        if style is not None and this_style != style:
            break
        style = this_style
        text = "".join(t.text or "" for t in sibling.iter(qn("w:t")))
        size, bold = _look(styles, sibling)
        lines.append((text, size, bold))
        sibling = sibling.getprevious()
    return lines


def _look(styles, p) -> tuple[float, bool]:
    """Effective size and boldness of a paragraph's text: its first run, then its style chain."""
    size = bold = None
    run = p.find(qn("w:r"))
    if run is not None and run.rPr is not None:
        if run.rPr.sz is not None:
            size = run.rPr.sz.val.pt
        if run.rPr.b is not None:
            bold = run.rPr.b.val is not False
    style_id = _style_id(p)
    style = styles.get_by_id(style_id) if style_id else None
    while style is not None and (size is None or bold is None):
        rpr = style.rPr
        if rpr is not None:
            if size is None and rpr.sz is not None:
                size = rpr.sz.val.pt
            if bold is None and rpr.b is not None:
                bold = rpr.b.val is not False
        style = style.base_style
    return (size or _DEFAULT_SIZE, bool(bold))


def _set_properties(document, plan: Plan, draft: bool) -> None:
    core = document.core_properties
    summary = " ".join(line.strip() for line in plan.summary.splitlines())
    core.title = f"{plan.doc_type.name} {summary}"
    core.subject = plan.doc_type.name
    core.author = " ".join(line.title() for line in plan.organ.name_lines)
    core.comments = "Dự thảo" if draft else ""
    core.last_modified_by = "kehoach"
    core.language = "vi-VN"
    core.revision = 1
    # Dated by the plan, not by the clock, so that the same data gives the same file.
    when = datetime(plan.date.year, plan.date.month, plan.date.day) if plan.date else datetime(2000, 1, 1)
    core.created = when
    core.modified = when
