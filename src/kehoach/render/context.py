"""Plan → the values a Word template prints: every sentence composed here, the look left to the template.

The context holds only strings, lists and small dicts, so that a template (the default one or a
clerk's own) can place them freely and docxtpl escapes every one of them.
"""

from __future__ import annotations

from typing import Any

from kehoach import profiles
from kehoach.conventions import citations, numbering
from kehoach.model.plan import Activity, Basis, Bullet, CitedDocument, Duty, Plan, Section
from kehoach.conventions.money import format_amount
from kehoach.model.outline import walk_blocks
from kehoach.model.references import References
from kehoach.render import appendix
from kehoach.conventions.text import end_with, join_units, long_date

#: The labels of an activity's lines, as real plans write them (part III of the 2024 plan).
LABEL_CONTENT = "Nội dung"
LABEL_LEAD = "Đơn vị chủ trì"
LABEL_LEAD_AND_IMPLEMENTING = "Đơn vị chủ trì, thực hiện"
LABEL_IMPLEMENTING = "Đơn vị trực tiếp thực hiện"
LABEL_COORDINATING = "Đơn vị phối hợp"
LABEL_PERIOD = "Thời gian thực hiện"
LABEL_BUDGET = "Kinh phí"

#: What the registry clerk fills in by hand on a draft: room for a number, a day and a month.
BLANK = " " * 8


def citation(doc: CitedDocument) -> str:
    """A first, full mention: type, number, date, issuer, title (kehoach.conventions.citations)."""
    return citations.cite(doc, citations.FULL)


def build_context(plan: Plan, refs: References | None = None, draft: bool | None = None) -> dict[str, Any]:
    """Everything the template prints, ready to be placed; `draft` marks even a numbered plan as a draft."""
    refs = refs or References(plan)
    expand = refs.expand
    return {
        "draft": plan.is_draft if draft is None else draft,
        "layout": plan.layout_id,
        "organ": {"parent": plan.organ.parent, "lines": [line.upper() for line in plan.organ.name_lines]},
        "number_line": number_line(plan),
        "place_date": _place_date(plan),
        "doc_type": plan.doc_type.name.upper(),
        "summary_lines": [line.strip() for line in plan.summary.splitlines() if line.strip()],
        "bases": _bases(plan, expand),
        "opening": [expand(text) for text in plan.opening],
        "body": _body(plan, refs),
        "closing": [expand(text) for text in plan.closing],
        "recipients": _recipients(plan, refs),
        "signature": {
            "authority": [line.upper() for line in plan.signature.authority],
            "position": plan.signature.position.upper(),
            "name": plan.signature.name,
        },
        "appendix": appendix.build(plan, refs),
    }


def number_line(document) -> str:
    """Số: 185/KH-UBND (a Party document: Số 12-KH/ĐU)."""
    return f"{profiles.load(document.layout_id).signing.number_prefix.value}{number_and_symbol(document)}"


def number_and_symbol(document) -> str:
    """185/KH-UBND, 36/2013/QĐ-UBND (the model composes it: Document.number_and_symbol); on a draft the number is
    left blank for the registry clerk (Điều 15)."""
    text = document.number_and_symbol
    return text if document.number else f"{BLANK}{text}"


def _place_date(plan: Plan) -> str:
    """Mường Ảng, ngày 05 tháng 7 năm 2024 (II.4); on a draft day and month are left blank."""
    if plan.date and plan.written_date:  # as the original printed it (kehoach check reports what ND30 forbids)
        return f"{plan.organ.place}, ngày {plan.written_date}"
    if plan.date:
        return f"{plan.organ.place}, {long_date(plan.date)}"
    year = str(plan.year) if plan.year else BLANK
    return f"{plan.organ.place}, ngày{BLANK}tháng{BLANK}năm {year}".rstrip()


def _bases(plan: Plan, expand) -> list[str]:
    """Each basis in its own paragraph ending «;», the last ending «.» (II.6.a), unless the data says otherwise."""
    return [basis_paragraph(plan, basis, expand, last=i == len(plan.bases) - 1) for i, basis in enumerate(plan.bases)]


