"""Ký hiệu của văn bản được trích dẫn không khớp với loại văn bản.

    Ký hiệu ghép chữ viết tắt tên loại văn bản với chữ viết tắt cơ quan ban hành (Nghị định 30/2020/NĐ-CP,
    Phụ lục I, II.3.b): Quyết định là QĐ, Kế hoạch là KH, Thông tư là TT, Nghị định là NĐ. Chữ viết tắt lấy
    đúng theo bảng Phụ lục III, kể cả chữ hoa, chữ thường: Quy định là QyĐ (không phải QYĐ), Chương trình
    là CTr, Tờ trình là TTr. Công văn không có chữ viết tắt tên loại (12/UBND-VX) nên không kiểm tra;
    Luật, Pháp lệnh không ghi số (xem citation-law-number). Số, ký hiệu không có dấu «/» thì không phải
    số, ký hiệu. Văn bản của Đảng có ký hiệu riêng (Hướng dẫn 36-HD/VPTW): «289-QĐ/TU» là đúng. Ký hiệu cũ chỉ
    có số và cơ quan («170/TTg») không có chữ viết tắt tên loại để so.

    Đúng:
        qd-90-ttg:
          loai: Quyết định
          so: 90/QĐ-TTg

    Sai:
        qd-90-ttg:
          loai: Kế hoạch
          so: 90/QĐ-TTg       # QĐ là Quyết định; Kế hoạch là KH
"""

from collections.abc import Iterator
from functools import cache

from kehoach.conventions import doctypes

from kehoach.rules import _citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-symbol-type"
SEVERITY = Severity.ERROR
STAGE = "plan"


def _shape(kind) -> str:
    """How a symbol of this type is written, for the message about a value that is not a symbol."""
    if not kind.abbreviation:
        return "số/cơ quan-đơn vị, ví dụ 12/UBND-VX"
    if kind.is_legal_normative:
        return f"số/năm/{kind.abbreviation}-cơ quan ban hành"
    return f"số/{kind.abbreviation}-cơ quan ban hành"


@cache
def _type_codes() -> frozenset[str]:
    return frozenset(t.abbreviation for t in doctypes.all_types() if t.abbreviation)


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        if doc.number is None or _citations.is_law(doc):
            continue
        kind = _citations.doc_type(doc)
        path = ("van_ban", doc_id, "so")
        symbol = _citations.parse(doc.number)
        if symbol is None:
            yield Problem(f"«{doc.number}» không phải số, ký hiệu; hãy ghi đủ số và ký hiệu "
                          f"dạng {_shape(kind)}", path)
            continue
        expected = kind.abbreviation
        if not expected or symbol.code == expected:
            continue
        if kind.name == "Nghị quyết" and symbol.is_assembly_form:
            continue  # 30/2021/QH15: a resolution of the National Assembly carries its term, not NQ
        if symbol.issuer is None and not symbol.party and symbol.code not in _type_codes():
            continue  # 170/TTg: the older «number/issuer» symbol, with no type code to compare
        case = " (phân biệt chữ hoa, chữ thường)" if symbol.code.casefold() == expected.casefold() else ""
        yield Problem(f"ký hiệu «{doc.number}» ghi «{symbol.code}» nhưng chữ viết tắt của {kind.name} là "
                      f"«{expected}»{case}; hãy viết «{symbol.with_code(expected)}» hoặc sửa loai", path)
