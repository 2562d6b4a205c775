"""The parts of the report on a plan's results (ND30 Phụ lục III, Mẫu 1.4) beyond what every document has.

The report is made from the plan file's `ket_qua` block (kehoach.render.derived): its header, title, «Kính
gửi», opening, closing and signature are composed like any document's. What is its own, composed here: I.
Kết quả thực hiện (a general assessment, and one row per activity of the plan with its lead unit, result,
status and amount spent), II. Tồn tại, hạn chế, III. Kiến nghị; their headings are sentences of the data
(data/kinds/ke-hoach.yaml, `tu_khoi`), so a clerk can reword them.
"""

from __future__ import annotations

from typing import Any

from kehoach.conventions.money import amount_in_words, format_amount
from kehoach.conventions.text import join_units, roman
from kehoach.errors import InputError, InputErrors
from kehoach.model.outline import walk
from kehoach.model.plan import Activity
from kehoach.model.references import References
from kehoach.render import footnotes


def parts(plan, results, refs: References, say) -> dict[str, Any]:
    """before_table, the table, after_table: what the report's template prints around its table."""
    parts = [(say("phan-ton-tai"), results.shortcomings), (say("phan-kien-nghi"), results.proposals)]
    before = [_heading(1, say("phan-ket-qua"))]
    if results.overall:
        before += [_heading(2, say("danh-gia-chung"), 1)] + _paragraphs(results.overall, refs)
        before.append(_heading(2, say("ket-qua-nhiem-vu"), 2))
    after: list[dict[str, str]] = []
    for number, (title, texts) in enumerate([(t, x) for t, x in parts if x], start=2):
        after += [_heading(1, title, number)] + _paragraphs(texts, refs)
    return {"before_table": before, "after_table": after, "table": _table(plan, results, refs, say)}


def check_complete(plan, results, where) -> None:
    """Every activity of the plan has its result: a report that leaves one out would hide it. `where(path)`
    gives the position of a YAML path; raise InputErrors naming each activity left out."""
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


def _heading(depth: int, title: str, number: int = 1) -> dict[str, str]:
    if depth == 1:
        return {"kind": "muc1", "text": f"{roman(number)}. {title.upper()}"}
    return {"kind": "muc2", "text": f"{number}. {title}"}


def _paragraphs(texts: list[str], refs: References) -> list[dict[str, str]]:
    """Free text of the report: «- …» items as bullets, the rest as paragraphs."""
    return [{"kind": "gach" if text.startswith(("- ", "+ ")) else "doan", "text": refs.expand(text)} for text in texts]


def _table(plan, results, refs: References, say) -> dict[str, Any]:
    """One row per activity of the plan, in the plan's order, then the total spent; each status in the report's
    words (sentences tinh-trang-da-xong, …)."""
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
            "status": say(f"tinh-trang-{result.status}"),
            "spent": format_amount(result.spent) if result.spent is not None else "",
        })
    total = sum(spent)
    return {"rows": rows, "has_spent": bool(spent), "total": format_amount(total),
            "total_words": f"{amount_in_words(total)}."}
