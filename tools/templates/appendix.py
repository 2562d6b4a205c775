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

from kehoach.profiles import nd30
from kehoach.render import oxml
from tools.templates.parts import CENTER, LEFT, RIGHT, Style, add_page_number_header, loop_table, para

_CELL = nd30.TABLE_CELL_SPACE
STYLES = [
    # Holds the section break at the end of the Kế hoạch: as small as Word allows, so it never adds a page.
    Style("KHNgatPhan", "KH Ngắt phần", 1),
    Style("KHPhuLuc", "KH Phụ lục", nd30.SIZE_APPENDIX_LABEL.chosen, bold=True, align=CENTER,
          keep_with_next=True),  # III.1.b: «Phụ lục», in thường, 14, đậm
    Style("KHPhuLucTen", "KH Phụ lục - tên", nd30.SIZE_APPENDIX_TITLE.chosen, bold=True, align=CENTER,
          keep_with_next=True),  # III.1.b: tên Phụ lục, in hoa, đậm
    Style("KHPhuLucKemTheo", "KH Phụ lục - kèm theo", nd30.SIZE_APPENDIX_REFERENCE.chosen, italic=True,
          align=CENTER, keep_with_next=True),  # III.1.c: chỉ dẫn kèm theo văn bản, nghiêng
    Style("KHBangTieuDe", "KH Bảng - tiêu đề", nd30.SIZE_TABLE, bold=True, align=CENTER, before=_CELL, after=_CELL),
    Style("KHBangChu", "KH Bảng - chữ", nd30.SIZE_TABLE, align=LEFT, before=_CELL, after=_CELL),
    Style("KHBangGiua", "KH Bảng - giữa", nd30.SIZE_TABLE, align=CENTER, before=_CELL, after=_CELL),
    Style("KHBangSo", "KH Bảng - số tiền", nd30.SIZE_TABLE, align=RIGHT, before=_CELL, after=_CELL),
    Style("KHBangTong", "KH Bảng - tổng", nd30.SIZE_TABLE, bold=True, align=RIGHT, before=_CELL, after=_CELL),
    Style("KHBangChuSo", "KH Bằng chữ", nd30.SIZE_BODY.chosen, italic=True, before=nd30.SPACE_BEFORE),
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


def appendix_section(document) -> None:
    """Append the Phụ lục section (printed only when the context has an `appendix`)."""
    para(document, "KH Ngắt phần", "{%p if appendix %}")
    document.add_section(WD_SECTION.NEW_PAGE)  # the Kế hoạch's section now ends in a new paragraph
    document.paragraphs[-1].style = "KH Ngắt phần"
    _landscape(document, document.sections[-1])
    para(document, "KH Phụ lục", "Phụ lục")
    para(document, "KH Phụ lục - tên", "{{ appendix.title }}")
    para(document, "KH Phụ lục - kèm theo", "{{ appendix.reference }}")
    para(document, "KH Đường kẻ ngắn")
    _task_table(document)
    words = para(document, "KH Bằng chữ",
                 "{% if appendix.has_budget %}Bằng chữ: {{ appendix.total_words }}{% endif %}")
    oxml.end_last_section_at(words._p)
    para(document, "KH Ngắt phần", "{%p endif %}")


def _landscape(document, section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Twips(nd30.APPENDIX_PAGE_WIDTH)
    section.page_height = Twips(nd30.APPENDIX_PAGE_HEIGHT)
    add_page_number_header(section, document.styles["KH Số trang"])
    oxml.set_page_number_start(section._sectPr, nd30.APPENDIX_FIRST_PAGE)


def _task_table(document) -> None:
    """Header row, the row repeated for each task, and the total row, each loop in rows of its own."""
    loop_table(document, COLUMNS, nd30.APPENDIX_COLUMNS, "appendix.rows", "appendix.has_budget", "appendix.total")
