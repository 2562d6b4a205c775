"""Số văn bản đã được dùng cho một văn bản khác cùng cơ quan, cùng loại, cùng năm trong thư mục.

    Nghị định 30 (Điều 15): số văn bản được đăng ký tại văn thư của cơ quan, bắt đầu từ số 01 ngày 01 tháng
    01 và kết thúc ngày 31 tháng 12 mỗi năm; số và ký hiệu của một văn bản là duy nhất trong năm.
    Trùng số thường do sao chép tệp kế hoạch cũ làm kế hoạch mới mà quên sửa so. kehoach so với các tệp kế
    hoạch khác trong cùng thư mục (cùng cơ quan ban hành, cùng loại văn bản, cùng năm của ngay).

    Đúng:
        # ke-hoach-12.yaml                 # ke-hoach-15.yaml
        so: 12                             so: 15
        ngay: 14/3/2025                    ngay: 02/4/2025

    Sai:
        # ke-hoach-12.yaml                 # ke-hoach-moi.yaml (sao chép, quên sửa số)
        so: 12                             so: 12
        ngay: 14/3/2025                    ngay: 02/4/2025
"""

import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from kehoach.errors import KehoachError
from kehoach.model.plan import Plan
from kehoach.source.plan_file import read_plan
from kehoach.source.reading import read_input
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "register-number-used"
SEVERITY = Severity.ERROR
STAGE = "plan"

_SUFFIXES = (".yaml", ".yml")


class _Numbered(NamedTuple):
    """A plan file of the folder that holds a number: where its number is, and what makes it unique."""

    name: str
    line: int | None
    key: tuple


#: folder -> (the state of its plan files when listed, each file's number as its `so:` line says, each file's
#: state). One listing serves every plan of the folder checked in the same run; any change makes a new one.
_LISTINGS: dict[Path, tuple[tuple, dict[str, int | None], dict[str, tuple]]] = {}
#: While a command renders many plans at once (`held_listings`): the folders already listed in this run.
_HELD: set[Path] | None = None
#: (folder, file name, its state) -> the register entry of that plan (None: a draft or not a plan).
_ENTRIES: dict[tuple, _Numbered | None] = {}
#: A top-level `so: 185` line; files without one (or with an odd one) are read in full, to be safe.
_NUMBER_LINE = re.compile(rb"^so:[ \t]*[\"']?0*([0-9]{1,9})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _register_key(plan: Plan) -> tuple | None:
    """Organ, type, year and number: one register entry. None for a draft."""
    if plan.number is None or plan.date is None:
        return None
    organ = (_norm(plan.organ.abbreviation), tuple(_norm(line) for line in plan.organ.name_lines))
    return organ, plan.doc_type.name, plan.date.year, int(plan.number)


@contextmanager
def held_listings() -> Iterator[None]:
    """List each folder once for a whole command (`kehoach render FOLDER/`), not once per plan checked.

    Without it every plan of a 500-plan folder would look at the 499 others' state: 250,000 stat calls. The folder
    is then judged as it was when the command first looked at it, as a register is read once for a day's work.
    """
    global _HELD
    held, _HELD = _HELD, set() if _HELD is None else _HELD
    try:
        yield
    finally:
        _HELD = held


def _listing(folder: Path) -> tuple[dict[str, int | None], dict[str, tuple]]:
    """Each plan file's number, found by a glance at its `so:` line, and each file's state."""
    if _HELD is not None and folder in _HELD:
        return _LISTINGS[folder][1:]
    try:  # run for every plan checked: os.scandir knows which entries are files without asking the system
        with os.scandir(folder) as entries:
            files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(_SUFFIXES)
                           and not e.name.startswith(".") and e.is_file())
    except OSError:  # the folder or a file went away while looking: nothing to compare with
        return {}, {}
    states = {name: (st.st_ino, st.st_mtime_ns, st.st_size) for name, st in files}
    state = tuple(sorted(states.items()))
    cached = _LISTINGS.get(folder)
    if cached is None or cached[0] != state:
        numbers: dict[str, int | None] = {}
        for name, st in files:
            try:  # the guarded read: a file swapped for a FIFO or a device since the listing cannot block
                head = read_input(folder / name, "plan")
            except KehoachError:  # not a plan kehoach would read (too large, unreadable): its own check says so
                continue
            found = _NUMBER_LINE.findall(head)
            numbers[name] = int(found[0]) if len(found) == 1 else None
        cached = _LISTINGS[folder] = (state, numbers, states)
    if _HELD is not None:
        _HELD.add(folder)
    return cached[1], states


def _entry(folder: Path, name: str, state: tuple) -> _Numbered | None:
    """The register entry of one plan file, read in full once per state of the file."""
    key = (folder, name, state)
    if key not in _ENTRIES:
        try:
            loaded = read_plan(folder / name)
            entry = _register_key(loaded.plan)
            _ENTRIES[key] = _Numbered(name, loaded.source.where(("so",)).line, entry) if entry else None
        except KehoachError:  # not a plan (or a broken one): its own check reports it
            _ENTRIES[key] = None
    return _ENTRIES[key]


def _same_number(folder: Path, number: int, own: str) -> Iterator[_Numbered]:
    """The other plans of the folder that carry `number`: only they are read in full."""
    numbers, states = _listing(folder)
    for name, found in numbers.items():
        if name != own and found in (number, None):
            entry = _entry(folder, name, states[name])
            if entry is not None:
                yield entry


def check(ctx: PlanContext) -> Iterator[Problem]:
    key = _register_key(ctx.plan)
    if ctx.path is None or key is None:
        return
    for other in _same_number(ctx.path.parent.resolve(), key[3], ctx.path.name):
        if other.key == key:
            # Written only for a finding: the symbol needs the layout profile, which a clean check never loads.
            number = ctx.plan.number_and_symbol
            yield Problem(f"số {number} năm {key[2]} đã dùng cho văn bản ở tệp {other.name} (dòng {other.line}); "
                          "hãy lấy số tiếp theo trong sổ đăng ký văn bản", ("so",))
