"""Plan → the values a Word template prints: every sentence composed here, the look left to the template.

The context holds only strings, lists and small dicts, so that a template (the default one or a
clerk's own) can place them freely and docxtpl escapes every one of them.
"""

from __future__ import annotations

from typing import Any

from kehoach import profiles
from kehoach.conventions import citations, numbering
from kehoach.model.plan import Activity, Basis, Bullet, CitedDocument, Duty, Plan, Section
from kehoach.conventions.money import with_currency
from kehoach.model.outline import walk_blocks
from kehoach.model.references import References
from kehoach.kinds import wording
from kehoach.kinds.wording import ACTIVITY_LABELS, BLANK, number_and_symbol
from kehoach.render import appendix
from kehoach.conventions.text import end_with, join_units, long_date

def citation(doc: CitedDocument) -> str:
    """A first, full mention: type, number, date, issuer, title (kehoach.conventions.citations)."""
    return citations.cite(doc, citations.FULL)


def build_context(plan: Plan, refs: References | None = None, draft: bool | None = None) -> dict[str, Any]:
    """Everything the template prints, ready to be placed; `draft` marks even a numbered plan as a draft."""
    refs = refs or References(plan)
    expand = refs.expand
    say = wording.sayer(plan, refs)
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
        "body": _body(plan, refs, say),
        "closing": [expand(text) for text in plan.closing],
        "recipients": _recipients(plan, refs, say),
        "signature": {
            "authority": [line.upper() for line in plan.signature.authority],
            "position": plan.signature.position.upper(),
            "name": plan.signature.name,
        },
        "appendix": appendix.build(plan, refs, say),
    }


def number_line(document) -> str:
    """Số: 185/KH-UBND (a Party document: Số 12-KH/ĐU)."""
    return f"{profiles.load(document.layout_id).signing.number_prefix.value}{number_and_symbol(document)}"


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


def _body(plan: Plan, refs: References, say: wording.Say) -> list[dict[str, str]]:
    blocks: list[dict[str, str]] = []
    pointer_part = appendix.referring_part(plan)  # the part that ends with the pointer to the appendix
    for node in walk_blocks(list(plan.body), scheme=plan.numbering):
        if pointer_part is not None and node.depth == 1 and node.path[1] > pointer_part:
            blocks.append({"kind": "doan", "text": say("phu-luc-dan-chieu")})
            pointer_part = None
        blocks.extend(block_lines(node, plan, refs, say))
    if pointer_part is not None:
        blocks.append({"kind": "doan", "text": say("phu-luc-dan-chieu")})
    return blocks


def body_blocks(blocks: list, document, refs: References, say: wording.Say, scheme=None) -> list[dict[str, str]]:
    """What the template prints for one body of any document (no Phụ lục pointer), numbered by `scheme`
    (the document's danh_so; None: I., 1., a)); `say` gives the labels of an activity's lines."""
    scheme = scheme or getattr(document, "numbering", None)
    return [line for node in walk_blocks(list(blocks), scheme=scheme)
            for line in block_lines(node, document, refs, say)]


def block_lines(node, document, refs: References, say: wording.Say) -> list[dict[str, str]]:
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
                *({"kind": "gach", "text": line} for line in _activity_lines(block, refs, say))]
    return []


def _activity_lines(activity: Activity, refs: References, say: wording.Say) -> list[str]:
    """The "- Label: value." lines under an activity's heading, labelled by the kinds' data (ACTIVITY_LABELS)."""
    names = lambda units: join_units([refs.unit_name(u) for u in units])  # noqa: E731
    lines: list[tuple[str, str]] = []
    if activity.content:
        lines.append(("content", refs.expand(activity.content)))
    if activity.lead and activity.lead == activity.implementing:
        lines.append(("lead_and_implementing", names(activity.lead)))
    else:
        if activity.lead:
            lines.append(("lead", names(activity.lead)))
        if activity.implementing:
            lines.append(("implementing", names(activity.implementing)))
    if activity.coordinating:
        lines.append(("coordinating", names(activity.coordinating)))
    if activity.period:
        lines.append(("period", activity.period))
    if activity.budget is not None:
        lines.append(("budget", with_currency(activity.budget)))
    return [f"- {say(ACTIVITY_LABELS[field])}: {end_with(value, '.')}" for field, value in lines]


def _recipients(plan: Plan, refs: References, say: wording.Say) -> list[str]:
    """One line per recipient ending ";", then the «Lưu» line ending "." (sentence «dong-luu»: «- Lưu: VT, ….»,
    ND30 Phụ lục I, II.9.b)."""
    lines = [f"- {end_with(refs.unit_name(ref), ';')}" for ref in plan.recipients.send_to]
    lines.append(f"- {end_with(say('dong-luu', noi_luu=wording.archive_places(plan)), '.')}")
    return lines
