"""Where a character inside a text value stands in the file, for the text rules' exact line:column."""

from __future__ import annotations

from kehoach.source import positions
from kehoach.problems import Location
from kehoach.source.load import NodePath
from kehoach.rules.base import PlanContext


def locate(ctx: PlanContext, path: NodePath, offset: int) -> Location:
    """The location of character `offset` of the text value at `path` (see kehoach.source.positions)."""
    return positions.locate(ctx.source, path, offset)


def raw(ctx: PlanContext, path: NodePath) -> object:
    """The value at `path` as the clerk wrote it in the YAML (before the model read it), or None."""
    value: object = ctx.source.data
    for part in path:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return None
    return value


def law(ctx: PlanContext) -> str:
    """The text the document's layout comes from, as a message names it: «Nghị định 30», «Hướng dẫn 36»."""
    from kehoach import profiles

    return profiles.text(ctx.plan.layout_id, "cite")
