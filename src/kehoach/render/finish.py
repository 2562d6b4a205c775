"""What a Word template cannot express, done in code after the template is filled, in one place.

- The short rules under the organ name and the summary are 1/3–1/2 of the line above them, and the
  rule under the motto is as long as the motto (ND30 Phụ lục I, II.1.b, II.2.b, II.5.b): their length
  depends on the text, so each rule paragraph gets its indents from the width of the lines above it.
- A Phụ lục is the last section of the template, followed by an empty section that only the Kế hoạch
  without Phụ lục needs (see template_appendix): when the Phụ lục is printed that section goes.
- `[^note]` markers become Word footnotes (render.footnotes).
- The document properties (title, author, dates) describe the plan, not the template.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap, qn
from docx.section import Section

from kehoach import profiles
from kehoach.errors import InputError
from kehoach.model.plan import Plan
from kehoach.profiles.units import Twips
from kehoach.render import footnotes
from kehoach.render.oxml.paragraphs import set_indent
from kehoach.render.oxml.sections import drop_empty_last_section, section_properties
from kehoach.render.measure import text_width

_P, _PPR, _PSTYLE, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")

def finish(document, plan: Plan, draft: bool) -> None:
    """Close the sections, make the footnotes, size every rule paragraph and set the document properties."""
    drop_empty_last_section(document.element.body)
    _drop_unused_headers(document)
    footnotes.apply(document)
    if getattr(plan, "appendix", None) is not None:
        _check_appendix_printed(document, plan)
    layout = profiles.of(plan)
    rules, size = layout.rule_styles, layout.sizes.body.value
    found = _rule_paragraphs(document.element.body, rules)
    if found:
        widths = dict(_blocks_with_text_width(document))
        styles = _Styles(document.styles.element)
        for paragraph, style_id, block in found:
            if block in widths:  # a paragraph or table of the body (not one inside a content control)
                _size_rule(styles, paragraph, rules[style_id], widths[block], size)
    _set_properties(document, plan, draft)


def _rule_paragraphs(body, rules: dict[str, float]) -> list:
    """Each paragraph of the body in a rule style, with its style and the body's child it stands in, in order.

    One XPath query finds them: asking each of the document's paragraphs for its style costs a Python object
    and two lookups per paragraph."""
    found = []
    for paragraph in _rule_query(tuple(sorted(rules)))(body):
        block = paragraph
        while block.getparent() is not body:
            block = block.getparent()
        found.append((paragraph, _style_id(paragraph), block))
    return found


@cache
def _rule_query(style_ids: tuple[str, ...]):
    """The paragraphs whose own style (their first pPr's first pStyle, as python-docx reads it) is one of
    `style_ids`."""
    from lxml import etree

    wanted = " or ".join(f"w:pPr[1]/w:pStyle[1]/@w:val = $s{i}" for i in range(len(style_ids))) or "false()"
    query = etree.XPath(f".//w:p[{wanted}]", namespaces={"w": nsmap["w"]})
    variables = {f"s{i}": style_id for i, style_id in enumerate(style_ids)}
    return lambda body: query(body, **variables)


def _blocks_with_text_width(document):
    """Each paragraph or table of the body with the text width of its section (Kế hoạch or Phụ lục)."""
    pending = []
    for block in document.element.body.iterchildren(qn("w:p"), qn("w:tbl"), qn("w:sectPr")):
        ends = block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if block.tag == qn("w:p") else block
        if block.tag != qn("w:sectPr"):
            pending.append(block)
        if ends is not None and ends.tag == qn("w:sectPr"):
            section = Section(ends, document.part)
            width = Twips.emu(section.page_width - section.left_margin - section.right_margin)
            yield from ((b, width) for b in pending)
            pending = []


def _drop_unused_headers(document) -> None:
    """Headers and footers of a section that was not printed (the Phụ lục's, for a plan without one)."""
    used = {ref.get(qn("r:id")) for sectpr in section_properties(document.element.body)
            for ref in sectpr if ref.tag in (qn("w:headerReference"), qn("w:footerReference"))}
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rid not in used:
            document.part.drop_rel(rid)


def _check_appendix_printed(document, plan: Plan) -> None:
    """A clerk's template made before Phụ lục existed would silently leave the appendix out."""
    from kehoach.kinds import wording
    from kehoach.render import appendix

    title = footnotes.strip(appendix.title(plan, wording.sayer(plan))).upper().strip()
    texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in document.element.body.iter(qn("w:p")))
    if title not in texts:
        raise InputError(
            "mẫu Word không có phần Phụ lục nên bảng Phụ lục (khóa phu_luc) không được in; hãy dùng mẫu mặc định"
            " templates/ke-hoach.docx, hoặc chép phần Phụ lục (từ thẻ {%p if appendix %} đến {%p endif %}) của"
            " mẫu mặc định sang mẫu của mình"
        )


def _style_id(p) -> str | None:
    """A paragraph's own style: its first pPr's first pStyle (as python-docx's `p.pPr.pStyle` reads it)."""
    ppr = p.find(_PPR)
    reference = ppr.find(_PSTYLE) if ppr is not None else None
    return reference.get(_VAL) if reference is not None else None


class _Styles:
    """The template's styles by id, and the size and boldness each gets from its chain of base styles, each
    looked up once (python-docx's get_by_id runs an XPath query over all the styles at every call)."""

    def __init__(self, element) -> None:
        self.by_id: dict = {}
        for style in element.iterchildren(qn("w:style")):
            self.by_id.setdefault(style.get(qn("w:styleId")), style)  # the first one, as get_by_id finds
        self.looks: dict = {}

    def look(self, style_id: str | None) -> tuple[float | None, bool | None]:
        """The first size and the first boldness set along the chain of `style_id` (None where none is)."""
        if style_id not in self.looks:
            size = bold = None
            style = self.by_id.get(style_id) if style_id else None
            seen = set()
            while style is not None and (size is None or bold is None) and id(style) not in seen:
                seen.add(id(style))
                rpr = style.rPr
                if rpr is not None:
                    if size is None and rpr.sz is not None:
                        size = rpr.sz.val.pt
                    if bold is None and rpr.b is not None:
                        bold = rpr.b.val is not False
                based_on = style.basedOn
                style = self.by_id.get(based_on.val) if based_on is not None else None
            self.looks[style_id] = (size, bold)
        return self.looks[style_id]


def _size_rule(styles: _Styles, rule, fraction: float, page_text_width: int, default_size: float) -> None:
    width = _container_width(rule, page_text_width)
    lines = _lines_above(styles, rule, default_size)
    if not lines:
        return
    longest = max(min(text_width(text, size, bold), width) for text, size, bold in lines)
    length = max(round(longest * fraction), 1)
    side = max((width - length) // 2, 0)
    set_indent(rule, side, side)


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


def _lines_above(styles: _Styles, rule, default_size: float) -> list[tuple[str, float, bool]]:
    """The text, size and boldness of the run of same-style paragraphs just above `rule`."""
    lines = []
    style = None
    sibling = rule.getprevious()
    while sibling is not None and sibling.tag == _P:
        this_style = _style_id(sibling)
        if style is not None and this_style != style:
            break
        style = this_style
        text = "".join(t.text or "" for t in sibling.iter(qn("w:t")))
        size, bold = _look(styles, sibling, default_size)
        lines.append((text, size, bold))
        sibling = sibling.getprevious()
    return lines


def _look(styles: _Styles, p, default_size: float) -> tuple[float, bool]:
    """Effective size and boldness of a paragraph's text: its first run, then its style chain, then `default_size`."""
    size = bold = None
    run = p.find(qn("w:r"))
    if run is not None and run.rPr is not None:
        if run.rPr.sz is not None:
            size = run.rPr.sz.val.pt
        if run.rPr.b is not None:
            bold = run.rPr.b.val is not False
    if size is None or bold is None:
        style_size, style_bold = styles.look(_style_id(p))
        size = style_size if size is None else size
        bold = style_bold if bold is None else bold
    return (size or default_size, bool(bold))


def _set_properties(document, plan: Plan, draft: bool) -> None:
    core = document.core_properties
    summary = " ".join(line.strip() for line in footnotes.strip(plan.summary or "").splitlines())
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
