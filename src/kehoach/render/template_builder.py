"""Build the default Word template `templates/ke-hoach.docx` from the numbers in `nd30.py`.

The template is what a clerk opens in Word or LibreOffice to adjust styles, spacing or column widths;
this module only makes the first version reproducible and reviewable as code. Regenerate it on purpose:

    python -m kehoach.render.template_builder templates/ke-hoach.docx

Each kind of paragraph has its own named style («KH …»), so adjusting a style in Word changes every
paragraph of that kind. The Jinja2 tags (docxtpl syntax) place the plan's data; `{%p … %}` tags stand
alone in their paragraph, which docxtpl removes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from kehoach import nd30
from kehoach.render import oxml
from kehoach.render.package import save_deterministic

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


@dataclass(frozen=True)
class Style:
    """A paragraph style of the template: its id (what code looks for) and its look."""

    style_id: str
    name: str
    size: float
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = JUSTIFY
    first_line: int = 0
    before: int = 0
    after: int = 0
    hanging: int = 0
    keep_with_next: bool = False
    all_caps: bool = False


# Every paragraph kind of the document, with the ND30 clause its look comes from (numbers: nd30.py).
BODY_FIRST = int(nd30.FIRST_LINE_INDENT.chosen)
STYLES = [
    Style("KHQuocHieu", "KH Quốc hiệu", nd30.SIZE_NATIONAL_TITLE.chosen, bold=True, align=CENTER),  # II.1.a
    Style("KHTieuNgu", "KH Tiêu ngữ", nd30.SIZE_MOTTO.chosen, bold=True, align=CENTER),  # II.1.b
    Style("KHCoQuanChuQuan", "KH Cơ quan chủ quản", nd30.SIZE_ORGAN.chosen, align=CENTER),  # II.2.a
    Style("KHTenCoQuan", "KH Tên cơ quan", nd30.SIZE_ORGAN.chosen, bold=True, align=CENTER),  # II.2.b
    Style("KHSoKyHieu", "KH Số, ký hiệu", nd30.SIZE_NUMBER.chosen, align=CENTER, before=120),  # II.3.c
    Style("KHDiaDanh", "KH Địa danh, ngày tháng", nd30.SIZE_PLACE_DATE.chosen, italic=True,
          align=CENTER, before=120),  # II.4.c
    Style("KHTenLoai", "KH Tên loại", nd30.SIZE_DOC_TYPE.chosen, bold=True, align=CENTER,
          before=480, keep_with_next=True),  # II.5.b
    Style("KHTrichYeu", "KH Trích yếu", nd30.SIZE_SUMMARY.chosen, bold=True, align=CENTER,
          keep_with_next=True),  # II.5.b
    Style("KHCanCu", "KH Căn cứ", nd30.SIZE_BODY.chosen, italic=True, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE),  # II.6.a
    Style("KHNoiDung", "KH Nội dung", nd30.SIZE_BODY.chosen, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE),  # II.6.e
    Style("KHMuc", "KH Mục (I.)", nd30.SIZE_BODY.chosen, bold=True, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE, keep_with_next=True),  # V(b): in hoa, đậm
    Style("KHKhoan", "KH Khoản (1.)", nd30.SIZE_BODY.chosen, bold=True, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE, keep_with_next=True),  # V(b): khoản có tiêu đề, đậm
    Style("KHDoanKet", "KH Đoạn kết", nd30.SIZE_BODY.chosen, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE, keep_with_next=True),  # II.6.e; stays on the page of the signature
    Style("KHDiem", "KH Điểm (a))", nd30.SIZE_BODY.chosen, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE),  # V(b): điểm, đứng
    Style("KHGach", "KH Gạch đầu dòng", nd30.SIZE_BODY.chosen, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE),  # not regulated; practice: a body paragraph starting "- "
    Style("KHNoiNhan", "KH Nơi nhận", nd30.SIZE_RECIPIENTS_LABEL.chosen, bold=True, italic=True,
          align=LEFT),  # II.9.b
    Style("KHNoiNhanMuc", "KH Nơi nhận - dòng", nd30.SIZE_RECIPIENTS.chosen, align=LEFT,
          hanging=142),  # II.9.b; long lines wrap under the text, not under the dash
    Style("KHThamQuyen", "KH Thẩm quyền ký", nd30.SIZE_SIGNER.chosen, bold=True, align=CENTER),  # II.7.đ
    Style("KHNguoiKy", "KH Người ký", nd30.SIZE_SIGNER.chosen, bold=True, align=CENTER,
          before=nd30.SIGNATURE_SPACE_PT * nd30.TWIPS_PER_PT),  # II.7.đ; space for signature and seal
    Style("KHDuongKeNgan", "KH Đường kẻ ngắn", 2, align=CENTER, after=nd30.SPACE_BEFORE),  # II.2.b, II.5.b: 1/3–1/2 of the line
    Style("KHDuongKeDai", "KH Đường kẻ dài", 2, align=CENTER),  # II.1.c: as long as the motto
    Style("KHDuThao", "KH Dự thảo", nd30.SIZE_DRAFT_MARK, bold=True, align=CENTER, after=120),
    Style("KHSoTrang", "KH Số trang", nd30.SIZE_PAGE_NUMBER.chosen, align=CENTER),  # I.7
]
STYLE_IDS = {style.style_id for style in STYLES}
RULE_STYLES = {"KHDuongKeNgan": nd30.RULE_SHORT.chosen, "KHDuongKeDai": nd30.RULE_UNDER_MOTTO}


def build(path: Path) -> None:
    """Write the default template to `path`."""
    document = Document()
    _set_defaults(document)
    for style in STYLES:
        _add_style(document, style)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _page_setup(document)
    _header_table(document)
    _title(document)
    _content(document)
    _closing_table(document)
    core = document.core_properties
    core.author = "kehoach"
    core.title = "Mẫu Kế hoạch theo Nghị định 30/2020/NĐ-CP"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_deterministic(document, path)


def _set_defaults(document) -> None:
    """Times New Roman 14 for everything that has no style of its own (ND30 Phụ lục I, I.2)."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    oxml.set_rfonts(rpr_default, nd30.FONT)
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(slot), nd30.FONT)
    # The built-in styles carry theme colours (blue headings); text is black (ND30 Phụ lục I, I.2).
    for colour in list(styles.iter(qn("w:color"))):
        colour.getparent().remove(colour)
    normal = document.styles["Normal"]
    normal.font.size = Pt(nd30.SIZE_BODY.chosen)
    normal.font.name = nd30.FONT
    oxml.set_rfonts(normal.element.get_or_add_rPr(), nd30.FONT)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _add_style(document, spec: Style) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name = nd30.FONT
    oxml.set_rfonts(style.element.get_or_add_rPr(), nd30.FONT)
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.first_line_indent = Twips(spec.first_line) if spec.first_line else None
    if spec.hanging:
        fmt.left_indent = Twips(spec.hanging)
        fmt.first_line_indent = Twips(-spec.hanging)
    fmt.space_before = Twips(spec.before)
    fmt.space_after = Twips(spec.after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = spec.keep_with_next
    fmt.widow_control = True
    if spec.style_id in RULE_STYLES:
        oxml.set_paragraph_borders(style.element.get_or_add_pPr(), ("bottom",), nd30.RULE_WEIGHT)
    if spec.style_id == "KHDuThao":
        oxml.set_paragraph_borders(style.element.get_or_add_pPr(), ("top", "left", "bottom", "right"),
                                   nd30.RULE_WEIGHT, space=2)
        fmt.left_indent = Twips(nd30.TEXT_WIDTH - nd30.DRAFT_BOX_WIDTH)


def _page_setup(document) -> None:
    """A4 portrait and the margins of ND30 Phụ lục I, I.5; page numbers from page 2 (I.7)."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Twips(nd30.PAGE_WIDTH)
    section.page_height = Twips(nd30.PAGE_HEIGHT)
    section.top_margin = Twips(nd30.MARGIN_TOP.chosen)
    section.bottom_margin = Twips(nd30.MARGIN_BOTTOM.chosen)
    section.left_margin = Twips(nd30.MARGIN_LEFT.chosen)
    section.right_margin = Twips(nd30.MARGIN_RIGHT.chosen)
    section.header_distance = Twips(nd30.HEADER_DISTANCE)
    section.footer_distance = Twips(nd30.HEADER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles["KH Số trang"]
    oxml.add_page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = document.styles["KH Số trang"]


def _para(container, style: str, text: str = ""):
    paragraph = container.add_paragraph(text)
    paragraph.style = style
    return paragraph


def _borderless_table(document, rows: int, widths: list[int], indent: int = 0, top: int = 0):
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    oxml.set_table_borders_none(table)
    oxml.set_table_indent(table, indent)
    oxml.set_table_cell_margins(table, nd30.CELL_MARGIN, nd30.CELL_MARGIN, top)
    # LibreOffice ignores column widths unless every cell carries its width too.
    for column, width in zip(table.columns, widths):
        column.width = Twips(width)
        for cell in column.cells:
            cell.width = Twips(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for row in table.rows:
        for cell in row.cells:
            cell._tc.remove(cell.paragraphs[0]._p)
    return table


def _header_table(document) -> None:
    """Ô 1–4: organ and number on the left; Quốc hiệu, Tiêu ngữ, place and date on the right.

    Two rows, so that «Số: …» and the place and date always share a line (II.4.c), however many lines
    the organ's name takes.
    """
    _para(document, "KH Dự thảo", "{%p if draft %}")
    _para(document, "KH Dự thảo", "DỰ THẢO")
    _para(document, "KH Dự thảo", "{%p endif %}")
    table = _borderless_table(document, 2, [nd30.HEADER_LEFT_COLUMN, nd30.HEADER_RIGHT_COLUMN],
                              nd30.HEADER_TABLE_INDENT)
    organ, national = table.rows[0].cells
    _para(organ, "KH Cơ quan chủ quản", "{%p if organ.parent %}")
    _para(organ, "KH Cơ quan chủ quản", "{{ organ.parent }}")
    _para(organ, "KH Cơ quan chủ quản", "{%p endif %}")
    _para(organ, "KH Tên cơ quan", "{%p for line in organ.lines %}")
    _para(organ, "KH Tên cơ quan", "{{ line }}")
    _para(organ, "KH Tên cơ quan", "{%p endfor %}")
    _para(organ, "KH Đường kẻ ngắn")
    _para(national, "KH Quốc hiệu", nd30.NATIONAL_TITLE)
    _para(national, "KH Tiêu ngữ", nd30.MOTTO)
    _para(national, "KH Đường kẻ dài")
    number, place = table.rows[1].cells
    _para(number, "KH Số, ký hiệu", "{{ number_line }}")
    _para(place, "KH Địa danh, ngày tháng", "{{ place_date }}")


def _title(document) -> None:
    """Ô 5a: the type name and the summary, centred, with the short rule under the summary."""
    _para(document, "KH Tên loại", "{{ doc_type }}")
    _para(document, "KH Trích yếu", "{%p for line in summary_lines %}")
    _para(document, "KH Trích yếu", "{{ line }}")
    _para(document, "KH Trích yếu", "{%p endfor %}")
    _para(document, "KH Đường kẻ ngắn")


def _content(document) -> None:
    """Ô 6: bases, opening, the numbered body, closing. One style per kind of paragraph."""
    _loop(document, "KH Căn cứ", "bases")
    _loop(document, "KH Nội dung", "opening")
    _para(document, "KH Nội dung", "{%p for block in body %}")
    kinds = [("muc1", "KH Mục (I.)"), ("muc2", "KH Khoản (1.)"), ("muc3", "KH Điểm (a))"),
             ("gach", "KH Gạch đầu dòng")]
    for index, (kind, style) in enumerate(kinds):
        keyword = "if" if index == 0 else "elif"
        _para(document, style, f'{{%p {keyword} block.kind == "{kind}" %}}')
        _para(document, style, "{{ block.text }}")
    _para(document, "KH Nội dung", "{%p else %}")
    _para(document, "KH Nội dung", "{{ block.text }}")
    _para(document, "KH Nội dung", "{%p endif %}")
    _para(document, "KH Nội dung", "{%p endfor %}")
    _loop(document, "KH Đoạn kết", "closing")


def _loop(container, style: str, name: str) -> None:
    _para(container, style, f"{{%p for text in {name} %}}")
    _para(container, style, "{{ text }}")
    _para(container, style, "{%p endfor %}")


def _closing_table(document) -> None:
    """Ô 9b on the left, top-aligned with ô 7a–7c on the right (Phụ lục I, mục IV)."""
    # The cells' top margin, not an empty paragraph, separates the table from the closing paragraph.
    table = _borderless_table(document, 1, [nd30.CLOSING_LEFT_COLUMN, nd30.CLOSING_RIGHT_COLUMN],
                              top=nd30.CLOSING_TABLE_SPACE)
    # The signature block never breaks across pages: the row moves whole, with the closing paragraph.
    table.rows[0]._tr.get_or_add_trPr().append(oxml.cant_split())
    recipients, signature = table.rows[0].cells
    _para(recipients, "KH Nơi nhận", "Nơi nhận:")
    _loop(recipients, "KH Nơi nhận - dòng", "recipients")
    _loop(signature, "KH Thẩm quyền ký", "signature.authority")
    _para(signature, "KH Thẩm quyền ký", "{{ signature.position }}")
    _para(signature, "KH Người ký", "{{ signature.name }}")


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("templates/ke-hoach.docx")
    build(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
