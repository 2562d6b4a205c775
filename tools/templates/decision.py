"""Build the template of the Quyết định that issues a plan, `templates/quyet-dinh.docx` (ND30 Phụ lục III, Mẫu 1.3).

    python -m tools.templates.decision templates/quyet-dinh.docx

The header, title block, bases and closing table are the plan's own (`template_builder`), in the same
«KH …» styles, so that a clerk who adjusts one style finds it in every template. What is the decision's
own: the issuing authority above the bases (Mẫu 1.3, note 6: the collective body's name, or the head's
title), «QUYẾT ĐỊNH:», and the articles «Điều 1. …», whose number is set in the character style
«KH Số điều» (bold, Phụ lục I, II.6.đ) and whose text is a body paragraph (II.6.e).
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE

from kehoach.profiles import Profile
from tools.templates.plan import (
    ND30,
    closing_table,
    header_table,
    new_document,
    page_setup,
    title_block,
)
from tools.templates.parts import CENTER, Style, add_style, command_line, loop, para, save_template

def styles(profile: Profile) -> list[Style]:
    """The decision's own styles in the layout `profile`."""
    sizes = profile.sizes
    before = profile.body.space_before.value
    gap = 2 * before  # between the summary's rule and the authority, and around «QUYẾT ĐỊNH:» (Mẫu 1.3)
    return [
        Style.of("KHThamQuyenBanHanh", "KH Thẩm quyền ban hành", sizes.doc_type, align=CENTER, before=gap,
                 keep_with_next=True),  # Mẫu 1.3: in hoa, đứng, đậm, canh giữa
        Style("KHQuyetDinh", "KH Quyết định:", sizes.body.value, bold=True, align=CENTER, before=gap,
              keep_with_next=True),  # Mẫu 1.3: «QUYẾT ĐỊNH:», in hoa, đậm, canh giữa; a line of the text
        Style("KHDieu", "KH Điều", sizes.body.value, first_line=profile.body.first_line_indent.value,
              before=before),  # II.6.đ: «Điều 1.» lùi đầu dòng như đoạn nội dung
    ]


STYLES = styles(ND30)
ARTICLE_NUMBER_STYLE = "KH Số điều"  # character style: «Điều 1.» đứng, đậm (II.6.đ)


def build(path: Path, profile: Profile = ND30) -> None:
    """Write the decision's template in the layout `profile` to `path`."""
    document = new_document(profile)
    for spec in styles(profile):
        add_style(document, spec, profile.font.value)
    number = document.styles.add_style(ARTICLE_NUMBER_STYLE, WD_STYLE_TYPE.CHARACTER)
    number.style_id = "KHSoDieu"
    number.font.bold = True
    page_setup(document, profile)
    header_table(document, profile)
    title_block(document)
    para(document, "KH Thẩm quyền ban hành", "{{ authority }}")
    loop(document, "KH Căn cứ", "bases")
    para(document, "KH Quyết định:", "QUYẾT ĐỊNH:")
    para(document, "KH Điều", "{%p for article in articles %}")
    article = para(document, "KH Điều")
    article.add_run("{{ article.label }}", style=ARTICLE_NUMBER_STYLE)
    article.add_run(" {{ article.text }}")
    para(document, "KH Điều", "{%p endfor %}")
    closing_table(document, profile)
    core = document.core_properties
    core.author = "kehoach"
    core.title = f"Mẫu Quyết định ban hành Kế hoạch theo {profile.name}"
    # No Jinja delimiters here: docxtpl renders the core properties as templates too.
    core.comments = "Mẫu có thể sửa kiểu (KH …), khoảng cách, độ rộng cột; giữ nguyên các thẻ trong ngoặc nhọn."
    save_template(document, path)


if __name__ == "__main__":
    command_line(build, "templates/quyet-dinh.docx")
