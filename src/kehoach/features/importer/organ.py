"""The header read (kehoach.features.importer.header) → the data: the organ with its parent line, the number and
symbol, the place and date, the layout (ND30 or the Party's); and a comment for each header line kehoach will
print otherwise than the original wrote it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kehoach.conventions.text import short_date

if TYPE_CHECKING:
    from kehoach.features.importer.recognise import Imported


def header_data(head, data: dict, out: Imported) -> None:
    """The organ, number, layout and date the header gives."""
    organ: dict = {}
    if head.parent:
        organ["chu_quan"] = head.parent
        if head.parent_guessed:
            out.comments[("co_quan", "chu_quan")] = "đoán: dòng đầu là cơ quan chủ quản; nếu không phải, đưa vào ten"
    organ["ten"] = head.organ_lines or ["CẦN ĐIỀN"]
    year, symbol, own_symbol = _symbol(head.symbol or "", data["loai"])
    pieces = re.split(r"[-/]", symbol)
    if len(pieces) < 2:
        organ["viet_tat"] = "CẦN ĐIỀN"
    else:  # «KH-UBND»: the type, then the organ; a Công văn's «UBND-LĐTBXH»: the organ, then the drafting unit
        organ["viet_tat"] = pieces[0] if own_symbol and not _abbreviation(data["loai"]) else pieces[-1]
    organ["dia_danh"] = head.place or "CẦN ĐIỀN"
    data["co_quan"] = organ
    if year:
        data["quy_pham"] = True  # a legal normative document: its number carries its year (36/2013/QĐ-UBND)
    if own_symbol:
        data["ky_hieu"] = symbol
    if head.party:
        data["the_thuc"] = "hd36"  # the Party's layout (Hướng dẫn 36-HD/VPTW), as the header shows
    if head.number:
        data["so"] = head.number
    if head.date and head.number:
        data["ngay"] = short_date(head.date)
    elif head.year:
        data["nam"] = head.year


def _abbreviation(doc_type: str) -> str:
    from kehoach.conventions import doctypes

    found = doctypes.find(doc_type)
    return found.abbreviation if found else ""


def _symbol(written: str, doc_type: str) -> tuple[str | None, str, bool]:
    """(year, symbol, True when the symbol is not «type-organ») of «2013/QĐ-UBND», «KH-UBND», «UBND-VX»."""
    year = None
    if re.match(r"^\d{4}/", written):
        year, written = written[:4], written[5:]
    abbreviation = _abbreviation(doc_type)
    # «KH-UBND» (ND30) or, for the Party, «KH/ĐU» (Hướng dẫn 36-HD/VPTW): the type, then the organ
    standard = bool(abbreviation) and written.startswith((abbreviation + "-", abbreviation + "/"))
    return year, written, not standard and "-" in written


def header_as_written(head, data: dict, out: Imported) -> None:
    """A comment with each header line kehoach will print otherwise than the original wrote it («tháng 09»,
    a number with its year, a motto with other dashes), so that nothing of the original is lost."""
    from kehoach.conventions.text import doc_number, long_date

    printed = []
    if head.number_line and head.number:
        _, symbol, _ = _symbol(head.symbol or "", data["loai"])
        expected = f"Số: {doc_number(head.number)}/{symbol}"  # a year in the number is said in the comment too
        if head.number_line != expected:
            printed.append(("so", head.number_line))
    if head.date_line and head.date and head.date_line != f"{head.place}, {long_date(head.date)}":
        written = head.date_line.split("ngày", 1)[1].strip()
        if "ngay" in data and head.date_line == f"{head.place}, ngày {written}":
            data["ngay_ghi"] = written  # printed as the original wrote it; kehoach check says what ND30 wants
        else:
            printed.append(("ngay" if "ngay" in data else "co_quan", head.date_line))
    for key, line in printed:
        out.comments[(key,)] = f"văn bản gốc ghi «{line}»; kehoach in theo Nghị định 30/2020/NĐ-CP"
    if head.leftover:
        out.comments[("co_quan",)] = "phần đầu văn bản gốc còn: " + " | ".join(f"«{line}»" for line in head.leftover)
