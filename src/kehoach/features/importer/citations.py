"""A citation as printed («Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về việc …») → its parts.

A citation is taken as structure only when kehoach prints it back exactly as it was written
(kehoach.render.context.citation); otherwise the caller keeps the words as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from kehoach.conventions import doctypes

#: «25/2018/NQ- HĐND»: a stray space is kept as written; «số số 03/CT-UBND»: a repeated «số» too (kehoach check
#: reports it as citation-number-word, with its fix).
_NUMBER = r"(?P<number>(?:số )?\d[\w.]*(?:[/-] ?[\w.&Đđ]+)+)"
#: «16/7/20 21»: a stray space inside the year is kept as written (ngay_ghi) and reported by kehoach check.
_SHORT_DATE = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2} ?\d{2})(?!\d)"
_LONG_DATE = r"(?P<ld>\d{1,2}) tháng (?P<lm>\d{1,2}) năm (?P<ly>\d{4})(?!\d)"
_AFTER_NUMBER = re.compile(rf"^số:?\s+{_NUMBER}\s*,?\s*(?:ngày\s+(?:{_SHORT_DATE}|{_LONG_DATE}))?\s*,?\s*(?P<rest>.*)$", re.S)
_LAW_DATE = re.compile(rf"\s+ngày\s+{_LONG_DATE}$")
#: Issuers named by level and place: «UBND huyện Mường Ảng», «Tỉnh ủy Sóc Trăng», «Đảng ủy xã Cát Văn».
_LOCAL = ("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "HĐND", "Hội đồng nhân dân", "Ban Thường vụ", "Ban Chấp hành",
          "Thường trực", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ",
          "Đảng bộ")
_LEVELS = ("tỉnh", "huyện", "xã", "thành phố", "thị xã", "quận", "phường", "thị trấn")
#: Words that open a title after the issuer: «về việc», «hướng dẫn», «phê duyệt» …
_OPENERS = ("về", "V/v", "hướng dẫn", "Hướng dẫn", "phê duyệt", "ban hành", "quy định", "sửa đổi", "triển khai", "thực hiện",
            "truyền thông", "giao", "kiện toàn", "thành lập", "tổ chức", "phân bổ", "công bố", "bổ sung",
            "tăng cường", "đẩy mạnh", "chỉ đạo", "tiếp tục", "nâng cao", "phát triển", "xây dựng", "quản lý", "rà soát")
_OPENER = re.compile(r"\s(?:" + "|".join(re.escape(o) for o in _OPENERS) + r")(?=[\s,:])")
#: Issuers whose name is settled by their first words (the opener rule then is no guess).
_KNOWN = ("Thủ tướng", "Chính phủ", "Quốc hội", "Bộ ", "Bộ trưởng", "Ủy ban Thường vụ Quốc hội", "Ban Bí thư",
          "Bộ Chính trị", "Ban Chấp hành Trung ương", "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân")


@dataclass
class Cited:
    """The parts of one cited document, and how it was written: the date as printed, in words or figures."""

    type: str
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    title: str | None = None
    guessed: bool = False
    date_text: str | None = None  # the date as printed, without «ngày»
    date_words: bool = False  # «18 tháng 01 năm 2022» rather than «18/01/2022»
    passed_by: str | None = None  # a law «được Quốc hội thông qua ngày …»
    year: int | None = None  # a law cited by its year: «Bộ luật Lao động năm 2012»

    def key(self) -> tuple:
        """What makes two citations the same document: type and number, or type and title for a law."""
        return (self.type.casefold(), self.number or (self.title or "").casefold())


@cache
def _types() -> list[str]:
    return sorted(doctypes.names(), key=len, reverse=True)


def doc_type_at(text: str) -> tuple[str, str] | None:
    """(type name as the text writes it, the rest) when `text` starts with a document type of the table (in any
    case: «quyết định» is kept as written, and kehoach check says it takes a capital)."""
    for name in _types():
        if text[: len(name)].casefold() == name.casefold() and (len(text) == len(name) or not text[len(name)].isalnum()):
            return text[: len(name)], text[len(name):].lstrip()
    return None


_NAMED_TAIL = (
    re.compile(rf"\s+được (?P<by>.+?) thông qua ngày (?P<when>{_SHORT_DATE}|{_LONG_DATE})$"),
    re.compile(rf"\s+ngày (?P<when>{_SHORT_DATE}|{_LONG_DATE})$"),
    re.compile(r"\s+năm (?P<year>\d{4})$"),
)


def parse(text: str) -> Cited | None:
    """The cited document `text` names (without its lead word and end mark), or None."""
    found = doc_type_at(text)
    if found is None:
        return None
    doc_type, rest = found
    if m := _AFTER_NUMBER.match(rest):
        after = m.group("rest")
        if re.match(r"ngày\s*\d", after):  # «ngày 30/6/20222»: a date kehoach cannot read is no title
            return None
        if after.casefold().startswith(doc_type.casefold() + " của "):  # «… Nghị quyết của Ban chấp hành …»
            after = after[len(doc_type) + 1:]  # the repeated type stays in the citation's pattern (mau)
        issuer, title, guessed = _issuer_title(after)
        cited = Cited(doc_type, m.group("number"), _date(m), issuer, title or None, guessed)
        _written(cited, m)
        return cited
    if doc_type.casefold() in ("luật", "bộ luật", "pháp lệnh") and rest:  # «Bộ Luật Lao động năm 2012»
        for pattern in _NAMED_TAIL:
            if m := pattern.search(rest):
                cited = Cited(doc_type, None, None, None, rest[: m.start()].strip() or None)
                if "year" in m.groupdict():
                    cited.year = int(m.group("year"))
                    return cited
                if "by" in m.groupdict():
                    cited.passed_by = m.group("by")
                cited.date = _date(m)
                _written(cited, m)
                return cited if cited.date else None
        return Cited(doc_type, None, None, None, rest.strip())
    return None


def _written(cited: Cited, m: re.Match) -> None:
    if m.group("d"):
        cited.date_text = f"{m.group('d')}/{m.group('m')}/{m.group('y')}"
    elif m.group("ld"):
        cited.date_text, cited.date_words = f"{m.group('ld')} tháng {m.group('lm')} năm {m.group('ly')}", True


def _date(m: re.Match) -> date | None:
    if m.group("d"):
        return _make_date(m.group("d"), m.group("m"), m.group("y"))
    if m.group("ld"):
        return _make_date(m.group("ld"), m.group("lm"), m.group("ly"))
    return None


def _make_date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year.replace(" ", "")), int(month), int(day))
    except ValueError:
        return None


def _issuer_title(rest: str) -> tuple[str | None, str, bool]:
    rest = rest.strip()
    if not rest.startswith("của "):
        return None, rest, False
    after = rest[4:]
    if after.casefold().startswith(tuple(p.casefold() for p in _LOCAL)):
        end = _local_issuer_end(after)
        return after[:end].strip().rstrip(","), after[end:].strip().lstrip(",").strip(), False
    opener = _OPENER.search(after)
    if opener is None:
        return after.strip().rstrip(",") or None, "", False
    issuer = after[: opener.start()].strip().rstrip(",")
    guessed = not issuer.startswith(_KNOWN)
    return issuer or None, after[opener.start():].strip(), guessed


def _local_issuer_end(text: str) -> int:
    """Where a local organ's name ends: its kind («UBND», «Ban Thường vụ Tỉnh ủy»), its level («huyện») and the
    place's capitalised words («Mường Ảng»); the first word in lower case after the place opens the title."""
    position, moved = 0, True
    while moved:  # «Ban Thường vụ» + «Tỉnh ủy», «Thường trực» + «HĐND»
        moved = False
        rest = text[position:].lstrip()
        for prefix in sorted(_LOCAL, key=len, reverse=True):
            if rest.casefold().startswith(prefix.casefold()) and (len(rest) == len(prefix) or rest[len(prefix)] == " "):
                position = len(text) - len(rest) + len(prefix)
                moved = True
                break
    rest = text[position:].lstrip()
    for level in sorted(_LEVELS, key=len, reverse=True):
        if rest.startswith(level + " "):
            position = len(text) - len(rest) + len(level)
            break
    end = position
    for match in re.finditer(r"\S+", text[position:]):
        if not match.group()[:1].isupper():
            break
        end = position + match.end()
    else:
        end = len(text)
    if term := re.match(r"\s+khóa [IVXLC]+\b", text[end:]):  # «HĐND huyện khóa XX»: the body's term
        end += term.end()
    return end


