"""The body of a plan: numbered parts (I., 1., a)), bullets, paragraphs, then activities and duties.

Numbers are recognised as ND30 writes them, «I.» › «1.» › «a)» (kehoach numbers by position and prints the
same); a line numbered another way stays a paragraph with its number in its text, and its part is marked
for review. A part whose lines are all «- Nội dung: …», «- Đơn vị chủ trì: …» is an activity; in the part
«Tổ chức thực hiện», a part headed by a unit's name holds that unit's duties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.conventions import money
from kehoach.conventions.text import point_letter, roman
from kehoach.render.context import (LABEL_BUDGET, LABEL_CONTENT, LABEL_COORDINATING, LABEL_IMPLEMENTING, LABEL_LEAD,
                                    LABEL_LEAD_AND_IMPLEMENTING, LABEL_PERIOD)

_HEADINGS = (
    (1, re.compile(r"^(?P<n>[IVXLC]+)\.\s+(?P<t>\S.*)$")),
    (2, re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<t>\S.*)$")),
    (3, re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>\S.*)$")),
)
_OTHER_NUMBERING = re.compile(r"^(\d+\.\d+\.?|\d+\)|[A-Z]\.|Phần thứ \S+|Điều \d+)\s")
_BULLET = re.compile(r"^[-–]\s+(?P<t>\S.*)$")
_LABELS = (LABEL_CONTENT, LABEL_LEAD_AND_IMPLEMENTING, LABEL_LEAD, LABEL_IMPLEMENTING, LABEL_COORDINATING,
           LABEL_PERIOD, LABEL_BUDGET)
_LABEL_LINE = re.compile(r"^(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r"):\s*(?P<v>.*)$")
_DUTY_PARTS = ("tổ chức thực hiện", "trách nhiệm")
_UNIT_HEADS = ("Phòng", "Sở", "Ban", "Trung tâm", "UBND", "Ủy ban", "Uỷ ban", "Các", "Công an", "Văn phòng", "Đài",
               "Hội", "Đoàn", "Huyện đoàn", "Tỉnh đoàn", "Mặt trận", "Bảo hiểm", "Chi cục", "Kho bạc", "Thanh tra",
               "Bệnh viện", "Trường", "Liên đoàn", "Cục", "Ngân hàng", "Chi nhánh", "Đề nghị", "Cơ quan", "Thủ trưởng")


@dataclass
class Text:
    text: str
    bullet: bool = False


@dataclass
class Part:
    depth: int
    number: str
    title: str
    children: list = field(default_factory=list)
    review: str | None = None
    kind: str = "muc"  # muc, hoat_dong, nhiem_vu
    fields: dict = field(default_factory=dict)  # an activity's units, content, period, budget
    id: str | None = None

    @property
    def plain_title(self) -> str:
        return self.title


@dataclass
class Body:
    parts: list[Part]
    before: list[str]  # lines before the first part (the opening)
    notes: list[str] = field(default_factory=list)


def parse(lines: list[str]) -> Body:
    """Lines of the body (no blanks) → the parts tree."""
    parts: list[Part] = []
    stack: list[Part] = []
    before: list[str] = []
    for line in lines:
        heading = _heading(line, stack)
        if heading is not None:
            depth, number, title = heading
            while stack and stack[-1].depth >= depth:
                stack.pop()
            part = Part(depth, number, title)
            expected = _expected(depth, stack[-1].children if stack else parts)
            if number != expected:
                part.review = (f"văn bản gốc đánh số «{_shown(depth, number)}», kehoach đánh số theo vị trí là"
                               f" «{_shown(depth, expected)}»; hãy kiểm tra lại")
            (stack[-1].children if stack else parts).append(part)
            stack.append(part)
            continue
        if not stack:
            before.append(line)
            continue
        if _OTHER_NUMBERING.match(line):
            stack[-1].review = stack[-1].review or (
                f"dòng «{line[:40]}» đánh số theo kiểu kehoach chưa nhận ra; kehoach giữ nguyên văn như một đoạn văn")
        bullet = _BULLET.match(line)
        stack[-1].children.append(Text(bullet.group("t"), True) if bullet else Text(line))
    return Body(parts, before)


def _heading(line: str, stack: list[Part]) -> tuple[int, str, str] | None:
    for depth, pattern in _HEADINGS:
        m = pattern.match(line)
        if m is None:
            continue
        if depth == 1 and not _roman_ok(m.group("n")):
            continue
        if depth > 1 and not any(p.depth == depth - 1 for p in stack):
            return None  # «1.» with no part open: a numbered paragraph of the opening
        return depth, m.group("n"), m.group("t")
    return None


def _roman_ok(text: str) -> bool:
    return any(roman(n) == text for n in range(1, 40))


def _expected(depth: int, siblings: list) -> str:
    index = sum(1 for s in siblings if isinstance(s, Part))
    if depth == 1:
        return roman(index + 1)
    if depth == 2:
        return str(index + 1)
    return point_letter(index)


def _shown(depth: int, number: str) -> str:
    return f"{number})" if depth == 3 else f"{number}."


def find_activities(parts: list[Part]) -> None:
    """Turn each part whose lines are all labelled activity lines into an activity."""
    for part in _all(parts):
        if part.kind != "muc" or part.depth == 1 or not part.children:
            continue
        found = {}
        for child in part.children:
            m = _LABEL_LINE.match(child.text) if isinstance(child, Text) and child.bullet else None
            if m is None or m.group("label") in found:
                break
            found[m.group("label")] = m.group("v").strip()
        else:
            if found.keys() & {LABEL_LEAD, LABEL_LEAD_AND_IMPLEMENTING, LABEL_IMPLEMENTING, LABEL_COORDINATING}:
                fields = _activity_fields(found)
                if fields is not None:
                    part.kind, part.fields, part.children = "hoat_dong", fields, []


def _activity_fields(found: dict[str, str]) -> dict | None:
    def units(value: str) -> list[str]:
        return [u.strip() for u in _no_end(value).split("; ") if u.strip()]

    fields: dict = {}
    if LABEL_CONTENT in found:
        fields["noi_dung"] = found[LABEL_CONTENT]  # as written: kehoach adds the full stop only when missing
    if LABEL_LEAD_AND_IMPLEMENTING in found:
        fields["chu_tri"] = fields["thuc_hien"] = units(found[LABEL_LEAD_AND_IMPLEMENTING])
    if LABEL_LEAD in found:
        fields["chu_tri"] = units(found[LABEL_LEAD])
    if LABEL_IMPLEMENTING in found:
        fields["thuc_hien"] = units(found[LABEL_IMPLEMENTING])
    if LABEL_COORDINATING in found:
        fields["phoi_hop"] = units(found[LABEL_COORDINATING])
    if LABEL_PERIOD in found:
        fields["thoi_gian"] = _no_end(found[LABEL_PERIOD])  # the appendix prints it without the stop
    if LABEL_BUDGET in found:
        try:
            amount = money.parse_amount(_no_end(found[LABEL_BUDGET]))
        except money.AmountError:
            return None
        if f"{money.format_amount(amount)} đồng" != _no_end(found[LABEL_BUDGET]):
            return None
        fields["kinh_phi"] = money.format_amount(amount)
    if fields.get("chu_tri") and fields.get("chu_tri") == fields.get("thuc_hien") and \
            LABEL_LEAD_AND_IMPLEMENTING not in found:
        return None  # kehoach would print one line «Đơn vị chủ trì, thực hiện»: keep the two lines as written
    if any(not value for value in fields.values()):
        return None
    return fields


def _no_end(value: str) -> str:
    """A listed value without the full stop kehoach adds when it prints the line."""
    return value.rstrip().rstrip(";.,:").rstrip() if value.endswith(".") else value


def find_duties(parts: list[Part]) -> list[Part]:
    """The parts headed by a unit's name inside «Tổ chức thực hiện»: they become duties (the caller names the unit)."""
    found = []
    for top in parts:
        if not any(word in top.title.casefold() for word in _DUTY_PARTS):
            continue
        for child in top.children:
            if isinstance(child, Part) and child.kind == "muc" and child.title.startswith(_UNIT_HEADS) \
                    and not child.title.endswith(":"):
                child.kind = "nhiem_vu"
                found.append(child)
    return found


def _all(parts: list[Part]):
    for part in parts:
        yield part
        yield from _all([c for c in part.children if isinstance(c, Part)])


def all_parts(parts: list[Part]):
    return _all(parts)
