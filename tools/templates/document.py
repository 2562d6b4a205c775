"""Build the generic template `templates/van-ban.docx`, shared by every kind whose data names it (data/kinds/).

    python -m tools.templates.document templates/van-ban.docx

One template holds every part a kind may have, each printed only when the composed context has it
(kehoach.render.compose): the kind line (none for a Công văn, whose «V/v …» stands under the number,
Phụ lục I, II.5.b), «Kính gửi» (ô 9a), the issuing authority and «QUYẾT ĐỊNH:» with the articles of a
decision (Mẫu 1.2, 1.3), the body, the closing table, and the document a decision issues: after a page
break, its header, kind line and summary, «(Ban hành kèm theo Quyết định số …)», and its body. The styles
are the «KH …» ones of the plan's template, so a clerk who adjusts one finds it in every template.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Twips

from kehoach.profiles import Profile
from kehoach.render.measure import text_width
from tools.templates import decision, report
from tools.templates.parts import (CENTER, Style, add_style, command_line, fixed_table, loop, para,
                                   save_template)
from tools.templates.plan import ND30, blocks, closing_table, header_table, new_document, page_setup


def styles(profile: Profile) -> list[Style]:
    """The generic template's own styles in the layout `profile`."""
    sizes = profile.sizes
    return [
        # Phụ lục I, II.5.b: a Công văn's summary «V/v …» under the number, cỡ 12–13, đứng, canh giữa.
        Style("KHTrichYeuCongVan", "KH Trích yếu công văn", sizes.number.value, align=CENTER, before=60),
        # The attached document starts on a new page (a paragraph of its own: a table cannot carry the break).
        Style("KHNgatTrang", "KH Ngắt trang", 1, align=CENTER),
        # «(Ban hành kèm theo Quyết định số … ngày … của …)» under the attached document's summary: nghiêng.
        Style("KHBanHanhKemTheo", "KH Ban hành kèm theo", sizes.summary.value, italic=True, align=CENTER,
              keep_with_next=True),
    ]


STYLES = styles(ND30)


def build(path: Path, profile: Profile = ND30) -> None:
    """Write the generic template in the layout `profile` to `path`."""
    document = new_document(profile)
    for spec in [*decision.styles(profile), *report.styles(profile), *styles(profile)]:
        add_style(document, spec, profile.font.value)
    number = document.styles.add_style(decision.ARTICLE_NUMBER_STYLE, WD_STYLE_TYPE.CHARACTER)
    number.style_id = "KHSoDieu"
    number.font.bold = True
    hang = text_width("Kính gửi", profile.sizes.body.value)
    several = document.styles["KH Kính gửi - nhiều nơi"].paragraph_format
    several.left_indent = Twips(report._ADDRESSEE_LEFT + hang)
    several.first_line_indent = Twips(-hang)
    document.styles["KH Ngắt trang"].paragraph_format.page_break_before = True
    page_setup(document, profile)
    header_table(document, profile)
    _summary_under_number(document)
    _title_block(document)
    report._addressee(document)
    para(document, "KH Thẩm quyền ban hành", "{%p if authority %}")
    para(document, "KH Thẩm quyền ban hành", "{{ authority }}")
    para(document, "KH Thẩm quyền ban hành", "{%p endif %}")
    loop(document, "KH Căn cứ", "bases")
    para(document, "KH Quyết định:", "{%p if decide %}")
    para(document, "KH Quyết định:", "{{ decide }}")
    para(document, "KH Quyết định:", "{%p endif %}")
    loop(document, "KH Nội dung", "opening")
    blocks(document, "body")
    _articles(document)
    loop(document, "KH Đoạn kết", "closing")
    closing_table(document, profile)
    _attached(document, profile)
    core = document.core_properties
    core.author = "kehoach"
    core.title = f"Mẫu văn bản hành chính theo {profile.name}"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_template(document, path)


def _summary_under_number(document) -> None:
    """«V/v …» in the header's left cell, under «Số: …» (a Công văn)."""
    cell = document.tables[-1].rows[1].cells[0]
    loop(cell, "KH Trích yếu công văn", "summary_under_number")


def _title_block(document) -> None:
    """Ô 5a: the kind line and the summary with its short rule, when the kind has them."""
    para(document, "KH Tên loại", "{%p if doc_type %}")
    para(document, "KH Tên loại", "{{ doc_type }}")
    para(document, "KH Tên loại", "{%p endif %}")
    para(document, "KH Trích yếu", "{%p if summary_lines %}")
    loop(document, "KH Trích yếu", "summary_lines")
    para(document, "KH Đường kẻ ngắn")
    para(document, "KH Trích yếu", "{%p endif %}")


def _articles(document) -> None:
    para(document, "KH Điều", "{%p for article in articles %}")
    article = para(document, "KH Điều")
    article.add_run("{{ article.label }}", style=decision.ARTICLE_NUMBER_STYLE)
    article.add_run(" {{ article.text }}")
    para(document, "KH Điều", "{%p endfor %}")


def _attached(document, profile: Profile) -> None:
    """The document a decision issues, as ND30 Phụ lục III draws it («Mẫu văn bản được ban hành, phê duyệt kèm
    theo quyết định»): a new page; the organ's header with the Quốc hiệu (or the Party's title and «*»), without
    number, place or date; the kind line, the summary, «(… kèm theo Quyết định số … ngày … tháng … năm … của …)»
    and a short rule; the body. No Nơi nhận and no signature of its own: the decision carries them."""
    para(document, "KH Ngắt trang", "{%p if attached %}")
    para(document, "KH Ngắt trang")
    table = fixed_table(document, profile, 1, list(profile.header_columns), profile.header_table.indent.value)
    organ, national = table.rows[0].cells
    para(organ, "KH Cơ quan chủ quản", "{%p if attached.organ.parent %}")
    para(organ, "KH Cơ quan chủ quản", "{{ attached.organ.parent }}")
    para(organ, "KH Cơ quan chủ quản", "{%p endif %}")
    loop(organ, "KH Tên cơ quan", "attached.organ.lines")
    if profile.is_party:  # HD 36: «*» under the organ, as on the first page
        para(organ, "KH Dấu sao", profile.texts.organ_mark.value)
    else:
        para(organ, "KH Đường kẻ ngắn")
    for style, text in (("KH Quốc hiệu", profile.texts.national_title), ("KH Tiêu ngữ", profile.texts.motto),
                        ("KH Tên Đảng", profile.texts.party_title)):
        if text is not None:
            para(national, style, text.value)
    para(national, "KH Đường kẻ dài")
    para(document, "KH Tên loại", "{{ attached.doc_type }}")
    loop(document, "KH Trích yếu", "attached.summary_lines")
    para(document, "KH Ban hành kèm theo", "{{ attached.issued_with }}")
    para(document, "KH Đường kẻ ngắn")
    loop(document, "KH Nội dung", "attached.opening")
    blocks(document, "attached.body")
    loop(document, "KH Đoạn kết", "attached.closing")
    para(document, "KH Đoạn kết", "{%p endif %}")


if __name__ == "__main__":
    command_line(build, "templates/van-ban.docx")
