"""Một văn bản được khai báo hai lần (hai mã), hoặc một căn cứ được ghi hai lần.

    Mỗi văn bản được trích dẫn khai báo một lần trong van_ban và được dẫn chiếu bằng mã ở mọi chỗ; khai báo
    hai lần dễ sinh ra hai ngày hoặc hai trích yếu khác nhau cho cùng một văn bản (văn bản gốc của kế
    hoạch mẫu ghi Quyết định 4438/QĐ-UBND hai ngày khác nhau). Hai khai báo là một văn bản khi cùng loại và
    cùng số, ký hiệu (không phân biệt chữ hoa, chữ thường và dấu cách), trừ khi ghi hai cơ quan ban hành
    khác nhau (UBND tỉnh và UBND huyện đều có thể có 20/KH-UBND); luật không có số thì cùng tên và cùng
    ngày. Một mã văn bản cũng không ghi hai lần trong can_cu.

    Đúng:
        qd-4438:
          loai: Quyết định
          so: 4438/QĐ-UBND
          ngay: 14/12/2023
        ...
        tại [[qd-4438]]       # dẫn chiếu lại bằng mã

    Sai:
        qd-4438:
          loai: Quyết định
          so: 4438/QĐ-UBND
          ngay: 14/12/2023
        qd-4438-can-cu:
          loai: Quyết định
          so: 4438/QĐ-UBND     # cùng văn bản, lại ghi ngày khác
          ngay: 14/12/2024
"""

import unicodedata
from collections.abc import Iterator

from kehoach.problems import Location
from kehoach.model.plan import CitedDocument
from kehoach.conventions.text import short_date
from kehoach.rules import _citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-duplicate"
SEVERITY = Severity.ERROR
STAGE = "plan"


def _norm(text: str | None) -> str:
    """A value compared as the same whatever its case, spaces or Unicode form."""
    return "".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _identity(doc: CitedDocument) -> tuple | None:
    """What makes two entries the same document: type and symbol; a law (no symbol): its name and date."""
    kind = _citations.doc_type(doc).name
    if doc.number is not None:
        return kind, _norm(doc.number)
    if _citations.is_law(doc) and doc.title:
        return kind, _norm(doc.title), doc.date
    return None


def _differences(first: CitedDocument, second: CitedDocument) -> list[str]:
    found = []
    if first.date and second.date and first.date != second.date:
        found.append(f"ngày khác ({short_date(first.date)} và {short_date(second.date)})")
    if first.title and second.title and _norm(first.title) != _norm(second.title):
        found.append("trích yếu khác")
    return found


def _same_issuer(first: CitedDocument, second: CitedDocument) -> bool:
    """False only when both name an issuer and they differ: symbols repeat across organs (20/KH-UBND)."""
    return not (first.issuer and second.issuer and _norm(first.issuer) != _norm(second.issuer))


def _place(first: Location, finding: Location) -> str:
    """«dòng 12» in the file of the finding; «tệp dung-chung/van-ban.yaml, dòng 12» in another (a registry)."""
    return f"dòng {first.line}" if first.file == finding.file else f"tệp {first.file}, dòng {first.line}"


def check(ctx: PlanContext) -> Iterator[Problem]:
    seen: dict[tuple, list[str]] = {}
    for doc_id, doc in ctx.plan.documents.items():
        identity = _identity(doc)
        if identity is None:
            continue
        earlier = seen.setdefault(identity, [])
        first_id = next((i for i in earlier if _same_issuer(ctx.plan.documents[i], doc)), None)
        earlier.append(doc_id)
        if first_id is None:
            continue
        first = ctx.plan.documents[first_id]
        here = ("van_ban", doc_id, "so" if doc.number else "trich_yeu")
        place = _place(ctx.where(("van_ban", first_id), key=True), ctx.where(here))
        what = f"{doc.type} số {doc.number}" if doc.number else f"{doc.type} {doc.title}"
        differences = _differences(first, doc)
        if differences:
            message = (f"{what} đã khai báo ở «{first_id}» ({place}), với {' và '.join(differences)}; "
                       "một văn bản chỉ khai báo một lần: hãy giữ một mã với ngày, trích yếu đúng và dẫn "
                       "chiếu mọi chỗ bằng mã đó")
        else:
            message = (f"{what} đã khai báo ở «{first_id}» ({place}); hãy bỏ mã «{doc_id}» và dẫn chiếu "
                       f"bằng «{first_id}»")
        yield Problem(message, here)
    cited: dict[str, tuple] = {}
    for index, basis in enumerate(ctx.plan.bases):
        for place, ref in enumerate(basis.documents):
            path = ("can_cu", index, "van_ban", place)
            if ref in cited:
                line = ctx.where(cited[ref]).line
                yield Problem(f"căn cứ «{ref}» đã ghi ở dòng {line}; hãy bỏ căn cứ lặp lại", path)
            else:
                cited[ref] = path
