"""Building blocks of kehoach's Word templates: named paragraph styles, tagged paragraphs, tables.

Shared by every template builder (the Kế hoạch in `template_builder`, its Phụ lục in `template_appendix`,
and the templates of other document types), so that each builder only says what goes where.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from kehoach import profiles
from kehoach.profiles import Profile, Setting
from kehoach.render.oxml.paragraphs import add_page_field, set_rfonts
from kehoach.render.package import save_deterministic
from kehoach.render.oxml.tables import (
    cant_split, repeat_as_header, set_table_borders_none, set_table_borders_single, set_table_cell_margins,
    set_table_indent,
)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


@dataclass(frozen=True)
class Style:
    """A paragraph style of a template: its id (what code looks for) and its look."""

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
    underline: bool = False

    @classmethod
    def of(cls, style_id: str, name: str, setting: Setting, **layout) -> Style:
        """A style whose size and look (bold, italic, underline) are those a profile gives an element."""
        return cls(style_id, name, setting.value, bold=setting.bold is True, italic=setting.italic is True,
                   underline=setting.underline is True, **layout)


def set_defaults(document, profile: Profile) -> None:
    """The profile's font and body size for everything that has no style of its own (ND30 Phụ lục I, I.4)."""
    font = profile.font.value
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_rfonts(rpr_default, font)
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(slot), font)
    # The built-in styles carry theme colours (blue headings); text is black (ND30 Phụ lục I, I.4).
    for colour in list(styles.iter(qn("w:color"))):
        colour.getparent().remove(colour)
    normal = document.styles["Normal"]
    normal.font.size = Pt(profile.sizes.body.value)
    normal.font.name = font
    set_rfonts(normal.element.get_or_add_rPr(), font)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def add_style(document, spec: Style, font: str):
    """Add `spec` as a paragraph style based on Normal, in `font`; return the python-docx style."""
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    look = style.font
    look.name = font
    set_rfonts(style.element.get_or_add_rPr(), font)
    look.size = Pt(spec.size)
    look.bold = spec.bold
    look.italic = spec.italic
    if spec.underline:
        look.underline = True
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
    return style


def para(container, style: str, text: str = ""):
    """A paragraph of `style` (its name) holding `text`, at the end of `container`."""
    paragraph = container.add_paragraph(text)
    paragraph.style = style
    return paragraph


def loop(container, style: str, name: str) -> None:
    """Three paragraphs printing each `text` of the context list `name` in `style`."""
    para(container, style, f"{{%p for text in {name} %}}")
    para(container, style, "{{ text }}")
    para(container, style, "{%p endfor %}")


def fixed_table(document, profile: Profile, rows: int, widths: list[int], indent: int = 0, top: int = 0):
    """A table of fixed column widths with empty cells (no paragraph), the profile's cell margins."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    set_table_borders_none(table)
    set_table_indent(table, indent)
    margin = profile.tables.cell_margin.value
    set_table_cell_margins(table, margin, margin, top)
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


def add_page_number_header(section, style) -> None:
    """Page numbers centred at the top of the section from its second page (ND30 Phụ lục I, I.7)."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = style
    add_page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = style


def loop_table(document, profile: Profile, columns, widths, rows: str, total_if: str, total: str):
    """A bordered table of the context list `rows`: a header row repeated on every page it runs onto, one row
    per item, and a «Tổng cộng» row, printed when `total_if` holds, with `total` in its last cell.

    `columns`: (header, the item's key, the paragraph style of its cells) for each column. Each loop tag stands
    in a row of its own, which docxtpl removes; the styles are the «KH Bảng - …» ones of `template_appendix`.
    """
    table = fixed_table(document, profile, 7, list(widths))
    set_table_borders_single(table, profile.tables.border_weight.value)
    header, loop_start, item, loop_end, total_start, total_row, total_end = table.rows
    for cell, (title, _, _) in zip(header.cells, columns):
        para(cell, "KH Bảng - tiêu đề", title)
    header._tr.get_or_add_trPr().append(repeat_as_header())
    for cell, (_, key, style) in zip(item.cells, columns):
        para(cell, style, f"{{{{ row.{key} }}}}")
    for row, tag in ((loop_start, f"{{%tr for row in {rows} %}}"), (loop_end, "{%tr endfor %}"),
                     (total_start, f"{{%tr if {total_if} %}}"), (total_end, "{%tr endif %}")):
        for index, cell in enumerate(row.cells):  # the tag in the widest cell, where a clerk can read it
            para(cell, "KH Bảng - chữ", tag if index == 1 else "")
    for cell in total_row.cells[:-1]:
        para(cell, "KH Bảng - tiêu đề")  # python-docx merges cells that hold a paragraph
    label = total_row.cells[0].merge(total_row.cells[-2])
    label.width = Twips(sum(widths[:-1]))
    label.paragraphs[0].text = "Tổng cộng"
    para(total_row.cells[-1], "KH Bảng - tổng", f"{{{{ {total} }}}}")
    for row in (header, item, total_row):
        row._tr.get_or_add_trPr().append(cant_split())
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def command_line(build, default: str) -> None:
    """`python -m tools.templates.<kind> [FILE] [PROFILE]`: write a template (to `default` without FILE) in the
    layout PROFILE (nd30 without it) and exit."""
    argv = sys.argv[1:]
    target = Path(argv[0]) if argv else Path(default)
    build(target, profiles.load(argv[1]) if len(argv) > 1 else profiles.load())
    print(target)
    sys.exit(0)


#: The relationship of Word 2010's second copy of the styles (stylesWithEffects.xml), which python-docx's default
#: template carries: Word 2013 and later and LibreOffice read styles.xml alone.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def save_template(document, path: Path) -> None:
    """Save a template as kehoach ships it: only what a render reads (`slim`), the same bytes on every build."""
    slim(document)
    save_deterministic(document, path)


def slim(document) -> None:
    """Drop what python-docx's default template carries and no kehoach document uses: about a hundred table
    styles (Light Shading, Medium Grid …: 300 KB of styles.xml that every render parsed, wrote and compressed
    again) and stylesWithEffects.xml (440 KB). A render opens and saves the slim template in a third of the time
    (bench/RESULTS.md). Every paragraph and character style stays, and every table style a part names."""
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            del document.part.rels[r_id]
    styles = document.styles.element
    used: set[str] = set()
    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)  # the XML parts; pictures and the like have none
        if element is not None and element is not styles:
            used.update(element.xpath(".//w:tblStyle/@w:val"))
    for style in styles.findall(qn("w:style")):
        if (style.get(qn("w:type")) == "table" and style.get(qn("w:default")) not in ("1", "true")
                and style.get(qn("w:styleId")) not in used):
            styles.remove(style)
