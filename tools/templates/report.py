"""Build the template of the report on a plan's results, `templates/bao-cao.docx` (ND30 Phụ lục III, Mẫu 1.4).

    python -m tools.templates.report templates/bao-cao.docx

The header, title block, body paragraphs and closing table are the plan's own (`template_builder`), in the
same «KH …» styles. What is the report's own: «Kính gửi:» under the title (ô 9a, Phụ lục I, II.9.d: one
addressee on the line of «Kính gửi:», several each on a line, the dashes under its colon), and the table of
the plan's activities with their results, between part I's heading and part II, in the table styles of the
plan's Phụ lục. The page is portrait, so the table has fewer, narrower columns than the Phụ lục's.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Twips

from kehoach.profiles import nd30
from kehoach.render.measure import text_width
from kehoach.render.package import save_deterministic
from tools.templates.plan import (
    BODY_FIRST,
    blocks,
    closing_table,
    header_table,
    new_document,
    page_setup,
    title_block,
)
from tools.templates.parts import CENTER, LEFT, Style, add_style, command_line, loop, loop_table, para

_ADDRESSEE_SIZE = nd30.SIZE_BODY.chosen  # II.9.d: «Kính gửi» in thường, cỡ 13–14, đứng
#: Several addressees: the block starts 3 cm in, the dashes stand under the colon of «Kính gửi:».
_ADDRESSEE_LEFT = nd30.cm(3)
_ADDRESSEE_HANG = text_width("Kính gửi", _ADDRESSEE_SIZE)
STYLES = [
    Style("KHKinhGui", "KH Kính gửi", _ADDRESSEE_SIZE, align=CENTER, before=2 * nd30.SPACE_BEFORE,
          after=nd30.SPACE_BEFORE),
    Style("KHKinhGuiNhieuNoi", "KH Kính gửi - nhiều nơi", _ADDRESSEE_SIZE, align=LEFT, before=2 * nd30.SPACE_BEFORE,
          after=nd30.SPACE_BEFORE),
    # «Bằng chữ: …» under the table is part of the text (II.6.e): indented and justified like it, italic.
    Style("KHBangChuNoiDung", "KH Bằng chữ - nội dung", nd30.SIZE_BODY.chosen, italic=True, first_line=BODY_FIRST,
          before=nd30.SPACE_BEFORE),
]

#: The table's columns: header, the row's key in the context, the style of its cells, the width. ND30 sets
#: no widths; these fit the portrait text width, Nội dung and Kết quả taking what the others leave.
_FIXED = nd30.cm(1.25) + nd30.cm(2.9) + nd30.cm(2.3) + nd30.cm(2.6)
COLUMNS = (
    ("STT", "number", "KH Bảng - giữa", nd30.cm(1.25)),
    ("Nội dung", "content", "KH Bảng - chữ", (nd30.TEXT_WIDTH - _FIXED) // 2),
    ("Đơn vị chủ trì", "lead", "KH Bảng - chữ", nd30.cm(2.9)),
    ("Kết quả", "result", "KH Bảng - chữ", nd30.TEXT_WIDTH - _FIXED - (nd30.TEXT_WIDTH - _FIXED) // 2),
    ("Tình trạng", "status", "KH Bảng - giữa", nd30.cm(2.3)),
    ("Kinh phí đã chi (đồng)", "spent", "KH Bảng - số tiền", nd30.cm(2.6)),
)


def build(path: Path) -> None:
    """Write the report's template to `path`."""
    document = new_document()
    for spec in STYLES:
        add_style(document, spec)
    several = document.styles["KH Kính gửi - nhiều nơi"].paragraph_format
    several.left_indent = Twips(_ADDRESSEE_LEFT + _ADDRESSEE_HANG)
    several.first_line_indent = Twips(-_ADDRESSEE_HANG)
    page_setup(document)
    header_table(document)
    title_block(document)
    _addressee(document)
    loop(document, "KH Nội dung", "opening")
    blocks(document, "before_table")
    _results_table(document)
    para(document, "KH Bằng chữ - nội dung", "{%p if table.has_spent %}")
    para(document, "KH Bằng chữ - nội dung", "Bằng chữ: {{ table.total_words }}")
    para(document, "KH Bằng chữ - nội dung", "{%p endif %}")
    blocks(document, "after_table")
    loop(document, "KH Đoạn kết", "closing")
    closing_table(document)
    core = document.core_properties
    core.author = "kehoach"
    core.title = "Mẫu Báo cáo kết quả thực hiện Kế hoạch theo Nghị định 30/2020/NĐ-CP"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_deterministic(document, path)


def _addressee(document) -> None:
    """Ô 9a, printed only for a report to a superior (`kinh_gui`)."""
    para(document, "KH Kính gửi", "{%p if addressee %}")
    para(document, "KH Kính gửi", "{%p if addressee.one %}")
    para(document, "KH Kính gửi", "{{ addressee.text }}")
    para(document, "KH Kính gửi", "{%p else %}")
    para(document, "KH Kính gửi - nhiều nơi", "{{ addressee.text }}")
    para(document, "KH Kính gửi", "{%p endif %}")
    para(document, "KH Kính gửi", "{%p endif %}")


def _results_table(document) -> None:
    """One row per activity of the plan, then «Tổng cộng» when some amount was spent."""
    columns = [(title, key, style) for title, key, style, _ in COLUMNS]
    loop_table(document, columns, [width for *_, width in COLUMNS], "table.rows", "table.has_spent", "table.total")


if __name__ == "__main__":
    command_line(build, "templates/bao-cao.docx")
