"""Where a character inside a text value stands in the file, for the text rules' exact line:column."""

from __future__ import annotations

from kehoach.source import positions
from kehoach.errors import Location
from kehoach.source.load import NodePath
from kehoach.rules.base import PlanContext


def locate(ctx: PlanContext, path: NodePath, offset: int) -> Location:
    """The location of character `offset` of the text value at `path` (see kehoach.source.positions)."""
    return positions.locate(ctx.source, path, offset)
