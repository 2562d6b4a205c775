"""Văn bản quy phạm pháp luật được trích dẫn thiếu năm trong số, ký hiệu, hoặc năm khác năm ban hành.

    Số, ký hiệu của văn bản quy phạm pháp luật gồm số thứ tự, năm ban hành, chữ viết tắt tên loại và cơ
    quan ban hành (Luật Ban hành văn bản quy phạm pháp luật: Luật 80/2015/QH13 Điều 10; từ 01/4/2025 Luật
    64/2025/QH15 Điều 7 khoản 3): 66/2021/NĐ-CP, 06/2022/TT-BTTTT. Nghị định, Thông tư, Thông tư liên tịch
    luôn có năm; Quyết định, Nghị quyết có năm trong ký hiệu (15/2023/QĐ-UBND) là văn bản quy phạm nên
    năm đó cũng phải đủ bốn chữ số. Năm trong ký hiệu phải trùng năm của ngày ban hành.

    Đúng:
        nd-66:
          loai: Nghị định
          so: 66/2021/NĐ-CP
          ngay: 06/7/2021

    Sai:
        nd-66:
          loai: Nghị định
          so: 66/NĐ-CP         # thiếu năm: 66/2021/NĐ-CP
          ngay: 06/7/2021
"""

from collections.abc import Iterator

from kehoach.conventions.text import short_date
from kehoach.rules import _citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-normative-year"
SEVERITY = Severity.ERROR
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        if doc.number is None or not _citations.is_normative(doc):
            continue
        symbol = _citations.parse(doc.number)
        if symbol is None:
            continue  # not a symbol at all: citation-symbol-type says so
        path = ("van_ban", doc_id, "so")
        known = doc.date.year if doc.date else None
        if symbol.year is None:
            fix = f"hãy viết «{symbol.with_year(known)}»" if known else "hãy thêm năm ban hành sau số"
            yield Problem(f"{doc.type} là văn bản quy phạm pháp luật nên số, ký hiệu phải có năm ban hành "
                          f"(số/năm/{symbol.tail}); {fix}", path)
        elif symbol.full_year is None:
            fix = f"hãy viết «{symbol.with_year(known)}»" if known else "hãy sửa lại"
            yield Problem(f"năm «{symbol.year}» trong số, ký hiệu «{doc.number}» phải viết đủ bốn chữ số; {fix}",
                          path)
        elif doc.date is not None and symbol.full_year != doc.date.year:
            yield Problem(f"số, ký hiệu «{doc.number}» ghi năm {symbol.full_year} nhưng ngày ban hành là "
                          f"{short_date(doc.date)}; hãy sửa năm hoặc ngày cho khớp", path)
