"""The plan's body in document order, with the numbers ND30 gives each level (I., 1., a)).

Numbers are never stored in the data: they come from position, so inserting a section renumbers
everything after it, and references by id (`[[id]]`) follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from kehoach.model.plan import Activity, Bullet, Duty, Plan, Section
from kehoach.conventions import numbering
from kehoach.conventions.text import point_letter, roman

#: I. (mục), 1. (khoản), a) (điểm): the scheme "phần, mục, khoản, điểm" of ND30 Phụ lục I, V(b).
MAX_DEPTH = 3

Path = tuple[str | int, ...]
Numbered = Section | Activity | Duty


class Node(NamedTuple):
    """One block of the body: where it stands in the YAML, how deep, and its number if it has one."""

    path: Path
    depth: int
    number: str | None
    block: Section | Activity | Duty | Bullet | str
    style: str | None = None  # the numbering style of its level («I.», «1.1.», …), for a numbered block


def number_at(depth: int, index: int) -> str:
    """The number of the index-th (0-based) numbered block at `depth`: III, 2 or b."""
    if depth == 1:
        return roman(index + 1)
    if depth == 2:
        return str(index + 1)
    return point_letter(index)


def walk(plan: Plan) -> Iterator[Node]:
    """Every block of the document's body, then of the bodies of the documents it holds (a decision's attached
    plan, under its own key), parents before children, in the order they are printed."""
    scheme = getattr(plan, "numbering", None)
    yield from walk_blocks(list(plan.body), scheme=scheme)
    for key, nested in plan.nested():
        body = getattr(nested, "body", None)
        if body:
            yield from walk_blocks(list(body), (key, "noi_dung"), getattr(nested, "numbering", None) or scheme)


def walk_blocks(blocks: list, path: Path = ("noi_dung",), scheme=None) -> Iterator[Node]:
    """Every block of one body (at YAML `path`), parents before children; numbering starts again at I."""
    # An explicit stack rather than recursion: depth is bounded by the loader, but the walk need not care.
    pending: list[Iterator[Node]] = [_children(path, 1, blocks, scheme, None)]
    while pending:
        node = next(pending[-1], None)
        if node is None:
            pending.pop()
            continue
        yield node
        if isinstance(node.block, (Section, Duty)):
            pending.append(_children(node.path + ("noi_dung",), node.depth + 1, node.block.content, scheme,
                                     node.number))


def _children(path: Path, depth: int, blocks: list, scheme, parent: str | None) -> Iterator[Node]:
    style = numbering.style_at(scheme, depth)
    counter = 0
    for index, block in enumerate(blocks):
        number = None
        if isinstance(block, (Section, Activity, Duty)):
            number = numbering.number(style, counter, parent)
            counter += 1
        yield Node(path + (index,), depth, number, block, style if number is not None else None)


def max_depth(plan) -> int:
    """How many numbered levels the plan's scheme has (three by default: I., 1., a))."""
    return numbering.max_depth(getattr(plan, "numbering", None))
