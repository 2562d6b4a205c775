"""The layout numbers of Nghị định 30/2020/NĐ-CP, in one place, each with the clause it comes from.

Two kinds of number live here: the ranges the decree allows (what a checker accepts) and the value
kehoach chooses inside each range (what the default template uses). Where the decree leaves a point
open, the choice follows the decree's own templates or real issued plans, and says so.

Lengths are in twips (1/20 pt), the unit of page margins and indents in a .docx; sizes in points.
"""

from __future__ import annotations

from dataclasses import dataclass

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * TWIPS_PER_MM)


def cm(value: float) -> int:
    return mm(value * 10)


@dataclass(frozen=True)
class Range:
    """An inclusive range the decree allows, and the value kehoach uses."""

    low: float
    high: float
    chosen: float

    def __post_init__(self) -> None:
        assert self.low <= self.chosen <= self.high, self

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high


# -- Page: Phụ lục I, mục I.1 (khổ giấy), I.2 (chiều dọc), I.3 (định lề) -----------------------------
PAGE_WIDTH = 11906  # A4, 210 mm (I.1)
PAGE_HEIGHT = 16838  # A4, 297 mm (I.1)
# Chosen: the minima used by most real documents and generators (nd30.md §1 "usual values").
MARGIN_TOP = Range(mm(20), mm(25), mm(20))  # I.3: lề trên 20–25 mm
MARGIN_BOTTOM = Range(mm(20), mm(25), mm(20))  # I.3: lề dưới 20–25 mm
MARGIN_LEFT = Range(mm(30), mm(35), mm(30))  # I.3: lề trái 30–35 mm
MARGIN_RIGHT = Range(mm(15), mm(20), mm(15))  # I.3: lề phải 15–20 mm
HEADER_DISTANCE = mm(10)  # where the page number sits inside the top margin; ND30's own file: 567
TEXT_WIDTH = PAGE_WIDTH - int(MARGIN_LEFT.chosen) - int(MARGIN_RIGHT.chosen)

# -- Font: Phụ lục I, I.4 (phông chữ tiếng Việt Unicode TCVN 6909:2001, màu đen) --------------------
FONT = "Times New Roman"

# -- Fixed texts: Phụ lục I, II.1 (Quốc hiệu và Tiêu ngữ) -----------------------------------------
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # phrases joined by "-" with a space on each side (II.1.b)

# -- Sizes (pt) per element: Phụ lục I, mục II and the table of mục V -----------------------------
SIZE_NATIONAL_TITLE = Range(12, 13, 12)  # II.1.a Quốc hiệu, in hoa, đứng, đậm; 12 fits the header column
SIZE_MOTTO = Range(13, 14, 13)  # II.1.b Tiêu ngữ, đậm
SIZE_ORGAN = Range(12, 13, 13)  # II.2.b Tên cơ quan ban hành, in hoa, đứng, đậm
SIZE_NUMBER = Range(13, 13, 13)  # II.3.c Số, ký hiệu: cỡ 13 (fixed)
SIZE_PLACE_DATE = Range(13, 14, 14)  # II.4.c Địa danh, thời gian: nghiêng
SIZE_DOC_TYPE = Range(13, 14, 14)  # II.5.b Tên loại: in hoa, đứng, đậm
SIZE_SUMMARY = Range(13, 14, 14)  # II.5.b Trích yếu: in thường, đứng, đậm
SIZE_BODY = Range(13, 14, 14)  # II.6.e Nội dung
SIZE_SIGNER = Range(13, 14, 14)  # II.7.đ Quyền hạn, chức vụ, họ tên người ký: đậm
SIZE_RECIPIENTS_LABEL = Range(12, 12, 12)  # II.9.b «Nơi nhận:»: nghiêng, đậm, cỡ 12
SIZE_RECIPIENTS = Range(11, 11, 11)  # II.9.b các dòng nơi nhận: đứng, cỡ 11
SIZE_PAGE_NUMBER = Range(13, 14, 14)  # I.7 số trang
SIZE_DRAFT_MARK = 13  # not in ND30: the «DỰ THẢO» box drafts carry in practice
DRAFT_BOX_WIDTH = cm(3.2)  # the box sits at the top right, above the Quốc hiệu

# -- Body paragraphs: Phụ lục I, II.6.e ----------------------------------------------------------
FIRST_LINE_INDENT = Range(cm(1), cm(1.27), cm(1.27))  # lùi đầu dòng 1 cm hoặc 1,27 cm
PARAGRAPH_SPACING_MIN = 6 * TWIPS_PER_PT  # khoảng cách giữa các đoạn tối thiểu 6 pt
SPACE_BEFORE = 6 * TWIPS_PER_PT  # chosen: the minimum, as in ND30's own files
LINE_SPACING = Range(240, 360, 240)  # cách dòng từ đơn (240) đến 1,5 dòng (360); ND30's files: single

