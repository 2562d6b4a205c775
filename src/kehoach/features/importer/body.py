"""The body of a plan: numbered parts, bullets, paragraphs, then activities and duties.

The numbering scheme is read from the document: the marks it uses among «Phần thứ nhất», «I.», «1.», «1.1.»,
«a)», from the largest level down (kehoach.conventions.numbering); the decree's «I.» › «1.» › «a)» needs no
`danh_so`. kehoach numbers by position and prints the same marks again; a number that is not the one its
position gives is kept, and its part marked for review. A line numbered another way stays a paragraph with its
number in its text. A part whose lines are all «- Nội dung: …», «- Đơn vị chủ trì: …» is an activity; in the part
«Tổ chức thực hiện», a part headed by a unit's name holds that unit's duties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kehoach.conventions import money
from kehoach.conventions import numbering
from kehoach.conventions.text import roman

_MARKS = (  # numbering style → how its headings are written (n: the number, t: the title)
    (numbering.ROMAN, re.compile(r"^(?P<n>[IVXLC]+)\.\s+(?P<t>\S.*)$")),
    (numbering.DECIMAL, re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})\.?\s+(?P<t>\S.*)$")),
    (numbering.ARABIC, re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<t>\S.*)$")),
    (numbering.LETTER, re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>\S.*)$")),
)
_PART = re.compile(r"^Phần (?P<n>thứ \S+)$")  # «Phần thứ nhất», its title on the next line
_ORDER = (numbering.PART, numbering.ROMAN, numbering.ARABIC, numbering.DECIMAL, numbering.LETTER)
_OTHER_NUMBERING = re.compile(r"^(\d+\.\d+\.\d+\.?|\d+\)|[A-Z]\.|Điều \d+)\s")
_BULLET = re.compile(r"^[-–]\s+(?P<t>\S.*)$")


@cache
def _labels() -> tuple[dict[str, str], re.Pattern]:
    """The labels of an activity's lines as the kinds' data words them (data/kinds/_chung.yaml, by field: content,
    lead, …), and the pattern of a labelled line; the longest label first («Đơn vị chủ trì, thực hiện»)."""
    from kehoach.kinds.wording import activity_labels

    labels = activity_labels()
    ordered = sorted(labels.values(), key=len, reverse=True)
    return labels, re.compile(r"^(?P<label>" + "|".join(re.escape(label) for label in ordered) + r"):\s*(?P<v>.*)$")
_DUTY_PARTS = ("tổ chức thực hiện", "trách nhiệm")
_UNIT_HEADS = ("Phòng", "Sở", "Ban", "Trung tâm", "UBND", "Ủy ban", "Uỷ ban", "Các", "Công an", "Văn phòng", "Đài",
               "Hội", "Đoàn", "Huyện đoàn", "Tỉnh đoàn", "Mặt trận", "Bảo hiểm", "Chi cục", "Kho bạc", "Thanh tra",
               "Bệnh viện", "Trường", "Liên đoàn", "Cục", "Ngân hàng", "Chi nhánh", "Đề nghị", "Cơ quan", "Thủ trưởng",
               "Công chức", "Cán bộ", "Chủ tịch", "Trưởng", "Chi hội", "Thôn", "Bản", "Tổ dân phố")


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
    scheme: tuple[str, ...] = numbering.DEFAULT  # the numbering styles, from the largest level


def scheme_of(lines: list[str]) -> tuple[str, ...]:
    """The numbering styles the lines use as headings, from the largest level down."""
    used = {numbering.PART} if any(_PART.match(line) for line in lines) else set()
    for line in lines:
        found = _style(line)
        if found:
            used.add(found[0])
    return tuple(style for style in _ORDER if style in used) or numbering.DEFAULT


def is_heading(line: str) -> bool:
    return _style(line) is not None or bool(_PART.match(line))


def _style(line: str) -> tuple[str, str, str] | None:
    """(style, number, title) of a numbered heading line."""
    for style, pattern in _MARKS:
        if m := pattern.match(line):
            if style == numbering.ROMAN and not any(roman(n) == m.group("n") for n in range(1, 40)):
                continue
            return style, m.group("n"), m.group("t")
    return None


def parse(lines: list[str]) -> Body:
    """Lines of the body (no blanks) → the parts tree, numbered by the document's own scheme."""
    scheme = scheme_of(lines)
    parts: list[Part] = []
    stack: list[Part] = []
    before: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        heading = _heading(line, stack, scheme)
        if heading is None and (m := _PART.match(line)) and index < len(lines):
            heading, index = (1, m.group("n"), lines[index]), index + 1  # the title is the next line
        if heading is not None:
            depth, number, title = heading
            while stack and stack[-1].depth >= depth:
                stack.pop()
            part = Part(depth, number, title)
            siblings = stack[-1].children if stack else parts
            style = scheme[depth - 1]
            expected = numbering.number(style, sum(isinstance(s, Part) for s in siblings),
                                        stack[-1].number if stack else None)
            if number != expected:
                part.review = (f"văn bản gốc đánh số «{number}», kehoach đánh số theo vị trí là «{expected}»;"
                               " hãy kiểm tra lại")
            siblings.append(part)
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
    return Body(parts, before, scheme)