def split_list(text: str) -> list[str]:
    """The citations of a paragraph that lists several, separated by «;» («Căn cứ Nghị định …; Quyết định …»)."""
    names = "|".join(re.escape(name) for name in _types())
    return [piece.strip() for piece in re.split(rf";\s+(?=(?:{names})\s)", text) if piece.strip()]


def runs_on(text: str) -> bool:
    """True when a sentence follows the citation («… hộ nghèo. Sở Lao động … hướng dẫn như sau»)."""
    return first_sentence(text) != text


def first_sentence(text: str) -> str:
    match = re.search(r"\.\s+(?=[A-ZĐÀ-Ỹ])", text)
    return text[: match.start()] if match else text


def pattern_of(text: str, values: dict[str, str]) -> str | None:
    """The citation pattern (kehoach's `mau`) that writes `text` from the fields' `values` («{loai} số: {so}, ngày
    {ngay} của {co_quan} {trich_yeu}»), each value found once, in order; None when one is not found."""
    pattern, position = "", 0
    for field, value in values.items():
        at = text.find(value, position)
        if at < 0:
            return None
        pattern += text[position:at].replace("{", "{{").replace("}", "}}") + "{" + field + "}"
        position = at + len(value)
    return pattern + text[position:].replace("{", "{{").replace("}", "}}")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by "-": «QĐ-TTg» → «qd-ttg», «Đinh Văn Sơn» → «dinh-van-son»."""
    text = text.replace("Đ", "D").replace("đ", "d")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def document_id(cited: Cited) -> str:
    """An id made from the citation: «90/QĐ-TTg» → qd-90-ttg, «06/2022/TT-BTTTT» → tt-06-2022-btttt, a law
    by its type and the first words of its name."""
    if cited.number:
        parts = re.split(r"[/-]", cited.number.removeprefix("số "))
        numbers = [p for p in parts if p[:1].isdigit()]
        words = [p for p in parts if not p[:1].isdigit()]
        kind = words[0] if words else cited.type
        made = slug("-".join([kind, *numbers, *words[1:]]))
    else:
        made = slug(" ".join([cited.type, *(cited.title or "").split()[:5]]))
    return made or "van-ban"
