"""Build the Word template of a Kế hoạch from the numbers of a layout profile (data/profiles/<id>.yaml).

The template is what a clerk opens in Word or LibreOffice to adjust styles, spacing or column widths;
this module only makes the first version reproducible and reviewable as code. Regenerate it on purpose:

    python -m tools.templates.plan templates/ke-hoach.docx
    python -m tools.templates.plan templates/hd36/ke-hoach.docx hd36

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

from kehoach import profiles
from kehoach.profiles import Profile
from kehoach.profiles.profile import RULE_STYLE_IDS
from kehoach.render import footnotes
from kehoach.render.oxml.paragraphs import set_paragraph_borders
from kehoach.render.oxml.tables import cant_split
from tools.templates import appendix as template_appendix
from tools.templates.parts import (
    save_template,
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

# Every paragraph kind of the document; its size and look come from the profile, each with its clause.
def styles(profile: Profile) -> list[Style]:
    """The «KH …» paragraph styles of a template in the layout `profile`."""
    sizes = profile.sizes
    body = sizes.body.value
    first = profile.body.first_line_indent.value
    before = profile.body.space_before.value
    header = [
        Style.of("KHQuocHieu", "KH Quốc hiệu", sizes.national_title, align=CENTER),  # II.1.a
        Style.of("KHTieuNgu", "KH Tiêu ngữ", sizes.motto, align=CENTER),  # II.1.b
    ] if not profile.is_party else [
        Style.of("KHTenDang", "KH Tên Đảng", sizes.party_title, align=CENTER),  # HD 36, Phụ lục 3, dòng 1
        Style("KHDauSao", "KH Dấu sao", sizes.organ.value, align=CENTER),  # HD 36: «*» dưới tên cơ quan
    ]
    return header + [
        Style.of("KHCoQuanChuQuan", "KH Cơ quan chủ quản", sizes.parent_organ, align=CENTER),  # II.2.a
        Style.of("KHTenCoQuan", "KH Tên cơ quan", sizes.organ, align=CENTER),  # II.2.b
        Style.of("KHSoKyHieu", "KH Số, ký hiệu", sizes.number, align=CENTER, before=120),  # II.3.c
        Style.of("KHDiaDanh", "KH Địa danh, ngày tháng", sizes.place_date, align=CENTER, before=120),  # II.4.c
        Style.of("KHTenLoai", "KH Tên loại", sizes.doc_type, align=CENTER, before=480, keep_with_next=True),  # II.5.b
        Style.of("KHTrichYeu", "KH Trích yếu", sizes.summary, align=CENTER, keep_with_next=True),  # II.5.b
        Style.of("KHCanCu", "KH Căn cứ", sizes.bases, first_line=first, before=before),  # II.6.a
        Style("KHNoiDung", "KH Nội dung", body, first_line=first, before=before),  # II.6.e
        Style.of("KHPhan", "KH Phần", sizes.part_heading, align=CENTER, before=before,
                 keep_with_next=True),  # V(b): «Phần thứ nhất» and its title, each on its own line, centred
        Style("KHMuc", "KH Mục (I.)", body, bold=True, first_line=first, before=before,
              keep_with_next=True),  # V(b): in hoa, đậm
        Style("KHKhoan", "KH Khoản (1.)", body, bold=True, first_line=first, before=before,
              keep_with_next=True),  # V(b): khoản có tiêu đề, đậm
        Style("KHDoanKet", "KH Đoạn kết", body, first_line=first, before=before,
              keep_with_next=True),  # II.6.e; stays on the page of the signature
        Style("KHDiem", "KH Điểm (a))", body, first_line=first, before=before),  # V(b): điểm, đứng
        Style("KHGach", "KH Gạch đầu dòng", body, first_line=first,
              before=before),  # not regulated; practice: a body paragraph starting "- "
        Style.of("KHNoiNhan", "KH Nơi nhận", sizes.recipients_label, align=LEFT),  # II.9.b
        Style.of("KHNoiNhanMuc", "KH Nơi nhận - dòng", sizes.recipients, align=LEFT,
                 hanging=142),  # II.9.b; long lines wrap under the text, not under the dash
        Style.of("KHThamQuyen", "KH Thẩm quyền ký", sizes.signer, align=CENTER),  # II.7.đ
        Style.of("KHNguoiKy", "KH Người ký", sizes.signer, align=CENTER,
                 before=profile.closing_table.signature_space.value),  # II.7.đ; room for signature and seal
        Style("KHDuongKeNgan", "KH Đường kẻ ngắn", 2, align=CENTER, after=before),  # II.2.b, II.5.b: 1/3–1/2
        Style("KHDuongKeDai", "KH Đường kẻ dài", 2, align=CENTER),  # II.1.b: as long as the line above
        Style.of("KHDuThao", "KH Dự thảo", sizes.draft_mark, align=CENTER, after=120),
        Style.of("KHSoTrang", "KH Số trang", sizes.page_number, align=CENTER),  # I.7
    ] + template_appendix.styles(profile)  # the Phụ lục section's styles (III.1), same «KH …» family


ND30 = profiles.load("nd30")
STYLES = styles(ND30)
STYLE_IDS = {style.style_id for style in STYLES}


def build(path: Path, profile: Profile = ND30) -> None:
    """Write the template of a Kế hoạch in the layout `profile` to `path`."""
    document = new_document(profile)
    page_setup(document, profile)
    header_table(document, profile)
    title_block(document)
    _content(document)
    closing_table(document, profile)
    template_appendix.appendix_section(document, profile)
    core = document.core_properties
    core.author = "kehoach"
    core.title = f"Mẫu Kế hoạch theo {profile.name}"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_template(document, path)


def new_document(profile: Profile):
    """An empty document with the profile's defaults and every «KH …» style (and Word's footnote styles)."""
    document = Document()
    set_defaults(document, profile)
    for spec in styles(profile):
        _add_style(document, spec, profile)
    footnotes.add_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _add_style(document, spec: Style, profile: Profile) -> None:
    style = add_style(document, spec, profile.font.value)
    weight = profile.rules.weight.value
    if spec.style_id in RULE_STYLE_IDS:
        set_paragraph_borders(style.element.get_or_add_pPr(), ("bottom",), weight)
    if spec.style_id == "KHDuThao":
        set_paragraph_borders(style.element.get_or_add_pPr(), ("top", "left", "bottom", "right"), weight,
                                   space=2)
        style.paragraph_format.left_indent = Twips(profile.text_width - profile.header_table.draft_box_width.value)


def page_setup(document, profile: Profile) -> None:
    """A4 portrait and the profile's margins (ND30 Phụ lục I, I.3); page numbers from page 2 (I.7)."""
    page = profile.page
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Twips(page.width.value)
    section.page_height = Twips(page.height.value)
    section.top_margin = Twips(page.margin_top.value)
    section.bottom_margin = Twips(page.margin_bottom.value)
    section.left_margin = Twips(page.margin_left.value)
    section.right_margin = Twips(page.margin_right.value)
    section.header_distance = Twips(page.header_distance.value)
    section.footer_distance = Twips(page.header_distance.value)
    section.gutter = Twips(0)
    add_page_number_header(section, document.styles["KH Số trang"])


