"""Dòng địa danh, ngày tháng thiếu, sai dạng, ngày không có thật, hoặc sai cỡ, kiểu chữ.

    Nghị định 30 (Phụ lục I, II.4): «<Địa danh>, ngày … tháng … năm …», viết đầy đủ bằng số Ả Rập;
    ngày dưới 10 và tháng 1, 2 ghi thêm số 0 phía trước, tháng 3 đến 12 thì không. Địa danh viết hoa chữ
    đầu, sau địa danh có dấu phẩy. Cả dòng cỡ chữ 13–14, kiểu chữ nghiêng. Bản dự thảo được để trống
    ngày, tháng (và năm) cho văn thư điền.

    Đúng:
        Mường Ảng, ngày 05 tháng 01 năm 2024
        Mường Ảng, ngày 29 tháng 6 năm 2024
        Mường Ảng, ngày      tháng      năm 2024     # bản dự thảo

    Sai:
        Mường Ảng, ngày 30 tháng 02 năm 2024         # không có ngày này
        Mường Ảng, 05/01/2024                        # phải viết đầy đủ ngày … tháng … năm …

    Quy tắc số 0 (ngày 5, tháng 03) là một cảnh báo riêng, docx-date-zero, như date-as-written ở tệp dữ liệu.
"""

import re
from collections.abc import Iterator
from datetime import date

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-date"
SEVERITY = Severity.ERROR
STAGE = "docx"

_SHAPE = re.compile(r"(?P<place>[^,]+), ngày (?:(?P<d>\d+) )?tháng (?:(?P<m>\d+) )?năm(?: (?P<y>\d{4}))?")
_EXAMPLE = "Mường Ảng, ngày 05 tháng 01 năm 2024"


def check(doc: DocxContext) -> Iterator[Problem]:
    line = doc.date
    if line is None:
        yield doc.whole(f"không tìm thấy dòng địa danh, ngày tháng (ví dụ «{_EXAMPLE}») dưới Quốc hiệu; {doc.law} "
                        "quy định dòng này cùng hàng với dòng «Số:»")
        return
    match = _SHAPE.fullmatch(line.clean)
    if match is None:
        yield doc.at(line, f"không đúng dạng «<Địa danh>, ngày … tháng … năm …»; {doc.law} quy định viết đầy đủ, "
                           f"ví dụ «{_EXAMPLE}»")
    else:
        yield from _values(doc, line, match)
    problem = looks(doc, line, "địa danh, ngày tháng", doc.profile.sizes.place_date)
    if problem is not None:
        yield problem


def _values(doc: DocxContext, line, match: re.Match) -> Iterator[Problem]:
    place, day, month, year = match["place"], match["d"], match["m"], match["y"]
    if not place[0].isupper():
        yield doc.at(line, f"địa danh «{place}» chưa viết hoa chữ đầu; {doc.law} quy định viết hoa tên địa danh")
    if day is not None and month is not None and year is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            yield doc.at(line, f"ngày {day} tháng {month} năm {year} không có thật; hãy sửa lại ngày ban hành")
