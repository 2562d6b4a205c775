"""The Phụ lục section of the default template (ND30 Phụ lục I, Phần I, III.1): heading lines and task table.

The section is wrapped in `{%p if appendix %}`, so a plan without `phu_luc` renders exactly as before.
It is the document's last section: A4 landscape, its pages numbered from 1 (III.1.đ) at the top centre
from its second page (I.7). The heading is «Phụ lục», its title and «(Kèm theo … số … ngày … của …)»
over a short rule (III.1.b–c, Mẫu 2.1); the table repeats its header row on every page.

A section's properties sit in the paragraph that ends it, and those of the last section in the body
itself; a template cannot make the last section's properties depend on the data. So the template ends
with an empty portrait section after the Phụ lục, and `finish` drops that section when the Phụ lục is
printed (when it is not, that portrait section is the whole document, as before).
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Twips

from kehoach.profiles import Profile
from kehoach.render.oxml.sections import end_last_section_at, set_page_number_start
from tools.templates.parts import CENTER, LEFT, RIGHT, Style, add_page_number_header, loop_table, para

def styles(profile: Profile) -> list[Style]:
    """The Phụ lục's heading and table styles in the layout `profile`."""
    sizes = profile.sizes
    cell = profile.tables.cell_space.value
    table = sizes.table.value
    return [
        # Holds the section break at the end of the Kế hoạch: as small as Word allows, so it never adds a page.
        Style("KHNgatPhan", "KH Ngắt phần", 1),
        Style.of("KHPhuLuc", "KH Phụ lục", sizes.appendix_label, align=CENTER,
                 keep_with_next=True),  # III.1.b: «Phụ lục», in thường, 14, đậm
        Style.of("KHPhuLucTen", "KH Phụ lục - tên", sizes.appendix_title, align=CENTER,
                 keep_with_next=True),  # III.1.b: tên Phụ lục, in hoa, đậm
        Style.of("KHPhuLucKemTheo", "KH Phụ lục - kèm theo", sizes.appendix_reference, align=CENTER,
                 keep_with_next=True),  # III.1.c: chỉ dẫn kèm theo văn bản, nghiêng
        Style("KHBangTieuDe", "KH Bảng - tiêu đề", table, bold=True, align=CENTER, before=cell, after=cell),
        Style("KHBangChu", "KH Bảng - chữ", table, align=LEFT, before=cell, after=cell),
        Style("KHBangGiua", "KH Bảng - giữa", table, align=CENTER, before=cell, after=cell),
        Style("KHBangSo", "KH Bảng - số tiền", table, align=RIGHT, before=cell, after=cell),
        Style("KHBangTong", "KH Bảng - tổng", table, bold=True, align=RIGHT, before=cell, after=cell),
        Style("KHBangChuSo", "KH Bằng chữ", sizes.body.value, italic=True, before=profile.body.space_before.value),
    ]


#: The table's columns: header text, the row's key in the context, the paragraph style of its cells.
COLUMNS = (
    ("STT", "number", "KH Bảng - giữa"),
    ("Nội dung", "content", "KH Bảng - chữ"),
    ("Đơn vị chủ trì", "lead", "KH Bảng - chữ"),
    ("Đơn vị thực hiện", "implementing", "KH Bảng - chữ"),
    ("Đơn vị phối hợp", "coordinating", "KH Bảng - chữ"),
    ("Thời gian", "period", "KH Bảng - giữa"),
    ("Kinh phí (đồng)", "budget", "KH Bảng - số tiền"),
)


def appendix_section(document, profile: Profile) -> None:
    """Append the Phụ lục section (printed only when the context has an `appendix`)."""
    para(document, "KH Ngắt phần", "{%p if appendix %}")
    document.add_section(WD_SECTION.NEW_PAGE)  # the Kế hoạch's section now ends in a new paragraph
    document.paragraphs[-1].style = "KH Ngắt phần"
    _landscape(document, document.sections[-1], profile)
    para(document, "KH Phụ lục", "Phụ lục")
    para(document, "KH Phụ lục - tên", "{{ appendix.title }}")
    para(document, "KH Phụ lục - kèm theo", "{{ appendix.reference }}")
    para(document, "KH Đường kẻ ngắn")
    _task_table(document, profile)
    words = para(document, "KH Bằng chữ",
                 "{% if appendix.has_budget %}Bằng chữ: {{ appendix.total_words }}{% endif %}")
    end_last_section_at(words._p)
    para(document, "KH Ngắt phần", "{%p endif %}")


def _landscape(document, section, profile: Profile) -> None:
    width, height = profile.appendix_page
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Twips(width)
    section.page_height = Twips(height)
    add_page_number_header(section, document.styles["KH Số trang"])
    set_page_number_start(section._sectPr, profile.appendix.first_page.value)


def _task_table(document, profile: Profile) -> None:
    """Header row, the row repeated for each task, and the total row, each loop in rows of its own."""
    loop_table(document, profile, COLUMNS, profile.appendix_columns, "appendix.rows", "appendix.has_budget",
               "appendix.total")
