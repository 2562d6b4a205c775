"""Build the default Word template `templates/ke-hoach.docx` from the numbers in `nd30.py`.

The template is what a clerk opens in Word or LibreOffice to adjust styles, spacing or column widths;
this module only makes the first version reproducible and reviewable as code. Regenerate it on purpose:

    python -m tools.templates.plan templates/ke-hoach.docx

Each kind of paragraph has its own named style («KH …»), so adjusting a style in Word changes every
paragraph of that kind. `new_document`, `page_setup`, `header_table`, `title_block`, `blocks` and
`closing_table` are the parts another document type's template can reuse (with the building blocks of
`template_parts`); the Phụ lục section is built by `template_appendix`. The Jinja2 tags (docxtpl syntax)
place the plan's data; `{%p … %}` tags stand alone in their paragraph, which docxtpl removes.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Twips

from kehoach.profiles import nd30
from kehoach.render import footnotes, oxml
from tools.templates import appendix as template_appendix
from kehoach.render.package import save_deterministic
from tools.templates.parts import (
    CENTER,
    LEFT,
    Style,
    add_page_number_header,
    add_style,
    command_line,
    fixed_table,
    loop,
    para,
    set_defaults,
)

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
    Style("KHDuongKeDai", "KH Đường kẻ dài", 2, align=CENTER),  # II.1.b: as long as the motto
    Style("KHDuThao", "KH Dự thảo", nd30.SIZE_DRAFT_MARK, bold=True, align=CENTER, after=120),
    Style("KHSoTrang", "KH Số trang", nd30.SIZE_PAGE_NUMBER.chosen, align=CENTER),  # I.7
]
STYLES += template_appendix.STYLES  # the Phụ lục section's styles (III.1), same «KH …» family
STYLE_IDS = {style.style_id for style in STYLES}
RULE_STYLES = nd30.RULE_STYLES


def build(path: Path) -> None:
    """Write the default template to `path`."""
    document = new_document()
    page_setup(document)
    header_table(document)
    title_block(document)
    _content(document)
    closing_table(document)
    template_appendix.appendix_section(document)
    core = document.core_properties
    core.author = "kehoach"
    core.title = "Mẫu Kế hoạch theo Nghị định 30/2020/NĐ-CP"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_deterministic(document, path)


def new_document():
    """An empty document with ND30's defaults and every «KH …» style (and Word's footnote styles)."""
    document = Document()
    set_defaults(document)
    for spec in STYLES:
        _add_style(document, spec)
    footnotes.add_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _add_style(document, spec: Style) -> None:
    style = add_style(document, spec)
    if spec.style_id in RULE_STYLES:
        oxml.set_paragraph_borders(style.element.get_or_add_pPr(), ("bottom",), nd30.RULE_WEIGHT)
    if spec.style_id == "KHDuThao":
        oxml.set_paragraph_borders(style.element.get_or_add_pPr(), ("top", "left", "bottom", "right"),
                                   nd30.RULE_WEIGHT, space=2)
        style.paragraph_format.left_indent = Twips(nd30.TEXT_WIDTH - nd30.DRAFT_BOX_WIDTH)


def page_setup(document) -> None:
    """A4 portrait and the margins of ND30 Phụ lục I, I.3; page numbers from page 2 (I.7)."""
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
    add_page_number_header(section, document.styles["KH Số trang"])


def header_table(document) -> None:
    """Ô 1–4: organ and number on the left; Quốc hiệu, Tiêu ngữ, place and date on the right.

    Two rows, so that «Số: …» and the place and date always share a line (II.4.c), however many lines
    the organ's name takes.
    """
    para(document, "KH Dự thảo", "{%p if draft %}")
    para(document, "KH Dự thảo", "DỰ THẢO")
    para(document, "KH Dự thảo", "{%p endif %}")
    table = fixed_table(document, 2, [nd30.HEADER_LEFT_COLUMN, nd30.HEADER_RIGHT_COLUMN], nd30.HEADER_TABLE_INDENT)
    organ, national = table.rows[0].cells
    para(organ, "KH Cơ quan chủ quản", "{%p if organ.parent %}")
    para(organ, "KH Cơ quan chủ quản", "{{ organ.parent }}")
    para(organ, "KH Cơ quan chủ quản", "{%p endif %}")
    para(organ, "KH Tên cơ quan", "{%p for line in organ.lines %}")
    para(organ, "KH Tên cơ quan", "{{ line }}")
    para(organ, "KH Tên cơ quan", "{%p endfor %}")
    para(organ, "KH Đường kẻ ngắn")
    para(national, "KH Quốc hiệu", nd30.NATIONAL_TITLE)
    para(national, "KH Tiêu ngữ", nd30.MOTTO)
    para(national, "KH Đường kẻ dài")
    number, place = table.rows[1].cells
    para(number, "KH Số, ký hiệu", "{{ number_line }}")
    para(place, "KH Địa danh, ngày tháng", "{{ place_date }}")


def title_block(document) -> None:
    """Ô 5a: the type name and the summary, centred, with the short rule under the summary."""
    para(document, "KH Tên loại", "{{ doc_type }}")
    para(document, "KH Trích yếu", "{%p for line in summary_lines %}")
    para(document, "KH Trích yếu", "{{ line }}")
    para(document, "KH Trích yếu", "{%p endfor %}")
    para(document, "KH Đường kẻ ngắn")


def _content(document) -> None:
    """Ô 6: bases, opening, the numbered body, closing. One style per kind of paragraph."""
    loop(document, "KH Căn cứ", "bases")
    loop(document, "KH Nội dung", "opening")
    blocks(document, "body")
    loop(document, "KH Đoạn kết", "closing")


def blocks(document, name: str) -> None:
    """Each block of the context list `name` (headings I., 1., a), bullets, paragraphs) in the style of its kind."""
    para(document, "KH Nội dung", f"{{%p for block in {name} %}}")
    kinds = [("muc1", "KH Mục (I.)"), ("muc2", "KH Khoản (1.)"), ("muc3", "KH Điểm (a))"),
             ("gach", "KH Gạch đầu dòng")]
    for index, (kind, style) in enumerate(kinds):
        keyword = "if" if index == 0 else "elif"
        para(document, style, f'{{%p {keyword} block.kind == "{kind}" %}}')
        para(document, style, "{{ block.text }}")
    para(document, "KH Nội dung", "{%p else %}")
    para(document, "KH Nội dung", "{{ block.text }}")
    para(document, "KH Nội dung", "{%p endif %}")
    para(document, "KH Nội dung", "{%p endfor %}")


def closing_table(document) -> None:
    """Ô 9b on the left, top-aligned with ô 7a–7c on the right (Phụ lục I, mục IV)."""
    # The cells' top margin, not an empty paragraph, separates the table from the closing paragraph.
    table = fixed_table(document, 1, [nd30.CLOSING_LEFT_COLUMN, nd30.CLOSING_RIGHT_COLUMN],
                        top=nd30.CLOSING_TABLE_SPACE)
    # The signature block never breaks across pages: the row moves whole, with the closing paragraph.
    table.rows[0]._tr.get_or_add_trPr().append(oxml.cant_split())
    recipients, signature = table.rows[0].cells
    para(recipients, "KH Nơi nhận", "Nơi nhận:")
    loop(recipients, "KH Nơi nhận - dòng", "recipients")
    loop(signature, "KH Thẩm quyền ký", "signature.authority")
    para(signature, "KH Thẩm quyền ký", "{{ signature.position }}")
    para(signature, "KH Người ký", "{{ signature.name }}")


if __name__ == "__main__":
    command_line(build, "templates/ke-hoach.docx")
