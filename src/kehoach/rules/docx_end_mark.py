"""Đoạn cuối của nội dung chưa kết thúc bằng dấu «./.».

    Các mẫu văn bản của Nghị định 30 (Phụ lục III) và chính Nghị định 30 kết thúc phần nội dung bằng
    «./.» để không ai viết thêm được vào sau; phần quy tắc (Phụ lục I) không ghi thành điều khoản, nên đây
    là cảnh báo theo thông lệ. Cùng quy tắc, cùng lời với end-mark ở tệp dữ liệu.

    Đúng:
        Trên đây là Kế hoạch … đề nghị các cơ quan, đơn vị triển khai thực hiện./.

    Sai:
        Trên đây là Kế hoạch … đề nghị các cơ quan, đơn vị triển khai thực hiện.
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity
from kehoach.rules.end_mark import message

ID = "docx-end-mark"
SEVERITY = Severity.WARNING
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    if not doc.body:
        return  # no body: docx-body says so
    last = doc.body[-1]
    if not last.clean.endswith("./."):
        yield doc.at(last, message(doc.law))
