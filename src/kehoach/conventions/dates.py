"""Dates as a document prints them, read back and judged by the zero rule of Decree 30 (Phụ lục I, II.4.b).

kehoach writes every date itself (kehoach.conventions.text). A date kept as the original printed it (`ngay_ghi`,
to reproduce an issued document word for word) is read here, so that the model can refuse one that is not the
date of `ngay` and the checks (of the data and of the .docx alike) can report what the decree forbids in it.
"""

from __future__ import annotations

import re
from datetime import date

_FIGURES = re.compile(r"^\s*(?P<d>\d[\d ]*?)\s*/\s*(?P<m>\d[\d ]*?)\s*/\s*(?P<y>\d[\d ]*\d)\s*$")
_WORDS = re.compile(r"^\s*(?:ngày\s+)?(?P<d>\d[\d ]*?)\s+tháng\s+(?P<m>\d[\d ]*?)\s+năm\s+(?P<y>\d[\d ]*\d)\s*$",
                    re.IGNORECASE)


def _match(text: str) -> re.Match | None:
    return _FIGURES.match(text) or _WORDS.match(text)


def read(text: str) -> date | None:
    """The date a printed date means («27/05/2016», «16/7/20 21», «19 tháng 06 năm 2015»), or None."""
    match = _match(text)
    if match is None:
        return None
    try:
        return date(*(int(match[g].replace(" ", "")) for g in ("y", "m", "d")))
    except ValueError:
        return None


def zero_problems(day: str, month: str) -> list[tuple[str, str]]:
    """(group, message) for each part of a day and month written against the zero rule."""
    found = []
    if len(day) == 1:
        found.append(("d", f"ngày {day} thiếu số 0: ngày dưới 10 viết «0{day}»"))
    number = int(month)
    if number <= 2 and month != f"0{number}":
        found.append(("m", f"tháng {month} thiếu số 0: tháng 1, 2 viết «0{number}»"))
    elif number >= 3 and month != str(number):
        found.append(("m", f"tháng {month} thừa số 0: tháng 3 đến 12 viết «{number}»"))
    return found


def _right(group: str, digits: str) -> str:
    number = int(digits)
    return f"{number:02d}" if group == "d" or number <= 2 else str(number)


def written_problems(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, message, replacement) for each thing the decree forbids in a printed date: the zero rule,
    stray spaces; the replacement is what the span should read (None: no exact correction)."""
    match = _match(text)
    if match is None:
        return [(0, len(text), f"không đọc được ngày «{text.strip()}»; hãy viết dạng 27/9/2022 hoặc 27 tháng 9 năm"
                               " 2022", None)]
    found = []
    for group in ("d", "m", "y"):
        if " " in match[group]:
            digits = match[group].replace(" ", "")
            found.append((match.start(group), match.end(group), f"«{match[group]}» có dấu cách thừa giữa các chữ"
                          f" số; hãy viết «{digits}»", digits if group == "y" else _right(group, digits)))
    day, month = match["d"].replace(" ", ""), match["m"].replace(" ", "")
    for group, message in zero_problems(day, month):
        if " " not in match[group]:
            found.append((match.start(group), match.end(group), message, _right(group, match[group])))
        else:
            found.append((match.start(group), match.end(group), message, None))
    return sorted(found)
