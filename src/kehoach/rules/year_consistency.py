"""Năm ghi trong trích yếu hoặc thời gian thực hiện không khớp năm ban hành kế hoạch.

    Kế hoạch «… năm 2024» ban hành ngày 05/7/2023, hay hoạt động «Quý III năm 2023» trong kế hoạch năm 2024,
    thường do sao chép kế hoạch năm trước mà quên sửa năm. Năm của kế hoạch là năm của ngày ban hành (ô 4,
    Nghị định 30, Phụ lục I, II.4), hoặc nam khi là dự thảo. Kế hoạch cho năm sau được xây dựng vào cuối năm,
    nên năm sau được chấp nhận khi kế hoạch ban hành trong tháng 10, 11 hoặc 12. Có cả ngay và nam thì hai
    năm này cũng phải khớp như vậy.

    Năm nằm trong một khoảng thời gian («đến năm 2025, tầm nhìn đến năm 2030», «từ năm 2021») là mốc của chương
    trình, không phải năm của kế hoạch, nên không bị cảnh báo.

    Đúng:
        ngay: 14/3/2025
        trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025

    Sai:
        ngay: 14/3/2025
        trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2024     # năm trước
"""

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from kehoach.source.load import NodePath
from kehoach.model.plan import Activity
from kehoach.model.outline import walk
from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "year-consistency"
SEVERITY = Severity.WARNING
STAGE = "plan"

# "năm 2024" as typed, also with a decomposed ă (a + U+0306) copied from some editors.
_YEAR = re.compile(r"\bn(?:ă|a\u0306)m\s+([0-9]{4})(?![0-9])", re.IGNORECASE)
# A year that ends or starts a span is not the plan's year: «đến năm 2025, tầm nhìn đến năm 2030», «từ năm 2021».
_SPAN = re.compile(r"(?:\b(?:đến|tới|từ|sau|trước)|tầm\s+nhìn)\s*$", re.IGNORECASE)


def _accepted(year: int, plan_year: int, issued: date | None) -> bool:
    """The plan's own year, or next year for a plan issued in the last quarter."""
    return year == plan_year or (issued is not None and issued.month >= 10 and year == issued.year + 1)


def _raw(ctx: PlanContext, path: NodePath) -> object:
    value = ctx.source.data
    for part in path:  # the paths come from the model; an optional key (a decision's trich_yeu) may be absent
        if not isinstance(value, (dict, list)) or (isinstance(value, dict) and part not in value):
            return None
        value = value[part]
    return value


def _years(ctx: PlanContext, path: NodePath, what: str, plan_year: int) -> Iterator[Problem]:
    raw = _raw(ctx, path)
    if not isinstance(raw, str):
        return
    for match in _YEAR.finditer(raw):
        year = int(match.group(1))
        if _accepted(year, plan_year, ctx.plan.date) or _SPAN.search(unicodedata.normalize("NFC", raw[:match.start()])):
            continue
        message = f"{what} ghi năm {year} nhưng kế hoạch là của năm {plan_year}; hãy sửa cho khớp"
        if year == plan_year + 1:
            message += " (kế hoạch cho năm sau chỉ được ban hành từ tháng 10 năm trước)"
        yield Problem(message, location=locate(ctx, path, match.start(1)))


def check(ctx: PlanContext) -> Iterator[Problem]:
    plan_year = ctx.year
    if plan_year is None:
        return
    issued = ctx.plan.date
    if issued is not None and ctx.plan.year is not None and not _accepted(ctx.plan.year, issued.year, issued):
        yield Problem(f"nam ghi {ctx.plan.year} nhưng ngày ban hành là năm {issued.year}; hãy sửa nam cho khớp, "
                      "hoặc xóa nam vì đã có ngày", ("nam",))
    yield from _years(ctx, ("trich_yeu",), "trích yếu", plan_year)
    for node in walk(ctx.plan):
        if isinstance(node.block, Activity) and node.block.period:
            yield from _years(ctx, node.path + ("thoi_gian",), "thời gian thực hiện", plan_year)
