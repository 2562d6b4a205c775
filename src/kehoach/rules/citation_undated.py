"""Văn bản được trích dẫn có số, ký hiệu nhưng không có ngày ban hành.

    Nghị định 30/2020/NĐ-CP (Phụ lục I, II.6.b): khi viện dẫn, ghi đủ tên loại, số, ký hiệu, ngày, tháng,
    năm ban hành, tên cơ quan ban hành và trích yếu; lần viện dẫn sau chỉ ghi tên loại, số, ký hiệu. Thiếu
    ngay thì kehoach in câu căn cứ không có ngày («Căn cứ Kế hoạch số 45/KH-UBND của …»), người đọc không
    tra được văn bản. Luật, Bộ luật chỉ ghi năm (nam) thì không bị cảnh báo.

    Đúng:
        kh-45:
          loai: Kế hoạch
          so: 45/KH-UBND
          ngay: 10/02/2025

    Sai:
        kh-45:
          loai: Kế hoạch
          so: 45/KH-UBND       # thiếu ngay
"""

from collections.abc import Iterator

from kehoach.conventions import citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-undated"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        if doc.date is not None or doc.written_date or doc.year is not None:
            continue
        if doc.number is None and citations.is_named(doc):
            continue  # a law cited by name only: citation-law-* rules speak of laws
        yield Problem(f"{citations.cite(doc, citations.SHORT)} chưa có ngày ban hành nên câu trích dẫn không ghi ngày"
                      " (Nghị định 30, Phụ lục I, II.6.b); hãy thêm dòng «ngay: ngày/tháng/năm» cho văn bản này",
                      ("van_ban", doc_id), key=True)
