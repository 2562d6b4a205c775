"""Ngày tháng ghi nguyên văn (ngay_ghi) sai quy tắc số 0 hoặc có dấu cách thừa.

    ngay_ghi giữ ngày đúng như văn bản gốc đã in, để chép lại một văn bản đã ban hành từng chữ; kehoach in
    đúng như vậy, không tự sửa, nên báo những chỗ Nghị định 30 (Phụ lục I, II.4.b) không cho phép: ngày dưới
    10 và tháng 1, 2 viết thêm số 0, tháng 3 đến 12 thì không; các số viết liền. Văn bản mới thì không cần
    ngay_ghi: kehoach tự viết ngày từ ngay, đúng quy tắc. ngay_ghi phải cùng ngày với ngay (nếu khác,
    kehoach báo lỗi khi đọc tệp).

    Đúng:
        ngay: 27/9/2022              # kehoach in «ngày 27 tháng 9 năm 2022»

    Sai:
        ngay: 27/9/2022
        ngay_ghi: 27 tháng 09 năm 2022      # tháng 9 không ghi số 0
"""

from collections.abc import Iterator

from kehoach.conventions import dates
from kehoach.rules._text import locate, raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "date-as-written"
SEVERITY = Severity.WARNING
STAGE = "plan"


def _written(ctx: PlanContext) -> Iterator[tuple[tuple, str]]:
    paths = [("ngay_ghi",)] + [("van_ban", doc_id, "ngay_ghi") for doc_id in ctx.plan.documents]
    for path in paths:
        value = raw(ctx, path)
        if isinstance(value, str):
            yield path, value


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, written in _written(ctx):
        for start, end, message, right in dates.written_problems(written):
            fix = replace(ctx.source, path, start, end, right, f"Viết «{right}»") if right is not None else None
            yield Problem(f"{message}; Nghị định 30 (Phụ lục I, II.4.b) — hoặc bỏ ngay_ghi để kehoach tự viết ngày",
                          location=locate(ctx, path, start), fix=fix)
