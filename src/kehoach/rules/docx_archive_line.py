"""Dòng Lưu của văn bản Word không theo dạng «- Lưu: VT, <đơn vị soạn thảo>.».

    Nghị định 30 (Phụ lục I, II.9.b): dòng cuối cùng của Nơi nhận là «- Lưu: VT, <viết tắt đơn vị soạn thảo>»,
    kết thúc bằng dấu chấm. Văn bản đã ban hành có khi viết khác («- Lưu: VTVP.UBND tỉnh.»); đó là khác biệt về
    thể thức nên đây là cảnh báo, cùng lời với archive-line ở tệp dữ liệu. Thiếu hẳn dòng Lưu là lỗi của
    docx-recipients.

    Đúng:
        - Lưu: VT, LĐTBXH.

    Sai:
        - Lưu VT                                  # «- Lưu: VT, <đơn vị soạn thảo>.»
"""

import re
from collections.abc import Iterator

from kehoach.conventions.text import archive_line_problem
from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity

ID = "docx-archive-line"
SEVERITY = Severity.WARNING
STAGE = "docx"
#: The rule of the data check that finds the same slip.
COUNTERPART = "archive-line"

_ARCHIVE_LIKE = re.compile(r"^[-+•–—]?\s*Lưu\b")


def check(doc: DocxContext) -> Iterator[Problem]:
    items = doc.recipients
    if items and _ARCHIVE_LIKE.match(items[-1].text):
        problem = archive_line_problem(items[-1].text, doc.law, doc.profile.is_party)
        if problem is not None:
            yield doc.at(items[-1].paragraph, problem, items[-1].text)
