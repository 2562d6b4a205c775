"""Phần đầu hoặc phần nơi nhận, chữ ký không nằm trong bảng 2 cột không viền.

    Các mẫu của Nghị định 30 (Phụ lục III, Mẫu 1.1–1.5) đặt phần đầu (tên cơ quan, số bên trái; Quốc
    hiệu, Tiêu ngữ, ngày tháng bên phải) và phần cuối (nơi nhận bên trái, chữ ký bên phải) trong bảng 2
    cột không có đường viền; nhờ vậy «Số:» và ngày tháng nằm cùng hàng, «Nơi nhận:» ngang hàng chức vụ
    người ký. Nghị định không bắt buộc dùng bảng, nên đây là cảnh báo theo mẫu.

    Đúng:
        bảng 2 cột, Borders: None (chỉ thấy đường lưới mờ khi bật View Gridlines)

    Sai:
        bảng 2 cột, Borders: All Borders         # in ra có khung quanh phần đầu
        bảng 3 cột
"""

from collections.abc import Iterator

from kehoach.rules._docx import W, DocxContext, Paragraph
from kehoach.rules.base import Problem, Severity

ID = "docx-tables"
SEVERITY = Severity.WARNING
STAGE = "docx"

_NONE = ("nil", "none")


def check(doc: DocxContext) -> Iterator[Problem]:
    top = doc.national_title or doc.motto
    bottom = doc.recipients_label or (doc.signer_titles[0] if doc.signer_titles else None)
    for anchor, table, part in ((top, doc.header_table, "phần đầu (cơ quan, số; Quốc hiệu, ngày tháng)"),
                                (bottom, doc.closing_table, "phần cuối (nơi nhận; chữ ký)")):
        if anchor is None:
            continue  # the element's own rule reports it missing
        yield from _table(doc, anchor, table, part)


def _table(doc: DocxContext, anchor: Paragraph, table, part: str) -> Iterator[Problem]:
    if table is None:
        yield doc.at(anchor, f"{part} không nằm trong bảng; các mẫu của {doc.law} dùng bảng 2 cột không viền")
        return
    columns = max((len(tr.findall(W + "tc")) for tr in table.findall(W + "tr")), default=0)
    if columns != 2:
        yield doc.at(anchor, f"bảng {part} có {columns} cột; các mẫu của {doc.law} dùng bảng 2 cột")
    if _visible_borders(doc, table):
        yield doc.at(anchor, f"bảng {part} có đường viền; các mẫu của {doc.law} dùng bảng không viền "
                             "(Borders: None)")


def _visible_borders(doc: DocxContext, table) -> bool:
    """Whether any border of the table or its cells is drawn: table style, then the table, then each cell."""
    sides: dict[str, str] = {}
    properties = table.find(W + "tblPr")
    style_id = _val(properties.find(W + "tblStyle")) if properties is not None else None
    for style in reversed(_style_chain(doc, style_id)):
        sides.update(_borders(style.find(f"{W}tblPr/{W}tblBorders")))
    if properties is not None:
        sides.update(_borders(properties.find(W + "tblBorders")))
    if any(v not in _NONE for v in sides.values()):
        return True
    return any(v not in _NONE for tc in table.iter(W + "tc")
               for v in _borders(tc.find(f"{W}tcPr/{W}tcBorders")).values())


def _borders(element) -> dict[str, str]:
    return {} if element is None else {child.tag[len(W):]: child.get(W + "val", "none") for child in element}


def _val(element) -> str | None:
    return element.get(W + "val") if element is not None else None


def _style_chain(doc: DocxContext, style_id: str | None) -> list:
    """The table style and the styles it is based on (most specific first); the default table style when
    the table names none."""
    styles = doc.document.styles.element
    if style_id is None:
        default = next((s for s in styles.iter(W + "style") if s.get(W + "type") == "table"
                        and s.get(W + "default") in ("1", "true")), None)
        return [default] if default is not None else []
    chain, seen = [], set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = next((s for s in styles.iter(W + "style") if s.get(W + "styleId") == style_id), None)
        if style is None:
            break
        chain.append(style)
        style_id = _val(style.find(W + "basedOn"))
    return chain