def _heading(line: str, stack: list[Part], scheme: tuple[str, ...]) -> tuple[int, str, str] | None:
    found = _style(line)
    if found is None or found[0] not in scheme:
        return None
    style, number, title = found
    depth = scheme.index(style) + 1
    if depth > 1 and not any(p.depth == depth - 1 for p in stack):
        return None  # «1.» with no part open: a numbered paragraph of the opening
    return depth, number, title


def find_activities(parts: list[Part]) -> None:
    """Turn each part whose lines are all labelled activity lines into an activity."""
    for part in _all(parts):
        if part.kind != "muc" or part.depth == 1 or not part.children:
            continue
        labels, line = _labels()
        field_of = {label: name for name, label in labels.items()}
        found = {}
        for child in part.children:
            m = line.match(child.text) if isinstance(child, Text) and child.bullet else None
            if m is None or field_of[m.group("label")] in found:
                break
            found[field_of[m.group("label")]] = m.group("v").strip()
        else:
            if found.keys() & {"lead", "lead_and_implementing", "implementing", "coordinating"}:
                fields = _activity_fields(found)
                if fields is not None:
                    part.kind, part.fields, part.children = "hoat_dong", fields, []


def _activity_fields(found: dict[str, str]) -> dict | None:
    """An activity's data from its labelled lines (`found`: field → the value written after its label)."""
    def units(value: str) -> list[str]:
        return [u.strip() for u in _no_end(value).split("; ") if u.strip()]

    fields: dict = {}
    if "content" in found:
        fields["noi_dung"] = found["content"]  # as written: kehoach adds the full stop only when missing
    if "lead_and_implementing" in found:
        fields["chu_tri"] = fields["thuc_hien"] = units(found["lead_and_implementing"])
    if "lead" in found:
        fields["chu_tri"] = units(found["lead"])
    if "implementing" in found:
        fields["thuc_hien"] = units(found["implementing"])
    if "coordinating" in found:
        fields["phoi_hop"] = units(found["coordinating"])
    if "period" in found:
        fields["thoi_gian"] = _no_end(found["period"])  # the appendix prints it without the stop
    if "budget" in found:
        try:
            amount = money.parse_amount(_no_end(found["budget"]))
        except money.AmountError:
            return None
        if money.with_currency(amount) != _no_end(found["budget"]):
            return None
        fields["kinh_phi"] = money.format_amount(amount)
    if fields.get("chu_tri") and fields.get("chu_tri") == fields.get("thuc_hien") and \
            "lead_and_implementing" not in found:
        return None  # kehoach would print one line «Đơn vị chủ trì, thực hiện»: keep the two lines as written
    if any(not value for value in fields.values()):
        return None
    return fields


def _no_end(value: str) -> str:
    """A listed value without the full stop kehoach adds when it prints the line."""
    return value.rstrip().rstrip(";.,:").rstrip() if value.endswith(".") else value


def find_duties(parts: list[Part], is_unit=lambda name: False) -> list[Part]:
    """The parts headed by a unit's name inside «Tổ chức thực hiện»: they become duties (the caller names the unit).
    A heading names a unit when it starts as units' names do («Phòng», «Sở», «UBND» …) or when `is_unit` says
    it names a unit the activities already named."""
    found = []
    for top in _all(parts):
        if not any(word in top.title.casefold() for word in _DUTY_PARTS):
            continue
        for child in top.children:
            if isinstance(child, Part) and child.kind == "muc" and not child.title.endswith(":") \
                    and (child.title.startswith(_UNIT_HEADS) or is_unit(child.title)):
                child.kind = "nhiem_vu"
                found.append(child)
    return found


def _all(parts: list[Part]):
    for part in parts:
        yield part
        yield from _all([c for c in part.children if isinstance(c, Part)])


def all_parts(parts: list[Part]):
    return _all(parts)
