"""Số, ký hiệu của văn bản được trích dẫn bắt đầu bằng chữ «số» (in ra thành «số số»).

    kehoach tự ghi chữ «số» trước số, ký hiệu khi trích dẫn («Chỉ thị số 03/CT-UBND»); so chỉ ghi phần số
    và ký hiệu. Ghi «số 03/CT-UBND» hay «số: 03/CT-UBND» vào so thì câu căn cứ thành «Chỉ thị số số
    03/CT-UBND».

    Đúng:
        ct-03:
          loai: Chỉ thị
          so: 03/CT-UBND

    Sai:
        ct-03:
          loai: Chỉ thị
          so: số 03/CT-UBND      # in ra «Chỉ thị số số 03/CT-UBND»
"""

import re
from collections.abc import Iterator

from kehoach.rules._text import locate, raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "citation-number-word"
SEVERITY = Severity.WARNING
STAGE = "plan"

_WORD = re.compile(r"\s*(?:số|Số|SỐ)\s*:?\s*")


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        written = raw(ctx, ("van_ban", doc_id, "so"))
        if not isinstance(written, str) or doc.number is None or doc.pattern:
            continue
        match = _WORD.match(written)
        if match is None:
            continue
        rest = written[match.end():].strip()
        yield Problem(f"so ghi «{written.strip()}»: kehoach đã tự ghi chữ «số» trước số, ký hiệu nên câu trích dẫn"
                      f" thành «{doc.type} số {doc.number}»; hãy viết «so: {rest}»",
                      location=locate(ctx, ("van_ban", doc_id, "so"), len(written) - len(written.lstrip())),
                      fix=replace(ctx.source, ("van_ban", doc_id, "so"), 0, match.end(), "", "Bỏ chữ «số» ở đầu"))
