"""Trích yếu thiếu, sai cỡ, kiểu chữ, chưa viết hoa chữ đầu, hoặc thiếu đường kẻ bên dưới.

    Nghị định 30 (Phụ lục I, II.5.b): trích yếu nội dung đặt canh giữa, ngay dưới tên loại, trình bày
    bằng chữ in thường (viết hoa chữ đầu), cỡ chữ 13–14, kiểu chữ đứng, đậm; bên dưới có đường kẻ ngang,
    nét liền, dài 1/3–1/2 dòng chữ. kehoach coi các dòng canh giữa ngay sau tên loại là trích yếu.

    Đúng:
        KẾ HOẠCH
        Triển khai thực hiện Tiểu dự án 2 năm 2024      (đậm, cỡ 13 hoặc 14, canh giữa)
                    ─────────

    Sai:
        KẾ HOẠCH
        triển khai thực hiện Tiểu dự án 2 năm 2024      # chưa viết hoa chữ đầu

    Trích yếu viết in hoa toàn bộ là một cảnh báo riêng (docx-summary-case), không phải lỗi.
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-summary"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    if doc.doc_type is None:
        return  # no type name, no title block: docx-type-name says so
    if not doc.summary:
        yield doc.at(doc.doc_type, f"thiếu trích yếu ngay dưới tên loại; {doc.law} quy định trích yếu nội dung canh "
                                   "giữa, in thường, đậm, dưới tên loại văn bản")
        return
    first = doc.summary[0]
    if not first.clean[0].isupper():
        yield doc.at(first, f"trích yếu chưa viết hoa chữ đầu; {doc.law} quy định trích yếu viết chữ thường, viết "
                            "hoa chữ đầu")
    for line in doc.summary:
        problem = looks(doc, line, "trích yếu", doc.profile.sizes.summary)
        if problem is not None:
            yield problem
    if not doc.line_below(doc.summary[-1]):
        yield doc.at(doc.summary[-1], f"thiếu đường kẻ ngang dưới trích yếu; {doc.law} quy định đường kẻ nét liền, "
                                      "dài 1/3 đến 1/2 dòng chữ")
