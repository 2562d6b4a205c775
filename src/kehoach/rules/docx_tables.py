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

from kehoach.inspect.body import Table
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


def _table(doc: DocxContext, anchor: Paragraph, table: Table | None, part: str) -> Iterator[Problem]:
    if table is None:
        yield doc.at(anchor, f"{part} không nằm trong bảng; các mẫu của {doc.law} dùng bảng 2 cột không viền")
        return
    columns = table.columns
    if columns != 2:
        yield doc.at(anchor, f"bảng {part} có {columns} cột; các mẫu của {doc.law} dùng bảng 2 cột")
    if _visible_borders(doc, table):
        yield doc.at(anchor, f"bảng {part} có đường viền; các mẫu của {doc.law} dùng bảng không viền "
                             "(Borders: None)")


def _visible_borders(doc: DocxContext, table: Table) -> bool:
    """Whether any border of the table or its cells is drawn: table style, then the table, then each cell."""
    sides: dict[str, str] = {}
    for style in reversed(_style_chain(doc, table.style_id)):
        sides.update(_borders(style.find(f"{W}tblPr/{W}tblBorders")))
    sides.update(table.borders)
    return any(v not in _NONE for v in sides.values()) or table.cell_borders


def _borders(element) -> dict[str, str]:
    return {} if element is None else {child.tag[len(W):]: child.get(W + "val", "none") for child in element}


def _style_chain(doc: DocxContext, style_id: str | None) -> list:
    """The table style and the styles it is based on (most specific first); the default table style when
    the table names none."""
    if style_id is None:
        default = doc.styles.default_style("table")
        return [default] if default is not None else []
    return doc.styles.chain(style_id)
