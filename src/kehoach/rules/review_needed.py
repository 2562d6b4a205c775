"""Một phần của kế hoạch còn ghi cần xem lại (khóa xem_lai).

    `kehoach new` lập kế hoạch năm sau từ kế hoạch năm trước: nó chuyển năm trong lời văn sang năm mới,
    và ghi xem_lai vào những gì còn thuộc về năm trước mà chỉ người soạn mới biết phải sửa thế nào (căn cứ
    là văn bản của năm trước, mục có đoạn văn dẫn chiếu văn bản đó, khối quyet_dinh và ket_qua của năm
    trước). Khóa xem_lai không được in ra văn bản; mỗi khóa còn lại được báo ở đây cho đến khi người soạn
    xem, sửa xong và xóa dòng xem_lai đó.

    Đúng:
        can_cu:
          - van_ban: qd-5012-2024         # đã thay bằng quyết định giao dự toán năm 2025

    Sai:
        can_cu:
          - van_ban: qd-4438-2023
            xem_lai: "căn cứ của năm 2024: thay bằng văn bản của năm 2025 nếu có"
"""

from collections.abc import Iterator
from typing import Any

from kehoach.source.load import NodePath
from kehoach.model.plan import Activity, Duty, Plan, Section
from kehoach.model.outline import walk
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "review-needed"
SEVERITY = Severity.WARNING
STAGE = "plan"


def message(reason: str) -> str:
    """What `check` says for one mark; `kehoach new` prints the same words in its checklist."""
    return f"cần xem lại: {reason}; xem, sửa xong thì xóa dòng xem_lai"


def marked(plan: Plan) -> Iterator[tuple[NodePath, Any]]:
    """Each block of the plan that carries an `xem_lai` mark, with its path: cited documents, bases, body
    items, the documents the file holds (a plan's decision and results, a decision's attached plan). `kehoach new` keeps these marks on its checklist."""
    for doc_id, doc in plan.documents.items():
        if doc.review:
            yield ("van_ban", doc_id), doc
    for index, basis in enumerate(plan.bases):
        if basis.review:
            yield ("can_cu", index), basis
    for node in walk(plan):
        if isinstance(node.block, (Section, Activity, Duty)) and node.block.review:
            yield node.path, node.block
    for key, block in plan.nested():  # the documents the file holds besides its own (kehoach.model.document)
        if getattr(block, "review", None):
            yield (key,), block


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, block in marked(ctx.plan):
        yield Problem(message(block.review), path + ("xem_lai",), key=True)
