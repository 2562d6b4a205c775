"""Plan → what the template of the report on the plan's results prints (ND30 Phụ lục III, Mẫu 1.4).

«BÁO CÁO / Kết quả thực hiện Kế hoạch số … ngày … của …», an optional «Kính gửi:» (ô 9a, a report to a
superior), then I. Kết quả thực hiện (a general assessment, and one row per activity of the plan with its
lead unit, result, status and amount spent), II. Tồn tại, hạn chế, III. Kiến nghị. The header, title and
closing table are the plan's, composed by the plan's helpers from `document(plan)`: the report described
in the plan's shape.
"""

from __future__ import annotations

from typing import Any

from kehoach import profiles
from kehoach.errors import InputError, InputErrors
from kehoach.model.plan import STATUSES, Activity, Plan, Recipients
from kehoach.conventions.money import amount_in_words, format_amount
from kehoach.model.outline import walk
from kehoach.model.references import References
from kehoach.render import footnotes
from kehoach.render.context import build_context
from kehoach.render.context_quyet_dinh import about, lower_first, plan_summary
from kehoach.conventions.text import doc_number, end_with, join_units, roman, short_date
from kehoach.render.wrap import balanced_lines

#: The parts of the plan's context the report prints the same way.
SHARED_KEYS = ("draft", "organ", "number_line", "place_date", "doc_type", "summary_lines", "opening", "closing",
               "recipients", "signature")
PART_RESULTS = "Kết quả thực hiện"
PART_SHORTCOMINGS = "Tồn tại, hạn chế"
PART_PROPOSALS = "Kiến nghị"
OVERALL = "Đánh giá chung"
TASKS = "Kết quả thực hiện các nhiệm vụ"
DEFAULT_RECIPIENT = "Như trên"  # ND30 Phụ lục I, II.9.b: a text with «Kính gửi» lists «Như trên» first


def document(plan: Plan) -> Plan:
    """The report in the plan's shape: type Báo cáo, its number, date, summary, opening, closing, recipients, signer."""
    results = plan.results
    assert results is not None  # kehoach.render.documents asks for the block first
    cited = plan_cited(plan)
    organ = plan.organ.running_name  # the model refuses ket_qua when the organ has none
    opening = list(results.opening) or [
        f"Thực hiện {cited} của {organ} {about(lower_first(plan_summary(plan)))}, {organ} báo cáo kết quả thực hiện"
        " như sau:"]
    closing = list(results.closing) or [f"Trên đây là Báo cáo kết quả thực hiện {cited} của {organ}./."]
    send_to = [DEFAULT_RECIPIENT] if results.addressee else list(plan.recipients.send_to)
    recipients = results.recipients or Recipients.model_validate(
        {"gui": send_to, "luu": list(plan.recipients.archive)})
    return plan.model_copy(update={
        "type": "Báo cáo", "number": results.number, "date": results.date,
        "year": results.year or (plan.date.year if plan.date else plan.year),
        "summary": "\n".join(summary_lines(plan)), "bases": [], "opening": opening, "body": [], "closing": closing,
        "recipients": recipients, "signature": results.signature or plan.signature,
        "appendix": None, "decision": None, "results": None,
    })


def build(plan: Plan, refs: References | None = None, draft: bool | None = None) -> dict[str, Any]:
    """Everything the report's template prints."""
    refs = refs or References(plan)
    results = plan.results
    assert results is not None
    shared = build_context(document(plan), refs, results.is_draft if draft is None else draft)
    context = {key: shared[key] for key in SHARED_KEYS}
    context["addressee"] = _addressee(plan)
    parts = [(PART_SHORTCOMINGS, results.shortcomings), (PART_PROPOSALS, results.proposals)]
    context["before_table"] = [_heading(1, PART_RESULTS)]
    if results.overall:
        context["before_table"] += [_heading(2, OVERALL, 1)] + _paragraphs(results.overall, refs)
        context["before_table"].append(_heading(2, TASKS, 2))
    context["after_table"] = []
    for number, (title, texts) in enumerate([(t, x) for t, x in parts if x], start=2):
        context["after_table"] += [_heading(1, title, number)] + _paragraphs(texts, refs)
    context["table"] = _table(plan, refs)
    return context