def header_table(document, profile: Profile) -> None:
    """Ô 1–4: organ and number on the left; Quốc hiệu, Tiêu ngữ, place and date on the right.

    Two rows, so that «Số: …» and the place and date always share a line (II.4.c), however many lines
    the organ's name takes. A Party header (HD 36) has «ĐẢNG CỘNG SẢN VIỆT NAM» on the right with the
    place and date under it, and «*» under the organ.
    """
    para(document, "KH Dự thảo", "{%p if draft %}")
    para(document, "KH Dự thảo", "DỰ THẢO")
    para(document, "KH Dự thảo", "{%p endif %}")
    table = fixed_table(document, profile, 2, list(profile.header_columns), profile.header_table.indent.value)
    if profile.is_party:
        _party_header(table, profile)
        return
    organ, national = table.rows[0].cells
    _organ_lines(organ)
    para(organ, "KH Đường kẻ ngắn")
    para(national, "KH Quốc hiệu", profile.texts.national_title.value)
    para(national, "KH Tiêu ngữ", profile.texts.motto.value)
    para(national, "KH Đường kẻ dài")
    number, place = table.rows[1].cells
    para(number, "KH Số, ký hiệu", "{{ number_line }}")
    para(place, "KH Địa danh, ngày tháng", "{{ place_date }}")


