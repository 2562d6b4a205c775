"""Where a character inside a text value stands in the file, for the text rules' exact line:column."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kehoach.errors import Location
from kehoach.load import _BREAK, NodePath
from kehoach.rules.base import PlanContext


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    # Split on the same line breaks as the loader, so that line numbers agree with its positions.
    return _BREAK.split(text)


def _value_at(data: Any, path: NodePath) -> Any:
    for part in path:
        data = data[part]
    return data


def locate(ctx: PlanContext, path: NodePath, offset: int) -> Location:
    """The location of character `offset` of the text value at `path`.

    Exact when the scalar is written on one line exactly as it is stored (plain, or quoted without
    escapes); otherwise (block scalars, text folded over several lines, escapes) the value's start,
    because the stored text no longer maps character for character onto the file.
    """
    start = ctx.source.values.get(tuple(path))
    text = _value_at(ctx.source.data, path)
    fallback = ctx.where(path)
    lines = _lines(ctx.source.text)
    if start is None or not isinstance(text, str) or start.line > len(lines):
        return fallback
    line = lines[start.line - 1]
    first = start.column - 1
    opener = line[first : first + 1]
    if opener in ("'", '"'):
        body = first + 1
        if line[body : body + len(text)] != text or line[body + len(text) : body + len(text) + 1] != opener:
            return fallback
    elif opener in ("|", ">") or line[first : first + len(text)] != text:
        return fallback
    else:
        body = first
    return Location(ctx.source.source, start.line, body + offset + 1)
