"""The appendix of tasks (ND30 Phụ lục I, Phần I, III.1): its heading lines and its table, from the activities.

The body must point to the appendix (III.1.a). kehoach adds the sentence «phu-luc-dan-chieu» of the kinds' data
as the last paragraph of the part (I., II., …) that holds the last activity, so the pointer is never forgotten
and stays next to the tasks it details. The appendix's default title («phu-luc-ten») and its «(Kèm theo …)»
line («phu-luc-kem-theo») are sentences of the data too (data/kinds/_chung.yaml), replaceable by `cau_chu`.
"""

from __future__ import annotations

from typing import Any

from kehoach.model.plan import Activity, Plan
from kehoach.conventions.money import amount_in_words, format_amount
from kehoach.model.outline import walk
from kehoach.model.references import References
from kehoach.render import footnotes
from kehoach.conventions.text import join_units

def build(plan: Plan, refs: References, say) -> dict[str, Any] | None:
    """What the template prints in the appendix section, or None when the plan has no `phu_luc`; `say` gives the
    plan's sentences (kehoach.kinds.wording)."""
    if getattr(plan, "appendix", None) is None:  # only a plan has one
        return None
    activities = [node.block for node in walk(plan) if isinstance(node.block, Activity)]
    rows = [_row(index, activity, refs) for index, activity in enumerate(activities, start=1)]
    total = sum(a.budget for a in activities if a.budget is not None)
    return {
        "title": title(plan, say).upper(),
        # (Kèm theo Kế hoạch số 185/KH-UBND ngày 05 tháng 7 năm 2024 của Ủy ban nhân dân huyện Mường Ảng) (III.1.c);
        # on a draft the number, day and month are left blank for the registry clerk, as on the first page.
        "reference": say("phu-luc-kem-theo"),
        "rows": rows,
        "has_budget": any(a.budget is not None for a in activities),
        "total": format_amount(total),
        "total_words": amount_in_words(total),
    }


def title(plan: Plan, say) -> str:
    """The title of the plan's Phụ lục: the clerk's (`phu_luc: Tên …`), else the sentence «phu-luc-ten»."""
    return plan.appendix.title or say("phu-luc-ten")


def referring_part(plan: Plan) -> int | None:
    """The index (in `noi_dung`) of the part whose end gets the pointer: the part of the last activity."""
    if getattr(plan, "appendix", None) is None:  # only a plan has one
        return None
    parts = [node.path[1] for node in walk(plan) if isinstance(node.block, Activity)]
    return parts[-1] if parts else None


def _row(number: int, activity: Activity, refs: References) -> dict[str, str]:
    names = lambda units: join_units([refs.unit_name(u) for u in units])  # noqa: E731
    return {
        "number": str(number),
        # A note belongs to the body, where the activity is described; here it would be printed twice.
        "content": footnotes.strip(refs.expand(activity.title)),
        "lead": names(activity.lead),
        "implementing": names(activity.implementing),
        "coordinating": names(activity.coordinating),
        "period": footnotes.strip(activity.period or ""),
        "budget": format_amount(activity.budget) if activity.budget is not None else "",
    }