# -- Header and closing tables: not sized by ND30 (diagram of mục IV); practice of Mẫu 1.4 ---------
# The header table is pulled into the left margin like the decree's templates, so that the Quốc hiệu
# (the longest line) fits its column on one line.
HEADER_TABLE_INDENT = -cm(0.5)
HEADER_LEFT_COLUMN = cm(6.5)  # organ name, Số: about 40 %
HEADER_RIGHT_COLUMN = TEXT_WIDTH - HEADER_TABLE_INDENT - HEADER_LEFT_COLUMN + cm(0.25)
CLOSING_LEFT_COLUMN = cm(7.5)  # Nơi nhận: wide enough that most recipients fit on one line
CLOSING_RIGHT_COLUMN = TEXT_WIDTH - CLOSING_LEFT_COLUMN
CLOSING_TABLE_SPACE = 12 * TWIPS_PER_PT  # between the closing paragraph and Nơi nhận / the signer
CELL_MARGIN = 85  # the decree's templates: 0.15 cm left and right inside each cell

# -- The short rules (II.1.b, II.2.b, II.5.b) -------------------------------------------------------
RULE_UNDER_MOTTO = 1.0  # "độ dài bằng độ dài của dòng chữ" (II.1.b)
RULE_SHORT = Range(1 / 3, 1 / 2, 0.4)  # "từ 1/3 đến 1/2 độ dài của dòng chữ" (II.2.b, II.5.b)
RULE_WEIGHT = 6  # eighths of a point: a 0.75 pt solid line
#: The template styles that draw a rule, and the fraction of the line above each one's length.
RULE_STYLES = {"KHDuongKeNgan": RULE_SHORT.chosen, "KHDuongKeDai": RULE_UNDER_MOTTO}

# -- Signature space: ND30 gives none; practice is 3 to 5 empty lines (nd30.md §4) ----------------
SIGNATURE_SPACE_PT = 72  # about four 14 pt lines, room for signature and seal

# -- Appendices: Phụ lục I, Phần I, III.1 ----------------------------------------------------------------
# A Phụ lục goes in its own section of the same file: landscape, because its table is wide. I.2 allows
# landscape for a text's own tables; for a Phụ lục kehoach follows the decree's own Phụ lục I file, whose
# big table is a landscape section [MẪU]. The margins of I.3 apply to every page, so each edge keeps its
# range (the binding edge stays on the left of the printed page).
APPENDIX_PAGE_WIDTH = PAGE_HEIGHT  # A4 turned: 297 mm wide
APPENDIX_PAGE_HEIGHT = PAGE_WIDTH  # 210 mm high
APPENDIX_TEXT_WIDTH = APPENDIX_PAGE_WIDTH - int(MARGIN_LEFT.chosen) - int(MARGIN_RIGHT.chosen)
APPENDIX_FIRST_PAGE = 1  # III.1.đ: số trang của Phụ lục được đánh riêng theo từng Phụ lục
SIZE_APPENDIX_LABEL = Range(14, 14, 14)  # III.1.b «Phụ lục»: in thường, cỡ 14, đứng, đậm
SIZE_APPENDIX_TITLE = Range(13, 14, 14)  # III.1.b tên Phụ lục: in hoa, 13–14, đứng, đậm
SIZE_APPENDIX_REFERENCE = Range(13, 14, 14)  # III.1.c «(Kèm theo … số … ngày … của …)»: in thường, nghiêng
# The task table: ND30 sets no size for tables; real plans' appendix tables use 12–13 pt [PRACTICE].
SIZE_TABLE = 12
TABLE_BORDER_WEIGHT = 4  # eighths of a point: a 0.5 pt single line, as in Word's "Table Grid"
TABLE_CELL_SPACE = 2 * TWIPS_PER_PT  # above and below the text of each cell
# STT, Nội dung, Đơn vị chủ trì, thực hiện, phối hợp, Thời gian, Kinh phí; Nội dung takes what is left.
APPENDIX_COLUMNS_FIXED = (cm(1.25), None, cm(3.5), cm(3.5), cm(3.5), cm(2.6), cm(3.2))
APPENDIX_COLUMNS = tuple(
    width if width is not None else APPENDIX_TEXT_WIDTH - sum(w for w in APPENDIX_COLUMNS_FIXED if w)
    for width in APPENDIX_COLUMNS_FIXED
)

# -- Footnotes: not regulated by ND30; practice in issued documents is Times New Roman 10–12 ------------
SIZE_FOOTNOTE = Range(10, 12, 12)  # 12: still legible next to 14 pt text
