"""Dòng ngày tháng của văn bản Word sai quy tắc số 0.

    Nghị định 30 (Phụ lục I, II.4.b): ngày dưới 10 và tháng 1, 2 ghi thêm số 0 phía trước; tháng 3 đến 12
    thì không. Cùng quy tắc, cùng lời với date-as-written ở tệp dữ liệu (ngày ghi nguyên văn theo bản gốc).
    Văn bản đã ban hành thường có chỗ khác («ngày 27 tháng 09 năm 2022»); đó là khác biệt về thể thức, không
    làm sai nội dung, nên kehoach cảnh báo.

    Đúng:
        Mường Ảng, ngày 05 tháng 01 năm 2024
        Sóc Trăng, ngày 27 tháng 9 năm 2022

    Sai:
        Mường Ảng, ngày 5 tháng 1 năm 2024           # ngày và tháng 1 thiếu số 0
        Sóc Trăng, ngày 27 tháng 09 năm 2022         # tháng 9 không ghi số 0
"""

import re
from collections.abc import Iterator

from kehoach.conventions import dates
from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity

ID = "docx-date-zero"
SEVERITY = Severity.WARNING
STAGE = "docx"
#: The rule of the data check that finds the same slip.
COUNTERPART = "date-as-written"

_DATE = re.compile(r", ngày (?P<d>\d+) tháng (?P<m>\d+) năm")


def check(doc: DocxContext) -> Iterator[Problem]:
    if doc.date is None:
        return
    match = _DATE.search(doc.date.clean)
    if match is None:
        return  # a draft (day and month blank) or a line of another shape: docx-date says so
    for _, message in dates.zero_problems(match["d"], match["m"]):
        yield doc.at(doc.date, f"{message} (Nghị định 30, Phụ lục I, II.4.b)")
