"""Văn bản được dẫn chiếu có ngày ban hành sau ngày của kế hoạch.

    Một kế hoạch chỉ có thể căn cứ, thực hiện hoặc nhắc tới những văn bản đã ban hành trước nó: một căn cứ
    (can_cu) hay một văn bản dẫn chiếu [[mã]] trong câu chữ mà ngày ban hành sau ngày của kế hoạch thường
    là ghi nhầm ngày (văn bản gốc của kế hoạch mẫu ghi Quyết định 4438/QĐ-UBND ngày 14/12/2024 cho một kế
    hoạch năm 2024), hoặc nhầm ngày của chính kế hoạch. Bản dự thảo chưa có ngày thì không kiểm tra.

    Đúng:
        ngay: 05/7/2024
        van_ban:
          qd-4438:
            loai: Quyết định
            so: 4438/QĐ-UBND
            ngay: 14/12/2023
        can_cu:
          - van_ban: qd-4438

    Sai:
        ngay: 05/7/2024
        van_ban:
          qd-4438:
            loai: Quyết định
            so: 4438/QĐ-UBND
            ngay: 14/12/2024      # sau ngày của kế hoạch
        can_cu:
          - van_ban: qd-4438
"""

from collections.abc import Iterator

from kehoach.model.references import INLINE_REF, cite_in_text, split_ref
from kehoach.conventions.text import short_date
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-after-plan"
SEVERITY = Severity.ERROR
STAGE = "plan"


def _cited(ctx: PlanContext) -> set[str]:
    """The ids of the documents the plan refers to: its bases and any [[id]] in its text."""
    ids = {ref for basis in ctx.plan.bases for ref in basis.documents}
    for _, text in ctx.strings():
        ids.update(split_ref(match.group(1))[0] for match in INLINE_REF.finditer(text))
    return ids


def check(ctx: PlanContext) -> Iterator[Problem]:
    plan_date = ctx.plan.date
    if plan_date is None:
        return
    cited = _cited(ctx)
    for doc_id, doc in ctx.plan.documents.items():
        if doc_id not in cited or doc.date is None or doc.date <= plan_date:
            continue
        yield Problem(f"{cite_in_text(doc)} ban hành sau ngày của kế hoạch ({short_date(plan_date)}): kế hoạch "
                      "không thể dẫn chiếu văn bản ban hành sau nó; hãy kiểm tra lại ngày này hoặc ngày của kế "
                      "hoạch", ("van_ban", doc_id, "ngay"))
