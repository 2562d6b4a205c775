"""Địa danh ở dòng ngày tháng không phải tên đơn vị hành chính của cơ quan ban hành.

    Nghị định 30/2020/NĐ-CP (Phụ lục I, II.4.a): địa danh ghi trên văn bản là tên gọi chính thức của đơn vị
    hành chính nơi cơ quan ban hành đóng trụ sở: Ủy ban nhân dân tỉnh Tây Ninh ghi «Tây Ninh», Ủy ban nhân
    dân xã Cát Vân ghi «Cát Vân», một Sở thuộc tỉnh Hà Tĩnh ghi «Hà Tĩnh». Địa danh khác hẳn tên trong dòng
    cơ quan («Hà Nội» trên văn bản của tỉnh Tây Ninh) thường là chép từ văn bản khác mà quên sửa. Chỉ kiểm
    tra khi tên cơ quan (hoặc cơ quan chủ quản) có tên đơn vị hành chính (tỉnh, huyện, xã, …).

    Đúng:
        co_quan:
          ten: [ỦY BAN NHÂN DÂN, TỈNH TÂY NINH]
          dia_danh: Tây Ninh

    Sai:
        co_quan:
          ten: [ỦY BAN NHÂN DÂN, TỈNH TÂY NINH]
          dia_danh: Hà Nội        # văn bản của tỉnh Tây Ninh
"""

import re
from collections.abc import Iterator

from kehoach.rules._text import raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "place-organ"
SEVERITY = Severity.WARNING
STAGE = "plan"

#: An administrative unit's level, then its name, in an organ's name lines (upper case, as ô 2 writes them).
_UNIT = re.compile(r"(?<!\w)(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ(?! HỘI\b)|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(?P<name>[^,;()]+)")


def places(lines: list[str]) -> list[str]:
    """The names of the administrative units an organ's name lines mention: «TỈNH HÀ TĨNH» gives «HÀ TĨNH»."""
    found = []
    for line in lines:
        text = " ".join(line.upper().replace("UỶ", "ỦY").split())
        found += [m["name"].strip() for m in _UNIT.finditer(text)]
    return found


def _fix(ctx: PlanContext, known: list[str]):
    """Write the organ's own place, when its name gives exactly one."""
    names = list(dict.fromkeys(known))
    written = raw(ctx, ("co_quan", "dia_danh"))
    if len(names) != 1 or not isinstance(written, str):
        return None
    place = names[0].title()
    return replace(ctx.source, ("co_quan", "dia_danh"), 0, len(written), place, f"Viết «{place}»")


def check(ctx: PlanContext) -> Iterator[Problem]:
    organ = ctx.plan.organ
    lines = list(organ.name_lines) + ([organ.parent] if organ.parent else [])
    if organ.full_name:
        lines.append(organ.full_name)
    if "CẦN ĐIỀN" in organ.place.upper():
        return  # still to be filled in: todo-left says so
    known = places(lines)
    place = " ".join(organ.place.upper().split())
    if not known or any(place == name or name.endswith(" " + place) or place in name.split(" - ") for name in known):
        return
    names = ", ".join(f"«{name.title()}»" for name in dict.fromkeys(known))
    yield Problem(f"địa danh «{organ.place}» không phải tên đơn vị hành chính nơi cơ quan đóng trụ sở ({names}, theo"
                  " tên cơ quan); Nghị định 30 (Phụ lục I, II.4.a) ghi tên đơn vị hành chính đó, hãy kiểm tra lại"
                  " dia_danh", ("co_quan", "dia_danh"), fix=_fix(ctx, known))
