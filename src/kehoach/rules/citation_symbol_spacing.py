"""Số, ký hiệu của văn bản được trích dẫn có dấu cách thừa.

    Nghị định 30/2020/NĐ-CP (Phụ lục I, II.3): giữa số và ký hiệu có dấu «/», giữa các nhóm chữ viết tắt
    có dấu «-», không cách chữ. Dấu cách thừa («25/2018/NQ- HĐND», «1315/VBHN -BLĐTBXH») thường do chép từ
    bản in hoặc trang web; văn bản của Đảng («289-QĐ/TU») cũng viết liền như vậy. kehoach in đúng như đã
    viết, nên hãy bỏ dấu cách.

    Đúng:
        nq-25:
          loai: Nghị quyết
          so: 25/2018/NQ-HĐND

    Sai:
        nq-25:
          loai: Nghị quyết
          so: 25/2018/NQ- HĐND    # dấu cách sau «-»
"""

import re
from collections.abc import Iterator

from kehoach.rules._text import locate, raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "citation-symbol-spacing"
SEVERITY = Severity.WARNING
STAGE = "plan"

#: A space next to "/" or "-", the marks that join the parts of a number and symbol.
_STRAY = re.compile(r"\s+(?=[/-])|(?<=[/-])\s+")


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        path = ("van_ban", doc_id, "so")
        written = raw(ctx, path)
        if not isinstance(written, str) or doc.number is None:
            continue
        match = _STRAY.search(written)
        if match is None:
            continue
        fixed = _STRAY.sub("", doc.number)
        yield Problem(f"số, ký hiệu «{doc.number}» có dấu cách cạnh dấu «/» hoặc «-»; Nghị định 30 (Phụ lục I, II.3)"
                      f" viết liền, không cách chữ: hãy viết «{fixed}»", location=locate(ctx, path, match.start()),
                      fix=replace(ctx.source, path, 0, len(written), fixed, f"Viết «{fixed}»"))
