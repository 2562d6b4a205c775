"""Ngày ban hành kế hoạch ở sau ngày hôm nay.

    Ngày ghi ở dòng địa danh, ngày tháng (ô 4, Nghị định 30, Phụ lục I, II.4) là ngày văn bản được ký ban
    hành, nên không thể là một ngày chưa tới. Ngày ở tương lai thường do gõ nhầm năm (2052 thay cho 2025)
    hoặc tháng; kế hoạch chưa ký thì để trống số và ngày (kehoach in bản dự thảo) và ghi năm dự kiến ở nam.

    Đúng:
        so: 12
        ngay: 14/3/2025

    Sai:
        so: 12
        ngay: 14/3/2052        # chưa tới ngày này
"""

from collections.abc import Iterator

from kehoach.conventions.text import short_date
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "date-future"
SEVERITY = Severity.ERROR
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    issued = ctx.plan.date
    if issued is not None and issued > ctx.today:
        yield Problem(f"ngày ban hành {short_date(issued)} ở sau ngày hôm nay ({short_date(ctx.today)}); hãy sửa "
                      "lại ngày, hoặc xóa số và ngày nếu kế hoạch chưa ký (năm dự kiến ghi ở nam)", ("ngay",))
