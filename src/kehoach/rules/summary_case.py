"""Trích yếu viết in hoa toàn bộ.

    Nghị định 30 (Phụ lục I, II.5.b): trích yếu nội dung trình bày bằng chữ in thường, chỉ viết hoa chữ đầu
    và tên riêng. Nhiều văn bản cấp tỉnh vẫn viết trích yếu in hoa; đó là một khác biệt về thể thức, không
    làm văn bản sai, nên kehoach chỉ cảnh báo (ở tệp dữ liệu và ở tệp Word như nhau, quy tắc docx-summary-case)
    và vẫn tạo văn bản đúng như đã viết.

    Đúng:
        trich_yeu: Rà soát hộ nghèo, hộ cận nghèo trên địa bàn tỉnh Sóc Trăng năm 2022

    Sai:
        trich_yeu: RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG NĂM 2022
"""

from collections.abc import Iterator

from kehoach.conventions.text import in_capitals, sentence_case
from kehoach.rules._text import law
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "summary-case"
SEVERITY = Severity.WARNING
STAGE = "plan"


def message(summary: str, law: str = "Nghị định 30") -> str:
    """What both checks say (this one and docx-summary-case): the same words for the same slip."""
    shown = sentence_case(" ".join(summary.split()))
    if len(shown) > 60:
        shown = shown[:60].rsplit(" ", 1)[0] + " …"
    clause = " (Phụ lục I, II.5.b)" if law == "Nghị định 30" else ""
    return (f"trích yếu viết in hoa; {law}{clause} viết chữ thường, chỉ viết hoa chữ đầu và tên riêng, ví dụ"
            f" «{shown}»")


def check(ctx: PlanContext) -> Iterator[Problem]:
    summary = ctx.plan.summary
    if summary and in_capitals(summary):
        yield Problem(message(summary, law(ctx)), ("trich_yeu",))
