"""Ngày tháng viết trong lời văn sai quy tắc số 0 (ngày dưới 10, tháng 1 và 2 có số 0; tháng 3–12 không).

    Nghị định 30 (Phụ lục I, II.4.b): ngày dưới 10 và tháng 1, tháng 2 viết thêm số 0 ở trước; tháng 3 đến
    tháng 12 không thêm. Cùng quy tắc dùng cho ngày tháng viết gọn (05/3/2024, 18/01/2022) và viết đủ
    (ngày 05 tháng 3 năm 2024, tháng 01 năm 2024) trong lời văn: đoạn văn, ý gạch đầu dòng, tiêu đề, trích
    yếu, căn cứ viết tự do. Các khóa ngay: không bị kiểm tra ở đây: kehoach tự đọc và in đúng các ngày đó.

    Đúng:
        gach: Tổ chức hội nghị ngày 05/3/2024 và tổng kết ngày 05 tháng 01 năm 2025.

    Sai:
        gach: Tổ chức hội nghị ngày 5/03/2024 và tổng kết ngày 5 tháng 1 năm 2025.
"""

import re
import unicodedata
from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "text-date-format"
SEVERITY = Severity.ERROR
STAGE = "plan"

# The words as typed precomposed or decomposed (text-nfc reports the latter; the date is still checked).
_DAY, _MONTH, _YEAR = "ng(?:à|a\u0300)y", "th(?:á|a\u0301)ng", "n(?:ă|a\u0306)m"
# 18/1/2022; not a symbol such as 06/2022/TT-BTTTT (day and month, then four digits, nothing after a /).
_SHORT = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])")
# ngày 5 tháng 3 năm 2024, ngày 5 tháng 3, tháng 1 năm 2024 (a month alone needs its year: «2 tháng 1 lần»).
_LONG = re.compile(rf"(?:\b{_DAY}\s+(?P<d>\d{{1,2}})\s+)?\b{_MONTH}\s+(?P<m>\d{{1,2}})(?!\d)"
                   rf"(?:\s+{_YEAR}\s+(?P<y>\d{{4}})(?!\d))?", re.IGNORECASE)
_RULE = "Nghị định 30: ngày dưới 10 và tháng 1, 2 viết thêm số 0 ở trước, tháng 3 đến 12 thì không"


def _right(group: str, number: int) -> str:
    return f"{number:02d}" if group == "d" or number <= 2 else str(number)


def _problem(match: re.Match) -> str | None:
    """The date written as the rule wants, when it is a date and is written otherwise."""
    if match.group("d") is None and match.group("y") is None:
        return None
    written = {g: match.group(g) for g in ("d", "m") if match.group(g) is not None}
    numbers = {g: int(v) for g, v in written.items()}
    if not 1 <= numbers["m"] <= 12 or not 1 <= numbers.get("d", 1) <= 31:
        return None  # not a date: «tháng 13», «35/2/2024»
    if all(_right(g, numbers[g]) == v for g, v in written.items()):
        return None
    text, start = match.group(), match.start()
    for g in sorted(written, key=match.start, reverse=True):  # right to left keeps the earlier spans valid
        text = text[: match.start(g) - start] + _right(g, numbers[g]) + text[match.end(g) - start :]
    return unicodedata.normalize("NFC", text)


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        if path and path[-1] in ("ngay", "ngay_ghi"):
            continue  # a date field, printed by kehoach itself; a date as written is date-as-written's
        for pattern in (_SHORT, _LONG):
            for match in pattern.finditer(text):
                fixed = _problem(match)
                if fixed is not None:
                    shown = unicodedata.normalize("NFC", match.group())
                    yield Problem(f"ngày tháng «{shown}» sai quy tắc số 0; hãy viết «{fixed}» ({_RULE})",
                                  location=locate(ctx, path, match.start()),
                                  fix=replace(ctx.source, path, match.start(), match.end(), fixed,
                                              f"Viết «{fixed}»"))
