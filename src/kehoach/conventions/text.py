"""How ND30 writes dates, numbers and citations, as small pure functions."""

from __future__ import annotations

import re
from datetime import date

#: Điểm letters follow the Vietnamese alphabet (ND30 Phụ lục I, II.6.đ: "chữ cái tiếng Việt"): no f, j, w, z.
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def day_str(value: int) -> str:
    """Days below 10 take a leading zero (ND30 Phụ lục I, II.4.b)."""
    return f"{value:02d}"


def month_str(value: int) -> str:
    """Only January and February take a leading zero (ND30 Phụ lục I, II.4.b): 01, 02, 3, …, 12."""
    return f"{value:02d}" if value <= 2 else str(value)


def short_date(value: date) -> str:
    """18/01/2022, 30/6/2022: the form used when citing a document, with the same zero rule."""
    return f"{day_str(value.day)}/{month_str(value.month)}/{value.year}"


def long_date(value: date) -> str:
    """ngày 05 tháng 7 năm 2024.

    The words «ngày … tháng … năm …» are the decree's form of a date (Phụ lục I, II.4.b), not a wording of kehoach's:
    they are not a sentence of the kinds' data (data/kinds/_chung.yaml) that a document could reword. What a clerk
    chooses is figures or words per citation (`kieu_ngay`), and the zero rule is the decree's too."""
    return f"ngày {day_str(value.day)} tháng {month_str(value.month)} năm {value.year}"


def doc_number(number: str) -> str:
    """Numbers below 10 take a leading zero (ND30 Phụ lục I, II.3.c): 5 → 05."""
    return number.zfill(2)


def roman(value: int) -> str:
    out = []
    for size, letters in _ROMAN:
        count, value = divmod(value, size)
        out.append(letters * count)
    return "".join(out)


def point_letter(index: int) -> str:
    """a, b, …, đ, …; after y, aa, ab (no plan needs 24 points, but numbering must never fail)."""
    base = len(_POINT_LETTERS)
    if index < base:
        return _POINT_LETTERS[index]
    return point_letter(index // base - 1) + _POINT_LETTERS[index % base]


def end_with(text: str, mark: str) -> str:
    """`text` ending with exactly `mark`, whatever end punctuation it had (bases end ";" or ".")."""
    return text.rstrip().rstrip(";.,:").rstrip() + mark


#: A footnote in a clerk's text: `[^Nội dung chú thích]` stands where its number will be printed (the notes
#: themselves are made by kehoach.render.footnotes).
NOTE = re.compile(r"\[\^\s*([^\[\]]+?)\s*\]")


def strip_notes(text: str) -> str:
    """`text` without its notes (where a text is printed twice, its notes belong to one place only)."""
    return NOTE.sub("", text)


def join_units(names: list[str]) -> str:
    """Several units on one line are separated by semicolons, as in the plans themselves."""
    return "; ".join(names)


def in_capitals(text: str) -> bool:
    """True when every letter of `text` is a capital (a summary written «RÀ SOÁT HỘ NGHÈO …»)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def sentence_case(text: str) -> str:
    """«RÀ SOÁT HỘ NGHÈO» → «Rà soát hộ nghèo»: the shape a fix suggests (proper names are the clerk's to restore)."""
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


#: The last line of «Nơi nhận» (ND30 Phụ lục I, II.9.b): «- Lưu: VT, <viết tắt đơn vị soạn thảo>.».
ARCHIVE_LINE = re.compile(r"- Lưu: VT, .+\.")
#: A Party document keeps its copy at the committee's office: «- Lưu Văn phòng Đảng ủy.» (HD 36, II.1.9; the exact
#: form is still to confirm), so any «- Lưu …» line ending with a full stop is accepted there.
PARTY_ARCHIVE_LINE = re.compile(r"- Lưu:? .+\.")


def archive_line_problem(line: str, law: str = "Nghị định 30", party: bool = False) -> str | None:
    """What is wrong with the shape of the «- Lưu: …» line, or None; the same words for the data check
    (archive-line) and the Word check (docx-archive-line)."""
    if (PARTY_ARCHIVE_LINE if party else ARCHIVE_LINE).fullmatch(line.strip()):
        return None
    shape = "«- Lưu <nơi lưu>.», ví dụ «- Lưu Văn phòng Đảng ủy.»" if party else (
        "«- Lưu: VT, <viết tắt đơn vị soạn thảo>.»")
    return f"{law} quy định dòng lưu viết {shape}, kết thúc bằng dấu chấm"
