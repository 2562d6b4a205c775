"""`kehoach info --format xlsx`: the plans of a folder as the register of outgoing documents a văn thư keeps.

The columns are those of the register of outgoing documents (sổ đăng ký văn bản đi): number and symbol,
date, type, summary, signer, recipients, who keeps the file copy, page count, and a remark; then the issuing
organ and the plan file, which a folder of several organs' plans needs. Rows run in the order of issue
(kehoach.features.info.folder_info). Dates are Excel dates (sortable, shown
dd/mm/yyyy); the header row is frozen, filterable and repeated on every printed page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from kehoach.features.info import PlanInfo

#: (heading, width in characters): the register's columns.
COLUMNS = (
    ("STT", 5),
    ("Số, ký hiệu văn bản", 16),
    ("Ngày, tháng văn bản", 12),
    ("Tên loại văn bản", 12),
    ("Trích yếu nội dung văn bản", 50),
    ("Người ký", 18),
    ("Chức vụ người ký", 16),
    ("Nơi nhận văn bản", 36),
    ("Đơn vị, người nhận bản lưu", 16),
    ("Số trang", 7),
    ("Ghi chú", 24),
    ("Cơ quan ban hành", 28),
    ("Tệp kế hoạch", 24),
)
DATE_FORMAT = "dd/mm/yyyy"
SHEET = "Sổ văn bản đi"
_WRAPPED = {"Trích yếu nội dung văn bản", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Ghi chú",
            "Cơ quan ban hành"}


def row(index: int, path: Path, info: PlanInfo) -> list:
    remark = []
    if info.date is None:
        remark.append("Dự thảo" + (f", dự kiến năm {info.year}" if info.year else ""))
    if info.pages is None and info.pages_missing:
        remark.append(f"Số trang {info.pages_missing}")
    return [index, info.number_symbol or "", info.date, info.type, info.summary, info.signer, info.position,
            "\n".join(info.recipients), ", ".join(info.archive), info.pages, "; ".join(remark), info.organ, str(path)]


def workbook_bytes(plans: Sequence[tuple[Path, PlanInfo]]) -> bytes:
    """The register as an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([heading for heading, _ in COLUMNS])
    for index, (path, info) in enumerate(plans, start=1):
        sheet.append(row(index, path, info))
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="D9D9D9")
    for column, (heading, width) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
        head = sheet.cell(row=1, column=column)
        head.font, head.fill = bold, grey
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(vertical="top", wrap_text=heading in _WRAPPED)
            if heading == "Ngày, tháng văn bản":
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