def basis_paragraph(plan: Plan, basis: Basis, expand, last: bool) -> str:
    """One basis paragraph of `plan` (kehoach.conventions.citations.basis_paragraph)."""
    return citations.basis_paragraph(plan.documents, basis, expand, last)


def _heading(node, title: str) -> list[dict[str, str]]:
    """The paragraphs of a numbered block's heading, in the numbering scheme of its level (conventions.numbering)."""
    return [{"kind": kind, "number": node.number or "", "title": title, "text": text}
            for kind, text in numbering.heading(node.style, node.number or "", title)]


def _body(plan: Plan, refs: References) -> list[dict[str, str]]:
    blocks: list[dict[str, str]] = []
    pointer_part = appendix.referring_part(plan)  # the part that ends with the pointer to the appendix
    for node in walk_blocks(list(plan.body), scheme=plan.numbering):
        if pointer_part is not None and node.depth == 1 and node.path[1] > pointer_part:
            blocks.append({"kind": "doan", "text": appendix.body_reference(plan)})
            pointer_part = None
        blocks.extend(block_lines(node, plan, refs))
    if pointer_part is not None:
        blocks.append({"kind": "doan", "text": appendix.body_reference(plan)})
    return blocks


def body_blocks(blocks: list, document, refs: References, scheme=None) -> list[dict[str, str]]:
    """What the template prints for one body of any document (no Phụ lục pointer), numbered by `scheme`
    (the document's danh_so; None: I., 1., a))."""
    scheme = scheme or getattr(document, "numbering", None)
    return [line for node in walk_blocks(list(blocks), scheme=scheme) for line in block_lines(node, document, refs)]


def block_lines(node, document, refs: References) -> list[dict[str, str]]:
    """The paragraphs of one block of a body: a heading, a paragraph, a bullet, an activity's lines."""
    expand = refs.expand
    block = node.block
    if isinstance(block, str):
        return [{"kind": "doan", "text": expand(block)}]
    if isinstance(block, Bullet):
        return [{"kind": "gach", "text": f"- {expand(block.text)}"}]
    if isinstance(block, Section):
        return _heading(node, expand(block.title))
    if isinstance(block, Duty):
        unit = document.units.get(block.unit)
        title = block.title or (unit.name if unit else block.unit)
        return _heading(node, expand(title))
    if isinstance(block, Activity):
        return [*_heading(node, expand(block.title)),
                *({"kind": "gach", "text": line} for line in _activity_lines(block, refs))]
    return []


def _activity_lines(activity: Activity, refs: References) -> list[str]:
    """The "- Label: value." lines under an activity's heading."""
    names = lambda units: join_units([refs.unit_name(u) for u in units])  # noqa: E731
    lines: list[tuple[str, str]] = []
    if activity.content:
        lines.append((LABEL_CONTENT, refs.expand(activity.content)))
    if activity.lead and activity.lead == activity.implementing:
        lines.append((LABEL_LEAD_AND_IMPLEMENTING, names(activity.lead)))
    else:
        if activity.lead:
            lines.append((LABEL_LEAD, names(activity.lead)))
        if activity.implementing:
            lines.append((LABEL_IMPLEMENTING, names(activity.implementing)))
    if activity.coordinating:
        lines.append((LABEL_COORDINATING, names(activity.coordinating)))
    if activity.period:
        lines.append((LABEL_PERIOD, activity.period))
    if activity.budget is not None:
        lines.append((LABEL_BUDGET, f"{format_amount(activity.budget)} đồng"))
    return [f"- {label}: {end_with(value, '.')}" for label, value in lines]


def _recipients(plan: Plan, refs: References) -> list[str]:
    """One line per recipient ending ";", then "- Lưu: VT, …." (ND30 Phụ lục I, II.9.b)."""
    lines = [f"- {end_with(refs.unit_name(ref), ';')}" for ref in plan.recipients.send_to]
    if plan.recipients.archive_as_written:  # as the original printed it (archive-line reports what ND30 forbids)
        lines.append(f"- Lưu: {end_with(plan.recipients.archive_as_written, '.')}")
        return lines
    kept = ["VT"]
    for ref in plan.recipients.archive:
        unit = plan.units.get(ref)
        kept.append(unit.code or unit.display_name if unit else ref)
    lines.append(f"- Lưu: {', '.join(kept)}.")
    return lines
