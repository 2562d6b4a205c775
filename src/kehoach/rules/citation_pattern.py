"""Cách ghi riêng (mau) của một trích dẫn có chỗ Nghị định 30 không dùng, hoặc bỏ mất số hay ngày.

    Nghị định 30/2020/NĐ-CP (Phụ lục I, II.6.b) viện dẫn «<loại> số <số, ký hiệu> ngày <ngày> của <cơ quan>
    <trích yếu>»: không có dấu hai chấm sau «số», không có dấu phẩy trước «ngày». mau chỉ dùng để chép lại
    nguyên văn một văn bản đã ban hành; kehoach in đúng như mẫu và báo những chỗ này. Mẫu thiếu {so} hay
    {ngay} trong khi văn bản có số, có ngày thì câu trích dẫn mất thông tin đó.

    Đúng:
        mau: "{loai} số {so} ngày {ngay} của {co_quan} {trich_yeu}"

    Sai:
        mau: "{loai} số: {so}, ngày {ngay} của {co_quan} {trich_yeu}"    # «số:» và «, ngày»
"""

import re
from collections.abc import Iterator

from kehoach.conventions import citations
from kehoach.rules._text import locate, raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "citation-pattern"
SEVERITY = Severity.WARNING
STAGE = "plan"

_COLON = re.compile(r"\bsố\s*:", re.IGNORECASE)
_COMMA = re.compile(r",\s*ngày\b", re.IGNORECASE)


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        path = ("van_ban", doc_id, "mau")
        written = raw(ctx, path)
        if not doc.pattern or not isinstance(written, str):
            continue
        for pattern, what, right in ((_COLON, "«số:» (Nghị định 30 viết «số 90/QĐ-TTg», không có dấu hai chấm)",
                                      "số"),
                                     (_COMMA, "dấu phẩy trước «ngày» (Nghị định 30 viết «… số 90/QĐ-TTg ngày …»)",
                                      " ngày")):
            match = pattern.search(written)
            if match:
                yield Problem(f"cách ghi trích dẫn có {what}; kehoach in đúng như mau, hãy sửa mau hoặc bỏ mau để"
                              " kehoach viết theo Nghị định 30", location=locate(ctx, path, match.start()),
                              fix=replace(ctx.source, path, match.start(), match.end(), right, f"Viết «{right.strip()}»"))
        fields = citations.pattern_fields(doc.pattern)
        for field, present, what in (("so", doc.number, "số, ký hiệu"), ("ngay", doc.date, "ngày")):
            if present and field not in fields:
                yield Problem(f"mau không có chỗ {{{field}}} nên câu trích dẫn không ghi {what} của văn bản; hãy thêm"
                              f" {{{field}}} vào mau", location=locate(ctx, path, 0))
