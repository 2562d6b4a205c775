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

from kehoach.profiles import Profile
from kehoach.profiles.units import Twips as Length
from kehoach.render.measure import text_width
from tools.templates.plan import (
    ND30,
    blocks,
    closing_table,
    header_table,
    new_document,
    page_setup,
    title_block,
)
from tools.templates.parts import (CENTER, LEFT, Style, add_style, command_line, loop, loop_table, para,
                                   save_template)

def styles(profile: Profile) -> list[Style]:
    """The report's own styles in the layout `profile`."""
    size = profile.sizes.body.value  # II.9.d: «Kính gửi» in thường, cỡ 13–14, đứng
    before = profile.body.space_before.value
    return [
        Style("KHKinhGui", "KH Kính gửi", size, align=CENTER, before=2 * before, after=before),
        Style("KHKinhGuiNhieuNoi", "KH Kính gửi - nhiều nơi", size, align=LEFT, before=2 * before, after=before),
        # «Bằng chữ: …» under the table is part of the text (II.6.e): indented and justified like it, italic.
        Style("KHBangChuNoiDung", "KH Bằng chữ - nội dung", size, italic=True,
              first_line=profile.body.first_line_indent.value, before=before),
    ]


STYLES = styles(ND30)
#: Several addressees: the block starts 3 cm in, the dashes stand under the colon of «Kính gửi:».
_ADDRESSEE_LEFT = Length.cm(3)


def columns(profile: Profile) -> tuple:
    """The table's columns: header, the row's key in the context, the style of its cells, the width. ND30 sets
    no widths; these fit the portrait text width, Nội dung and Kết quả taking what the others leave."""
    width = profile.text_width
    fixed = Length.cm(1.25) + Length.cm(2.9) + Length.cm(2.3) + Length.cm(2.6)
    return (
        ("STT", "number", "KH Bảng - giữa", Length.cm(1.25)),
        ("Nội dung", "content", "KH Bảng - chữ", (width - fixed) // 2),
        ("Đơn vị chủ trì", "lead", "KH Bảng - chữ", Length.cm(2.9)),
        ("Kết quả", "result", "KH Bảng - chữ", width - fixed - (width - fixed) // 2),
        ("Tình trạng", "status", "KH Bảng - giữa", Length.cm(2.3)),
        ("Kinh phí đã chi (đồng)", "spent", "KH Bảng - số tiền", Length.cm(2.6)),
    )


COLUMNS = columns(ND30)


def build(path: Path, profile: Profile = ND30) -> None:
    """Write the report's template in the layout `profile` to `path`."""
    document = new_document(profile)
    for spec in styles(profile):
        add_style(document, spec, profile.font.value)
    hang = text_width("Kính gửi", profile.sizes.body.value)
    several = document.styles["KH Kính gửi - nhiều nơi"].paragraph_format
    several.left_indent = Twips(_ADDRESSEE_LEFT + hang)
    several.first_line_indent = Twips(-hang)
    page_setup(document, profile)
    header_table(document, profile)
    title_block(document)
    _addressee(document)
    loop(document, "KH Nội dung", "opening")
    blocks(document, "before_table")
    _results_table(document, profile)
    para(document, "KH Bằng chữ - nội dung", "{%p if table.has_spent %}")
    para(document, "KH Bằng chữ - nội dung", "Bằng chữ: {{ table.total_words }}")
    para(document, "KH Bằng chữ - nội dung", "{%p endif %}")
    blocks(document, "after_table")
    loop(document, "KH Đoạn kết", "closing")
    closing_table(document, profile)
    core = document.core_properties
    core.author = "kehoach"
    core.title = f"Mẫu Báo cáo kết quả thực hiện Kế hoạch theo {profile.name}"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_template(document, path)


def _addressee(document) -> None:
    """Ô 9a, printed only for a report to a superior (`kinh_gui`)."""
    para(document, "KH Kính gửi", "{%p if addressee %}")
    para(document, "KH Kính gửi", "{%p if addressee.one %}")
    para(document, "KH Kính gửi", "{{ addressee.text }}")
    para(document, "KH Kính gửi", "{%p else %}")
    para(document, "KH Kính gửi - nhiều nơi", "{{ addressee.text }}")
    para(document, "KH Kính gửi", "{%p endif %}")
    para(document, "KH Kính gửi", "{%p endif %}")


def _results_table(document, profile: Profile) -> None:
    """One row per activity of the plan, then «Tổng cộng» when some amount was spent."""
    table = columns(profile)
    loop_table(document, profile, [(title, key, style) for title, key, style, _ in table],
               [width for *_, width in table], "table.rows", "table.has_spent", "table.total")


if __name__ == "__main__":
    command_line(build, "templates/bao-cao.docx")
