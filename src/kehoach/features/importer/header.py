"""The two-column parts of a document: the header above the title, «Nơi nhận» beside the signature.

Clerks lay both out either as a borderless table (left cell, right cell) or as plain paragraphs with the
right column pushed over by tabs; both come here as a left column and a right column of lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kehoach.conventions import doctypes
from kehoach.features.importer.reading import Block, Para, Table

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RULE = re.compile(r"^[-_–—=.*\s]*$")  # a line drawn with dashes under the organ or the motto
_RULE = RULE
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S+)$")
#: The Party's form (Hướng dẫn 36-HD/VPTW): «Số 12-KH/ĐU», no colon, the number joined by a hyphen.
_PARTY_NUMBER = re.compile(r"^Số\s*(?P<number>\d*)\s*-\s*(?P<symbol>[^\s/]+/\S+)$")
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})?\s*$")
#: Authority lines: «TM.», «KT.», «Q.», «TL.», «TUQ.» (ND30); «T/M», «K/T», «T/L» (the Party's, Hướng dẫn 36).
_AUTHORITY = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\.|T/M|K/T|T/L|T/U)\s+\S")
_PARENT_HEADS = ("UBND ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "BỘ ", "TỈNH ỦY", "HUYỆN ỦY", "THÀNH ỦY", "ĐẢNG ỦY",
                 "ĐẢNG BỘ ")
_CHILD_HEADS = ("SỞ ", "PHÒNG ", "BAN ", "TRUNG TÂM ", "CHI CỤC ", "VĂN PHÒNG ", "CỤC ", "VỤ ", "TỔNG CỤC ",
                "THANH TRA ", "ĐÀI ", "TRƯỜNG ", "BỆNH VIỆN ", "KHO BẠC ", "CÔNG AN ", "ĐẢNG ỦY ", "CHI BỘ ",
                "HUYỆN ỦY ", "TỈNH ỦY ", "THÀNH ỦY ")


@dataclass
class Columns:
    left: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)


def columns(blocks: list[Block]) -> Columns:
    """The left and right columns of a table or of tab-separated paragraphs."""
    out = Columns()
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                if row:
                    out.left += _lines(row[0])
                if len(row) > 1:
                    out.right += _lines([p for cell in row[1:] for p in cell])
            continue
        for line in block.text.split("\n"):
            parts = [p.strip() for p in re.split(r"\t+", line)]
            left, right = (parts[0], " ".join(p for p in parts[1:] if p)) if len(parts) > 1 else (parts[0], "")
            if len(parts) == 1 and block.align in ("right", "center") and _right_side(left):
                left, right = "", left
            out.left.append(Para(left, bold=block.bold))
            out.right.append(Para(right, bold=block.bold))
    out.left = [p for p in out.left if p.flat and not _RULE.match(p.flat)]
    out.right = [p for p in out.right if p.flat and not _RULE.match(p.flat)]
    return out


def _right_side(text: str) -> bool:
    return text.startswith((NATIONAL_TITLE, MOTTO, PARTY_TITLE)) or bool(_PLACE_DATE.match(text)) or bool(_AUTHORITY.match(text))


def _lines(paras: list[Para]) -> list[Para]:
    return [Para(line, p.align, p.bold) for p in paras for line in p.lines]


@dataclass
class Header:
    organ_lines: list[str]
    parent: str | None
    parent_guessed: bool
    number: str | None
    symbol: str | None
    place: str | None
    date: date | None
    year: int | None
    leftover: list[str]  # lines of the header that are none of these
    subject: list[str] = field(default_factory=list)  # «V/v …» under the number (Công văn), line by line
    number_line: str | None = None  # the lines as written, to compare with what kehoach prints
    date_line: str | None = None
    party: bool = False  # «ĐẢNG CỘNG SẢN VIỆT NAM» instead of the national title: the Party's layout


def header(cols: Columns) -> Header:
    organ, parent, guessed, number, symbol, leftover = [], None, False, None, None, []
    number_line = date_line = None
    subject: list[str] = []
    bold_seen = any(p.bold for p in cols.left)
    for para in cols.left:
        text = para.flat
        if m := _NUMBER.match(text) or _PARTY_NUMBER.match(text):
            number, symbol, number_line = m.group("number") or None, m.group("symbol"), text
        elif number is None and symbol is None:
            organ.append(para)
        elif text.startswith("V/v") or subject:
            subject.append(text)  # a Công văn's summary, under its number
        else:
            leftover.append(text)
    if len(organ) >= 2 and bold_seen and not organ[0].bold and all(p.bold for p in organ[1:]):
        parent, organ = organ[0].flat, organ[1:]  # ND30: the parent organ in capitals, not bold
    elif len(organ) >= 2 and organ[0].flat.startswith(_PARENT_HEADS) and organ[1].flat.startswith(_CHILD_HEADS):
        parent, organ, guessed = organ[0].flat, organ[1:], True
    place = when = year = None
    party = False
    for para in cols.right:
        text = para.flat
        if text.upper() in (NATIONAL_TITLE, PARTY_TITLE):
            party = party or text.upper() == PARTY_TITLE
            continue
        if re.sub(r"\s*[-–—]\s*", " - ", text) == MOTTO:
            if text != MOTTO:
                leftover.append(text)  # another dash: kehoach prints the motto as ND30 writes it
            continue
        if m := _PLACE_DATE.match(text):
            date_line = text
            place = m.group("place").strip()
            year = int(m.group("y")) if m.group("y") else None
            if m.group("d") and m.group("m") and year:
                try:
                    when = date(year, int(m.group("m")), int(m.group("d")))
                except ValueError:
                    leftover.append(text)
        else:
            leftover.append(text)
    return Header([p.flat for p in organ], parent, guessed, number, symbol, place, when, year, leftover, subject,
                  number_line, date_line, party)


def kind_of(para: Para) -> str | None:
    """The document type when `para` is the type line of the title («KẾ HOẠCH»), else None."""
    found = doctypes.find(para.flat) if para.flat.isupper() else None
    return found.name if found else None


@dataclass
class Closing:
    recipients: list[str]
    archive: list[str] | None  # None: no «Lưu: VT, …» line in kehoach's form
    archive_as_written: str | None  # what a «Lưu» line of another shape names («VTVP.UBND tỉnh»: luu_ghi)
    authority: list[str]
    position: str | None
    name: str | None
    leftover: list[str]


def closing(cols: Columns) -> Closing:
    """«Nơi nhận» (left) and the signature (right)."""
    recipients, archive, archive_as_written, leftover = [], None, None, []
    archive_line = _archive_line()
    for para in cols.left:
        text = para.flat
        if text.rstrip(":").strip().casefold() == "nơi nhận":
            continue
        item = text.lstrip("-–+• ").strip()
        if m := archive_line.match(item):
            parts = [p.strip() for p in m.group("noi_luu").split(",") if p.strip()]
            if parts and parts[0] == "VT":
                archive = parts[1:]
            else:
                archive_as_written = m.group("noi_luu")
            continue
        if text.startswith(("-", "–", "+", "•")):
            recipients.append(item.rstrip(";.,").strip())
        else:
            leftover.append(text)
    authority, rest = [], []
    for para in cols.right:
        text = para.flat
        if _AUTHORITY.match(text) and not rest:
            authority.append(text)
        else:
            rest.append(text)
    position = rest[0] if rest else None
    name = rest[-1] if len(rest) > 1 else None
    leftover += rest[1:-1]
    return Closing(recipients, archive, archive_as_written, authority, position, name, leftover)


def _archive_line() -> re.Pattern:
    """The «Lưu» line, «Lưu: <places>» after its dash, read as the kinds' sentence «dong-luu» words it."""
    from kehoach.features.importer.kinds import sentence_pattern
    from kehoach.kinds import catalog

    return re.compile(rf"^{sentence_pattern(catalog.shared_sentences()['dong-luu'], {'noi_luu': '.*?'})}\.?$")
