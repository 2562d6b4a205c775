"""Danh sách viết trong ngoặc vuông bị dấu phẩy tách một tên thành hai phần tử.

    Trong YAML, danh sách viết gọn trên một dòng `[A, B, C]` tách phần tử ở mọi dấu phẩy. Tên có dấu phẩy
    («UBND các huyện, thị xã») vì thế bị tách: `[UBND tỉnh, UBND các huyện, thị xã]` là ba nơi nhận, «thị
    xã» thành một nơi nhận riêng. Một phần tử bắt đầu bằng chữ thường (không phải mã đơn vị) gần như luôn là
    phần sau của tên đứng trước nó (một phần tử nhiều chữ, bắt đầu bằng chữ thường, không phải mã). Hãy đặt tên đó trong ngoặc kép, hoặc viết mỗi phần tử một dòng «- …».

    Đúng:
        gui: [UBND tỉnh, "UBND các huyện, thị xã"]

    Sai:
        gui: [UBND tỉnh, UBND các huyện, thị xã]     # «thị xã» thành nơi nhận riêng
"""

from collections.abc import Iterator

from kehoach.model.plan import is_id
from kehoach.problems import Edit, Fix
from kehoach.source import positions
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "yaml-flow-split"
SEVERITY = Severity.WARNING
STAGE = "plan"


def _flow_lists(ctx: PlanContext) -> Iterator[tuple[tuple, list]]:
    """Each list of the file written in brackets, with its path."""
    lines = ctx.source.text.splitlines()
    stack: list[tuple[tuple, object]] = [((), ctx.source.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
            pos = ctx.source.values.get(path)
            if pos is not None and 0 < pos.line <= len(lines) and lines[pos.line - 1][pos.column - 1:].startswith("["):
                yield path, value


def _quote_both(ctx: PlanContext, path: tuple, index: int, joined: str) -> Fix | None:
    """Both plain items, written on one line as «A, b», become one quoted item «"A, b"»."""
    first, last = path + (index - 1,), path + (index,)
    if positions.scalar_style(ctx.source, first) != "" or positions.scalar_style(ctx.source, last) != "":
        return None
    start = positions.locate_exact(ctx.source, first, 0)
    item = ctx.source.data
    for part in last:
        item = item[part]
    end = positions.locate_exact(ctx.source, last, len(item) - 1)
    if start is None or end is None or start.line != end.line or start.column is None or end.column is None:
        return None
    line = ctx.source.text.splitlines()[start.line - 1]
    if line[start.column - 1:end.column] != joined:
        return None  # written otherwise than «A, b» (other spaces): not exact
    quoted = '"' + joined.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Fix(f"Đặt «{joined}» trong ngoặc kép", (Edit(start.file, (start.line, start.column),
                                                         (end.line, end.column + 1), quoted),))


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, items in _flow_lists(ctx):
        if any(path[:n] in ctx.source.parts for n in range(1, len(path) + 1)):
            continue  # read from a shared file: its positions are not in this file's text
        for index in range(1, len(items)):
            item, before = items[index], items[index - 1]
            if (not isinstance(item, str) or not isinstance(before, str) or not item[:1].islower() or is_id(item)
                    or " " not in item.strip()):
                continue  # a name's second half is words («thị xã»), not a mark («a)») or an id
            joined = f"{before}, {item}"
            yield Problem(f"dấu phẩy trong [ … ] tách «{joined}» thành hai phần tử, «{item}» thành một mục riêng; nếu"
                          f" đó là một tên, hãy đặt trong ngoặc kép: \"{joined}\"", path + (index,),
                          fix=_quote_both(ctx, path, index, joined))
