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
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.model import Plan
from kehoach.plan_file import read_plan
from kehoach.render.text import doc_number
from kehoach.rules.base import Finding, PlanContext, Severity

ID = "register-number-used"
SEVERITY = Severity.ERROR
STAGE = "plan"

_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class _Numbered:
    """A plan file of the folder that holds a number: where its number is, and what makes it unique."""

    name: str
    line: int | None
    key: tuple


#: folder -> (the state of its plan files when read, the numbered plans in it). One scan serves every
#: plan of the folder checked in the same run; a changed, added or removed file makes a new scan.
_SCANS: dict[Path, tuple[tuple, list[_Numbered]]] = {}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _register_key(plan: Plan) -> tuple | None:
    """Organ, type, year and number: one register entry. None for a draft."""
    if plan.number is None or plan.date is None:
        return None
    organ = (_norm(plan.organ.abbreviation), tuple(_norm(line) for line in plan.organ.name_lines))
    return organ, plan.doc_type.name, plan.date.year, int(plan.number)


def _numbered_plans(folder: Path) -> list[_Numbered]:
    try:  # run for every plan checked: os.scandir knows which entries are files without asking the system
        with os.scandir(folder) as entries:
            files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(_SUFFIXES)
                           and not e.name.startswith(".") and e.is_file())
    except OSError:  # the folder or a file went away while looking: nothing to compare with
        return []
    state = tuple((name, st.st_ino, st.st_mtime_ns, st.st_size) for name, st in files)
    cached = _SCANS.get(folder)
    if cached is not None and cached[0] == state:
        return cached[1]
    found = []
    for name, _ in files:
        try:
            loaded = read_plan(folder / name)
        except KehoachError:  # not a plan (or a broken one): its own check reports it
            continue
        key = _register_key(loaded.plan)
        if key is not None:
            found.append(_Numbered(name, loaded.source.where(("so",)).line, key))
    _SCANS[folder] = (state, found)
    return found


def check(ctx: PlanContext) -> Iterator[Finding]:
    key = _register_key(ctx.plan)
    if ctx.path is None or key is None:
        return
    number = f"{doc_number(ctx.plan.number)}/{ctx.plan.symbol}"
    for other in _numbered_plans(ctx.path.parent.resolve()):
        if other.name != ctx.path.name and other.key == key:
            yield Finding(f"số {number} năm {key[2]} đã dùng cho văn bản ở tệp {other.name} (dòng {other.line}); "
                          "hãy lấy số tiếp theo trong sổ đăng ký văn bản", ("so",))