def summary_lines(plan: Plan) -> list[str]:
    """«Kết quả thực hiện Kế hoạch số … của …» in balanced lines, or the report's own `trich_yeu` as written."""
    results = plan.results
    if results is not None and results.summary:
        return [line.strip() for line in results.summary.splitlines() if line.strip()]
    text = f"Kết quả thực hiện {plan_cited(plan)} của {plan.organ.running_name}"
    layout = profiles.of(plan)
    return balanced_lines(text, layout.sizes.summary.value, bold=True, width=layout.text_width)


def plan_cited(plan: Plan) -> str:
    """Kế hoạch số 185/KH-UBND ngày 05/7/2024; a plan not yet numbered is named by its summary."""
    if plan.is_draft:
        return f"{plan.doc_type.name} {lower_first(plan_summary(plan))}"
    return f"{plan.doc_type.name} số {doc_number(plan.number or '')}{plan.number_joiner}{plan.symbol} ngày {short_date(plan.date)}"


def check_complete(plan: Plan, where) -> None:
    """Every activity of the plan has its result: a report that leaves one out would hide it. `where(path)`
    gives the position of a YAML path; raise InputErrors naming each activity left out."""
    results = plan.results
    assert results is not None
    errors = []
    for node in walk(plan):
        activity = node.block
        if not isinstance(activity, Activity) or (activity.id and activity.id in results.activities):
            continue
        title = footnotes.strip(" ".join(activity.title.split()))
        short = title if len(title) <= 60 else title[:60].rsplit(" ", 1)[0] + "…"
        if activity.id:
            message = (f"hoạt động «{short}» (mã {activity.id}) chưa có kết quả trong ket_qua.hoat_dong; hãy thêm"
                       f" «{activity.id}: {{tinh_trang: …, ket_qua: …}}» vào ket_qua.hoat_dong")
        else:
            message = (f"hoạt động «{short}» chưa có mã (id) nên chưa ghi được kết quả vào Báo cáo; hãy thêm id cho"
                       " hoạt động này rồi ghi kết quả của nó vào ket_qua.hoat_dong")
        errors.append(InputError(message, where(node.path)))
    if errors:
        raise InputErrors(errors)


def _addressee(plan: Plan) -> dict[str, Any] | None:
    """Ô 9a: «Kính gửi: X» on one line; to several: each on its own line, «;» and the last «.» (II.9.d)."""
    results = plan.results
    names = [plan.units[ref].name if ref in plan.units else ref for ref in results.addressee]  # full names
    if not names:
        return None
    if len(names) == 1:
        return {"one": True, "text": f"Kính gửi: {names[0]}"}
    lines = [f"- {end_with(name, '.' if i == len(names) - 1 else ';')}" for i, name in enumerate(names)]
    return {"one": False, "text": "\n".join(["Kính gửi:", *lines])}


def _heading(depth: int, title: str, number: int = 1) -> dict[str, str]:
    if depth == 1:
        return {"kind": "muc1", "text": f"{roman(number)}. {title.upper()}"}
    return {"kind": "muc2", "text": f"{number}. {title}"}


def _paragraphs(texts: list[str], refs: References) -> list[dict[str, str]]:
    """Free text of the report: «- …» items as bullets, the rest as paragraphs."""
    return [{"kind": "gach" if text.startswith(("- ", "+ ")) else "doan", "text": refs.expand(text)} for text in texts]


def _table(plan: Plan, refs: References) -> dict[str, Any]:
    """One row per activity of the plan, in the plan's order, then the total spent."""
    results = plan.results
    rows = []
    spent = []
    for node in walk(plan):
        activity = node.block
        if not isinstance(activity, Activity) or activity.id not in results.activities:
            continue  # check_complete has said which
        result = results.activities[activity.id]
        if result.spent is not None:
            spent.append(result.spent)
        rows.append({
            "number": str(len(rows) + 1),
            "content": footnotes.strip(refs.expand(activity.title)),
            "lead": join_units([refs.unit_name(u) for u in activity.lead]),
            "result": refs.expand(result.result or ""),
            "status": STATUSES[result.status],
            "spent": format_amount(result.spent) if result.spent is not None else "",
        })
    total = sum(spent)
    return {"rows": rows, "has_spent": bool(spent), "total": format_amount(total),
            "total_words": f"{amount_in_words(total)}."}