def _party_header(table, profile: Profile) -> None:
    """HD 36 (Phụ lục 1, ô 1–4): the upper organ (not bold) and the organ (bold), «*» under them, the number
    under that; «ĐẢNG CỘNG SẢN VIỆT NAM» top right with a line as long as it, the place and date under it."""
    organ, title = table.rows[0].cells
    _organ_lines(organ)
    para(organ, "KH Dấu sao", profile.texts.organ_mark.value)
    para(title, "KH Tên Đảng", profile.texts.party_title.value)
    para(title, "KH Đường kẻ dài")
    para(title, "KH Địa danh, ngày tháng", "{{ place_date }}")
    number, empty = table.rows[1].cells
    para(number, "KH Số, ký hiệu", "{{ number_line }}")
    para(empty, "KH Số, ký hiệu")


def _organ_lines(cell) -> None:
    para(cell, "KH Cơ quan chủ quản", "{%p if organ.parent %}")
    para(cell, "KH Cơ quan chủ quản", "{{ organ.parent }}")
    para(cell, "KH Cơ quan chủ quản", "{%p endif %}")
    para(cell, "KH Tên cơ quan", "{%p for line in organ.lines %}")
    para(cell, "KH Tên cơ quan", "{{ line }}")
    para(cell, "KH Tên cơ quan", "{%p endfor %}")


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
    kinds = [("phan", "KH Phần"), ("muc1", "KH Mục (I.)"), ("muc2", "KH Khoản (1.)"), ("muc3", "KH Điểm (a))"),
             ("gach", "KH Gạch đầu dòng")]
    for index, (kind, style) in enumerate(kinds):
        keyword = "if" if index == 0 else "elif"
        para(document, style, f'{{%p {keyword} block.kind == "{kind}" %}}')
        para(document, style, "{{ block.text }}")
    para(document, "KH Nội dung", "{%p else %}")
    para(document, "KH Nội dung", "{{ block.text }}")
    para(document, "KH Nội dung", "{%p endif %}")
    para(document, "KH Nội dung", "{%p endfor %}")


def closing_table(document, profile: Profile) -> None:
    """Ô 9b on the left, top-aligned with ô 7a–7c on the right (Phụ lục I, mục IV)."""
    # The cells' top margin, not an empty paragraph, separates the table from the closing paragraph.
    table = fixed_table(document, profile, 1, list(profile.closing_columns),
                        top=profile.closing_table.space_above.value)
    # The signature block never breaks across pages: the row moves whole, with the closing paragraph.
    table.rows[0]._tr.get_or_add_trPr().append(cant_split())
    recipients, signature = table.rows[0].cells
    para(recipients, "KH Nơi nhận", "Nơi nhận:")
    loop(recipients, "KH Nơi nhận - dòng", "recipients")
    loop(signature, "KH Thẩm quyền ký", "signature.authority")
    para(signature, "KH Thẩm quyền ký", "{{ signature.position }}")
    para(signature, "KH Người ký", "{{ signature.name }}")


if __name__ == "__main__":
    command_line(build, "templates/ke-hoach.docx")
