"""Văn bản hành chính được trích dẫn có năm trong số, ký hiệu.

    Số, ký hiệu của văn bản hành chính chỉ gồm số và ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3.b):
    20/KH-UBND, không ghi năm; số văn bản bắt đầu lại từ 01 mỗi năm, năm ban hành nằm ở ngày tháng. Năm
    trong ký hiệu thường là chép nhầm từ một văn bản quy phạm, hoặc nhầm loại văn bản. Quyết định, Nghị
    quyết có năm trong ký hiệu là văn bản quy phạm nên không bị cảnh báo ở đây (xem citation-normative-year).

    Đúng:
        kh-20-huyen:
          loai: Kế hoạch
          so: 20/KH-UBND

    Sai:
        kh-20-huyen:
          loai: Kế hoạch
          so: 20/2025/KH-UBND     # văn bản hành chính không ghi năm
"""

from collections.abc import Iterator

from kehoach.rules import _citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-admin-year"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        kind = _citations.doc_type(doc)
        if doc.number is None or kind.family != "hanh_chinh" or kind.name in _citations.DUAL_FORM:
            continue
        symbol = _citations.parse(doc.number)
        if symbol is None or symbol.year is None:
            continue
        yield Problem(f"{kind.name} là văn bản hành chính nên số, ký hiệu không ghi năm; hãy viết "
                      f"«{symbol.with_year(None)}» (hoặc sửa loai nếu đây là văn bản quy phạm)",
                      ("van_ban", doc_id, "so"))
