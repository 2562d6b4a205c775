"""Trích yếu của văn bản Word viết in hoa toàn bộ.

    Cùng quy tắc với summary-case (kiểm tra tệp dữ liệu): Nghị định 30 (Phụ lục I, II.5.b) trình bày trích yếu
    bằng chữ in thường, chỉ viết hoa chữ đầu và tên riêng. Văn bản cấp tỉnh thường viết in hoa; kehoach cảnh
    báo, không coi là lỗi. Chữ in hoa do định dạng (All Caps) cũng tính là in hoa.

    Đúng:
        KẾ HOẠCH
        Rà soát hộ nghèo, hộ cận nghèo năm 2022

    Sai:
        KẾ HOẠCH
        RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022
"""

from collections.abc import Iterator

from kehoach.conventions.text import in_capitals
from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity
from kehoach.rules.summary_case import message

ID = "docx-summary-case"
SEVERITY = Severity.WARNING
STAGE = "docx"
#: The rule of the data check that finds the same slip.
COUNTERPART = "summary-case"


def check(doc: DocxContext) -> Iterator[Problem]:
    if not doc.summary:
        return
    text = " ".join(p.clean for p in doc.summary)
    if in_capitals(text) or any(r.caps for p in doc.summary for r in p.runs):
        yield doc.at(doc.summary[0], message(text, doc.law))
