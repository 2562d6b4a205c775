"""The names of Nghị định 30's layout numbers as they were before `data/profiles/nd30.yaml`: a thin facade.

Being retired: new code reads `kehoach.profiles.load("nd30")` (or the profile of the document at hand).
"""

from __future__ import annotations

from kehoach.profiles import load
from kehoach.profiles.profile import Setting as Range
from kehoach.profiles.units import TWIPS_PER_MM, TWIPS_PER_PT, Twips

_P = load("nd30")

__all__ = ["Range", "TWIPS_PER_MM", "TWIPS_PER_PT"]


def mm(value: float) -> int:
    return Twips.mm(value)


def cm(value: float) -> int:
    return Twips.cm(value)


PAGE_WIDTH = _P.page.width.value
PAGE_HEIGHT = _P.page.height.value
MARGIN_TOP = _P.page.margin_top
MARGIN_BOTTOM = _P.page.margin_bottom
MARGIN_LEFT = _P.page.margin_left
MARGIN_RIGHT = _P.page.margin_right
HEADER_DISTANCE = _P.page.header_distance.value
TEXT_WIDTH = _P.text_width
FONT = _P.font.value
NATIONAL_TITLE = _P.texts.national_title.value
MOTTO = _P.texts.motto.value
SIZE_NATIONAL_TITLE = _P.sizes.national_title
SIZE_MOTTO = _P.sizes.motto
SIZE_ORGAN = _P.sizes.organ
SIZE_NUMBER = _P.sizes.number
SIZE_PLACE_DATE = _P.sizes.place_date
SIZE_DOC_TYPE = _P.sizes.doc_type
SIZE_SUMMARY = _P.sizes.summary
SIZE_BODY = _P.sizes.body
SIZE_SIGNER = _P.sizes.signer
SIZE_RECIPIENTS_LABEL = _P.sizes.recipients_label
SIZE_RECIPIENTS = _P.sizes.recipients
SIZE_PAGE_NUMBER = _P.sizes.page_number
SIZE_DRAFT_MARK = _P.sizes.draft_mark.value
DRAFT_BOX_WIDTH = _P.header_table.draft_box_width.value
FIRST_LINE_INDENT = _P.body.first_line_indent
PARAGRAPH_SPACING_MIN = _P.body.paragraph_spacing_min.value
SPACE_BEFORE = _P.body.space_before.value
LINE_SPACING = _P.body.line_spacing
HEADER_TABLE_INDENT = _P.header_table.indent.value
HEADER_LEFT_COLUMN, HEADER_RIGHT_COLUMN = _P.header_columns
CLOSING_LEFT_COLUMN, CLOSING_RIGHT_COLUMN = _P.closing_columns
CLOSING_TABLE_SPACE = _P.closing_table.space_above.value
CELL_MARGIN = _P.tables.cell_margin.value
RULE_UNDER_MOTTO = _P.rules.under_motto.value
RULE_SHORT = _P.rules.short
RULE_WEIGHT = _P.rules.weight.value
RULE_STYLES = _P.rule_styles
SIGNATURE_SPACE_PT = _P.closing_table.signature_space.value.in_pt
APPENDIX_PAGE_WIDTH, APPENDIX_PAGE_HEIGHT = _P.appendix_page
APPENDIX_TEXT_WIDTH = _P.appendix_text_width
APPENDIX_FIRST_PAGE = _P.appendix.first_page.value
SIZE_APPENDIX_LABEL = _P.sizes.appendix_label
SIZE_APPENDIX_TITLE = _P.sizes.appendix_title
SIZE_APPENDIX_REFERENCE = _P.sizes.appendix_reference
SIZE_TABLE = _P.sizes.table.value
TABLE_BORDER_WEIGHT = _P.tables.border_weight.value
TABLE_CELL_SPACE = _P.tables.cell_space.value
APPENDIX_COLUMNS = _P.appendix_columns
SIZE_FOOTNOTE = _P.sizes.footnote
