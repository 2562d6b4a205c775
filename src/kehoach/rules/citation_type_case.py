"""Tên loại của văn bản được trích dẫn không viết như bảng tên loại («quyết định», «Bộ Luật»).

    Tên loại văn bản viết hoa chữ cái đầu, như Phụ lục III Nghị định 30/2020/NĐ-CP và Luật Ban hành văn bản quy
    phạm pháp luật viết: Quyết định, Nghị quyết, Kế hoạch, Bộ luật. kehoach in tên loại đúng như đã viết trong
    loai (để chép lại nguyên văn văn bản cũ), nên báo khi chữ hoa, chữ thường khác bảng.

    Đúng:
        qd-37:
          loai: Quyết định

    Sai:
        qd-37:
          loai: quyết định       # in ra «Căn cứ quyết định số …»
"""

import unicodedata
from collections.abc import Iterator

from kehoach.rules import _citations
from kehoach.rules._text import raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "citation-type-case"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        name = _citations.doc_type(doc).name
        if unicodedata.normalize("NFC", doc.type) != name:
            path = ("van_ban", doc_id, "loai")
            written = raw(ctx, path)
            fix = replace(ctx.source, path, 0, len(written), name, f"Viết «{name}»") if isinstance(written, str) else None
            yield Problem(f"tên loại «{doc.type}» viết khác bảng tên loại; hãy viết «{name}»", path, fix=fix)
