"""The units a document names, each declared once under `don_vi`.

A plan names a unit in two ways: by its full name as the heading of its duties («Phòng Lao động - Thương
binh và Xã hội huyện») and by a shorter name in activities and «Nơi nhận» («Phòng Lao động TB&XH huyện»).
The two are matched when one is the other with words abbreviated (TB&XH = Thương binh và Xã hội, UBND = Ủy
ban nhân dân), when the heading leaves off the last words, or — a guess, said in a comment — when most of
their words agree.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from kehoach.features.importer.citations import slug

_LEVEL_WORDS = {"huyện", "tỉnh", "xã", "thị", "trấn", "phố", "quận", "phường"}
_SKIP_IN_CODE = {"và", "-", "phòng", "các", "của"}
_ID_SKIP = {"phong", "cac", "va", "cua"}  # words an id does without
_ID_LEVELS = {"huyen", "tinh", "xa", "tp"}
_LIKE = 0.75  # how alike two names must be (difflib ratio of their words) to be guessed the same unit


@dataclass
class Unit:
    id: str
    name: str  # full name: the heading of its duties
    short: str | None = None  # the name used in lists, when it differs
    code: str | None = None  # the abbreviation after «Lưu: VT,»
    note: str | None = None  # a comment for the clerk: how the names were matched
    member_of: list[str] = field(default_factory=list)  # `thuoc`: the groups the name says it is a member of

    @property
    def shown(self) -> str:
        return self.short or self.name


@dataclass
class Units:
    """The registry being built: names in lists first, then duty headings, recipients, the archive line."""

    units: list[Unit] = field(default_factory=list)
    reserved: set[str] = field(default_factory=set)  # ids taken by documents and sections
    anchored: set[str] = field(default_factory=set)  # units given duties or receiving the document

    def listed(self, name: str) -> str:
        """The id of the unit named `name` in a list (activity, recipients), declared if new."""
        for unit in self.units:
            if name in (unit.shown, unit.name) or _equivalent(name, unit.shown):
                return unit.id
        unit = Unit(self._new_id(name), name)
        self.units.append(unit)
        return unit.id

    def known(self, name: str) -> str | None:
        """The id of an already declared unit that `name` names, or None (a recipient named only there)."""
        for unit in self.units:
            if name in (unit.shown, unit.name) or _equivalent(name, unit.shown) or _equivalent(name, unit.name):
                self.anchored.add(unit.id)
                return unit.id
        return None

    def names(self, name: str) -> bool:
        """True when `name` names a unit already declared (without marking it as receiving the document)."""
        return any(name in (u.shown, u.name) or _equivalent(name, u.shown) or _equivalent(name, u.name)
                   for u in self.units)

    def loose_groups(self) -> dict[str, str]:
        """Units named only in activities as a loose group («Các cơ quan báo chí, xuất bản»): id → the name, to be
        written as text rather than declared (kehoach then does not ask for them in «Nơi nhận»)."""
        loose = {u.id: u.shown for u in self.units if u.id not in self.anchored and u.shown.startswith("Các ")}
        self.units = [u for u in self.units if u.id not in loose]
        return loose

    def heading(self, heading: str) -> tuple[str, str | None]:
        """(unit id, title if the heading is not the unit's full name) for a duty heading."""
        found = self._heading(heading)
        self.anchored.add(found[0])
        return found

    def _heading(self, heading: str) -> tuple[str, str | None]:
        for unit in self.units:
            if heading == unit.name:
                return unit.id, None
            if _equivalent(heading, unit.shown):
                if unit.short is None and heading != unit.name:
                    unit.name, unit.short = heading, unit.name
                return unit.id, None
            if unit.short is None and _cut_short(heading, unit.name):  # «… Truyền hình» for «… Truyền hình huyện»
                return unit.id, heading
        best, score = None, 0.0
        for unit in self.units:
            if unit.short is None:
                ratio = _likeness(heading, unit.name)
                if ratio > score:
                    best, score = unit, ratio
        if best is not None and score >= _LIKE:
            best.note = (f"đoán: «{heading}» (tiêu đề nhiệm vụ) và «{best.name}» (trong các hoạt động) là một đơn vị;"
                         " nếu không phải, hãy tách thành hai đơn vị")
            best.name, best.short = heading, best.name
            return best.id, None
        unit = Unit(self._new_id(heading), heading)
        self.units.append(unit)
        return unit.id, None

    def archive(self, code: str) -> str:
        """The id of the unit whose abbreviation `code` is («LĐTBXH»), with the code recorded; else the code."""
        wanted = _letters(code)
        for unit in self.units:
            if unit.code == code:
                return unit.id
            for name in (unit.name, unit.shown):
                if wanted and wanted == _initials(name, skip=_SKIP_IN_CODE):
                    unit.code = code
                    return unit.id
        return code

    def _new_id(self, name: str) -> str:
        """«Phòng Văn hoá và Thông tin huyện» → van-hoa-thong-tin: the name's words without the common ones."""
        words = [w for w in slug(name).split("-") if w and w not in _ID_SKIP] or slug(name).split("-")
        while len(words) > 2 and words[-1] in _ID_LEVELS:
            words.pop()
        return self._free("-".join(words[:4]) or "don-vi")

    def _free(self, base: str) -> str:
        made, n = base, 2
        while made in self.reserved or any(u.id == made for u in self.units):
            made, n = f"{base}-{n}", n + 1
        self.reserved.add(made)
        return made

    def memberships(self, sent: list[str]) -> list[str]:
        """`thuoc` where a name says it: «Các cơ quan thành viên BCĐ …», «Thành viên Ban Chỉ đạo …» is a member of
        the group it names, when that group is a declared unit or among the recipients `sent` (ids or names; a
        group found there is declared). Returns `sent` with such groups by id."""
        sent = list(sent)
        for unit in list(self.units):
            group = next((m.group(1) for name in (unit.name, unit.shown)
                          if (m := re.search(r"\bthành viên (.+)$", name, re.IGNORECASE))), None)
            if group is None:
                continue
            for other in self.units:
                if other is not unit and (_within(group, other.name) or _within(group, other.shown)):
                    unit.member_of.append(other.id)
                    break
            else:
                for index, name in enumerate(sent):
                    if not any(u.id == name for u in self.units) and _within(group, name):
                        sent[index] = self.listed(name)
                        self.anchored.add(sent[index])
                        unit.member_of.append(sent[index])
                        break
        return sent

    def short_ids(self) -> dict[str, str]:
        """A unit whose abbreviation the document gives («Lưu: VT, LĐTBXH») takes it as its id (ldtbxh): old id →
        new id, for the caller to rename the references."""
        renamed = {}
        for unit in self.units:
            if unit.code and (wanted := slug(unit.code)) and wanted != unit.id:
                if wanted not in self.reserved and not any(u.id == wanted for u in self.units):
                    self.reserved.add(wanted)
                    renamed[unit.id], unit.id = wanted, wanted
        return renamed


def _plain(text: str) -> str:
    """`text` without accents, «Đ» kept (it is its own letter: BCĐ)."""
    text = text.replace("đ", "\x00").replace("Đ", "\x01")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.replace("\x00", "đ").replace("\x01", "Đ")


@cache
def _letters(abbreviation: str) -> str:
    return _plain(abbreviation).upper()


@cache
def _initial(word: str) -> str:
    return "&" if word.casefold() == "và" else _plain(word[0]).upper()


def _initials(name: str, skip: set[str]) -> str:
    """The first letters of the words of `name` that an abbreviation keeps («LĐTBXH» for «Phòng Lao động -
    Thương binh và Xã hội huyện»)."""
    words = name.replace("-", " ").split()
    while len(words) > 1 and words[-1].casefold() in _LEVEL_WORDS:  # «… huyện»: the level is not in the code
        words.pop()
    return "".join(_plain(w[0]).upper() for w in words if w.casefold() not in skip)


def _is_abbreviation(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and word.upper() == word


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", text.replace(" - ", " ")) if w and w != "-"]


def _equivalent(a: str, b: str) -> bool:
    """True when `a` and `b` are the same name, words abbreviated or not (TB&XH, UBND, BCĐ, MTQG)."""
    if a == b:
        return True
    return _match(_words(a), _words(b)) or _match(_words(b), _words(a))


def _match(short: list[str], full: list[str]) -> bool:
    if not short or not full:
        return not short and not full
    head = short[0]
    if head.casefold() == full[0].casefold() and _match(short[1:], full[1:]):
        return True
    if _is_abbreviation(head):
        letters = _letters(head)
        for size in range(2, min(len(full), 8) + 1):
            if "".join(_initial(w) for w in full[:size]) == letters:
                if _match(short[1:], full[size:]):
                    return True
    return False


def _within(group: str, name: str) -> bool:
    """True when `name` names the group `group` names, with words added («BCĐ các Chương trình MTQG huyện» within
    «BCĐ thực hiện các Chương trình MTQG giai đoạn 2021-2025 huyện»), abbreviations spelled out either way."""
    wanted = [w.casefold() for w in _spell_out(_words(group), _words(name))]
    spelled = [w.casefold() for w in _spell_out(_words(name), _words(group))]
    words = iter(spelled)
    return bool(wanted) and bool(spelled) and wanted[0] == spelled[0] and all(any(w == x for x in words) for w in wanted)


def _cut_short(heading: str, name: str) -> bool:
    """True when `heading` is `name` without its last words (the level, «huyện», left off)."""
    return name.startswith(heading + " ") and len(heading) >= len(name) / 2


def _likeness(a: str, b: str) -> float:
    """How alike two names are, abbreviations spelled out where the other name spells them."""
    wa, wb = _spell_out(_words(a), _words(b)), _spell_out(_words(b), _words(a))
    return difflib.SequenceMatcher(None, [w.casefold() for w in wa], [w.casefold() for w in wb]).ratio()


def _spell_out(words: list[str], other: list[str]) -> list[str]:
    out = []
    for word in words:
        if _is_abbreviation(word):
            letters = _letters(word)
            for start in range(len(other)):
                for size in range(2, min(len(other) - start, 8) + 1):
                    run = other[start:start + size]
                    if "".join(_initial(w) for w in run) == letters:
                        out.extend(run)
                        break
                else:
                    continue
                break
            else:
                out.append(word)
        else:
            out.append(word)
    return out
