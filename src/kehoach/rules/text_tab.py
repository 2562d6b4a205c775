"""Dấu tab trong chữ: Word biến nó thành một bước nhảy tab, không phải dấu cách.

    Dấu tab (phím Tab, hay chép từ Excel, Word) nằm trong một đoạn chữ sẽ thành một bước nhảy tab trong văn
    bản Word: chữ sau nó bị đẩy tới điểm dừng tab kế tiếp, để lại một khoảng trống lớn giữa câu. kehoach chỉ ra
    dòng, cột (khi đoạn chữ viết trên một dòng) để thay dấu tab bằng một dấu cách.

    Đúng:
        trich_yeu: Tuyên truyền phòng, chống thiên tai

    Sai:
        trich_yeu: "Tuyên truyền\tphòng, chống thiên tai"   (giữa «truyền» và «phòng» là một dấu tab)
"""

from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "text-tab"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        at = text.find("\t")
        if at < 0:
            continue
        count = text.count("\t")
        times = f" ({count} chỗ trong đoạn này)" if count > 1 else ""
        yield Problem(f"có dấu tab trong chữ{times}; trong văn bản Word nó thành một bước nhảy tab để lại khoảng "
                      "trống lớn giữa câu; hãy thay bằng một dấu cách", location=locate(ctx, path, at))
