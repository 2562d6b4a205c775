"""Plan → what the template of the Quyết định that issues the plan prints (ND30 Phụ lục III, Mẫu 1.3).

The decision shares the plan's organ, place, units and cited documents, and has its own number, date,
bases and signer. Its first and last parts (header, title, bases, Nơi nhận, signature) are laid out
exactly as the plan's, so they are composed by the plan's own helpers (`context.build_context`) from
`document(plan)`: the decision described in the plan's shape. What is the decision's own — the issuing
authority line and the articles (Điều 1–3) — is composed here.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from kehoach import profiles
from kehoach.model.plan import Basis, Plan, Recipients
from kehoach.model.references import References
from kehoach.render import footnotes
from kehoach.render.context import build_context
from kehoach.conventions.text import doc_number, end_with, short_date
from kehoach.render.wrap import balanced_lines

#: The parts of the plan's context the decision prints the same way.
SHARED_KEYS = ("draft", "organ", "number_line", "place_date", "doc_type", "summary_lines", "bases", "recipients",
               "signature")
ARTICLE_2 = "Quyết định này có hiệu lực thi hành kể từ ngày ký."
OTHERS = "Thủ trưởng các cơ quan, đơn vị có liên quan"
DEFAULT_RECIPIENT = "Như Điều 3"

#: The title of a unit's head, by how the unit's name begins (the names the Luật Tổ chức chính quyền địa
#: phương and practice give them); anything else is led by its «Thủ trưởng».
_HEADS = (
    ("Văn phòng ", "Chánh "), ("Ủy ban nhân dân ", "Chủ tịch "), ("UBND ", "Chủ tịch "),
    ("Hội đồng nhân dân ", "Chủ tịch "), ("Trung tâm ", "Giám đốc "), ("Sở ", "Giám đốc "), ("Đài ", "Giám đốc "),
    ("Bệnh viện ", "Giám đốc "), ("Kho bạc ", "Giám đốc "), ("Ban Chỉ huy ", "Chỉ huy trưởng "),
    ("Ban ", "Trưởng "), ("Công an ", "Trưởng "), ("Chi cục ", "Chi cục trưởng "), ("Trường ", "Hiệu trưởng "),
)


def document(plan: Plan) -> Plan:
    """The decision in the plan's shape: type Quyết định, its number, date, summary, bases, recipients, signer."""
    decision = plan.decision
    assert decision is not None  # kehoach.render.documents asks for the block first
    bases = list(decision.bases)
    if decision.proposer:
        bases.append(Basis.model_validate({"noi_dung": f"Theo đề nghị của {head(plan, decision.proposer)}"}))
    recipients = decision.recipients or Recipients.model_validate(
        {"gui": [DEFAULT_RECIPIENT], "luu": list(plan.recipients.archive)})
    return plan.model_copy(update={
        "type": "Quyết định", "number": decision.number, "date": decision.date,
        "year": decision.year or (plan.date.year if plan.date else plan.year),
        "summary": "\n".join(summary_lines(plan)), "bases": bases, "opening": [], "body": [], "closing": [],
        "recipients": recipients, "signature": decision.signature or plan.signature,
        "appendix": None, "decision": None, "results": None,
    })


def build(plan: Plan, refs: References | None = None, draft: bool | None = None) -> dict[str, Any]:
    """Everything the decision's template prints."""
    refs = refs or References(plan)
    decision = plan.decision
    assert decision is not None
    shared = build_context(document(plan), refs, decision.is_draft if draft is None else draft)
    context = {key: shared[key] for key in SHARED_KEYS}
    context["authority"] = (decision.authority or " ".join(plan.organ.name_lines)).upper()
    context["articles"] = [
        {"label": "Điều 1.", "text": end_with(f"Ban hành kèm theo Quyết định này {plan_title(plan)}", ".")},
        {"label": "Điều 2.", "text": refs.expand(decision.effect)},
        {"label": "Điều 3.", "text": f"{_joined(executors(plan))} chịu trách nhiệm thi hành Quyết định này./."},
    ]
    return context


def summary_lines(plan: Plan) -> list[str]:
    """«Về việc ban hành Kế hoạch …» in balanced lines, or the decision's own `trich_yeu` as written."""
    decision = plan.decision
    if decision is not None and decision.summary:
        return [line.strip() for line in decision.summary.splitlines() if line.strip()]
    # The plan's own line breaks are where its clerk chose to break this phrase: good places to break again.
    lines = [" ".join(line.split()) for line in footnotes.strip(plan.summary).splitlines() if line.strip()]
    text = f"Về việc ban hành {plan.doc_type.name} {lower_first(chr(10).join(lines))}"
    layout = profiles.of(plan)
    return balanced_lines(text, layout.sizes.summary.value, bold=True, width=layout.text_width)


def plan_title(plan: Plan) -> str:
    """Kế hoạch số 185/KH-UBND ngày 05/7/2024 về triển khai …; a plan without number: Kế hoạch triển khai …."""
    summary = lower_first(plan_summary(plan))
    if plan.is_draft:
        return f"{plan.doc_type.name} {summary}"
    return f"{plan.doc_type.name} số {doc_number(plan.number or '')}{plan.number_joiner}{plan.symbol} ngày {short_date(plan.date)} {about(summary)}"


def about(summary: str) -> str:
    """«về …» before a trích yếu, unless it starts with «về» already («Về công tác …»: not «về về công tác …»)."""
    return summary if summary.split(" ", 1)[0].casefold() == "về" else f"về {summary}"


def plan_summary(plan: Plan) -> str:
    """The plan's trích yếu on one line, without its footnotes (they belong to the plan)."""
    return " ".join(footnotes.strip(plan.summary).split())


def lower_first(text: str) -> str:
    """«Triển khai …» → «triển khai …» inside a sentence; an abbreviation (UBND, MTQG) keeps its capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:]


def executors(plan: Plan) -> list[str]:
    """Điều 3: the people who carry the decision out; by default the proposer's head and the bodies concerned."""
    decision = plan.decision
    assert decision is not None
    refs = decision.executors or ([decision.proposer] if decision.proposer else []) + [OTHERS]
    return [head(plan, ref) for ref in refs]


def head(plan: Plan, ref: str) -> str:
    """The head of a unit given by its id («Trưởng phòng Lao động - …»); any other text as written."""
    unit = plan.units.get(ref)
    if unit is None:
        return ref
    name = unicodedata.normalize("NFC", unit.name).replace("Uỷ ban", "Ủy ban")
    if name.startswith("Phòng "):
        return f"Trưởng phòng {name[len('Phòng '):]}"
    for start, title in _HEADS:
        if name.startswith(start):
            return f"{title}{name}"
    return f"Thủ trưởng {lower_first(name) if name.startswith(('Các ', 'Những ')) else name}"


def _joined(names: list[str]) -> str:
    """A, B và C."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"
