"""Where the cursor stands in a YAML plan that is being typed (and so is often not valid YAML at all).

Read from the indentation of the lines above and below, not from a parser: the keys leading to the
cursor's block, the keys already written in that block, and, on a value, the key it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# `  - key: value`, `key:`, `- value`; a key is what a plan uses (letters, digits, _ and -, ids too).
_LINE = re.compile(r"^(?P<indent> *)(?P<dash>-(?: +|$))?(?:(?P<key>[^\s:#'\"\[\]{},][^:#]*?):(?: +(?P<value>.*)|$))?")
_WORD = re.compile(r"[\w-]+")
_REF_OPEN = re.compile(r"\[\[\s*([\w-]*)$")


@dataclass
class Cursor:
    """What the cursor is on. `keys`: the keys from the root to the block the cursor is in (list items are
    transparent: `noi_dung` then `noi_dung` for a section's content). `siblings`: the keys already written
    in that block. `value_of`: on a value, the key whose value it is (a list item under `gui:` too)."""

    keys: list[str] = field(default_factory=list)
    siblings: set[str] = field(default_factory=set)
    value_of: str | None = None
    in_reference: bool = False  # just after `[[`
    prefix: str = ""  # the part of the word already typed


def _parse(line: str) -> tuple[int, bool, str | None, str | None] | None:
    """(column of the key or item content, is a list item, key, value) of a line; None for blank or comment."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    match = _LINE.match(line)
    indent = len(match.group("indent"))
    dash = match.group("dash")
    column = indent + len(dash) if dash else indent
    key = match.group("key")
    return column, bool(dash), key.strip() if key else None, match.group("value")


def at(lines: list[str], row: int, column: int) -> Cursor:
    """The cursor at 0-based `row`, `column` (in characters) of `lines`."""
    line = lines[row] if row < len(lines) else ""
    before = line[:column]
    cursor = Cursor()
    reference = _REF_OPEN.search(before)
    if reference:
        cursor.in_reference, cursor.prefix = True, reference.group(1)
    word = re.search(r"[\w-]*$", before)
    cursor.prefix = cursor.prefix or (word.group() if word else "")
    here = _parse(before + "x") or (len(before) - len(before.lstrip(" ")), False, None, None)
    start, is_item, key, value = here
    if key is not None and value is not None:
        cursor.value_of = key  # `key: val|` or `key: [a, b|`
    if is_item and key is None:
        cursor.value_of = _list_owner(lines, row, start)  # `- val|`: an item of the list of the key above
    # On an item's first line the lines above belong to other items: look for the list's key.
    _walk_up(lines, row, start, start - 2 if is_item else None, cursor)
    _siblings_below(lines, row, start, cursor)
    cursor.siblings.discard(key or "")
    return cursor


def _list_owner(lines: list[str], row: int, content: int) -> str | None:
    """The key whose list holds the item starting at column `content` on `row`."""
    dash = content - 2
    for r in range(row - 1, -1, -1):
        parsed = _parse(lines[r])
        if parsed is None:
            continue
        col, is_item, key, value = parsed
        if is_item and col - 2 == dash or col > dash:
            continue
        return key if key and not value else None
    return None


def _walk_up(lines: list[str], row: int, col: int, item_dash: int | None, cursor: Cursor) -> None:
    """Collect the block's sibling keys above the cursor and the keys of the blocks around it."""
    keys: list[str] = []
    in_block = item_dash is None  # on a new item's first line, the lines above belong to other items
    for r in range(row - 1, -1, -1):
        parsed = _parse(lines[r])
        if parsed is None:
            continue
        c, is_item, key, value = parsed
        line_indent = c - 2 if is_item else c
        if item_dash is not None:
            # Looking for the key that owns the list whose item starts at `item_dash`.
            if line_indent > item_dash or (is_item and line_indent == item_dash):
                continue
            if key is not None and (line_indent < item_dash or not is_item):
                keys.append(key)
                col, item_dash, in_block = c, (line_indent if is_item else None), False
                continue
            continue
        if c > col:
            continue
        if c == col:
            if in_block and key is not None:
                cursor.siblings.add(key)
            if is_item:  # the first line of the item this block is
                item_dash, in_block = line_indent, False
            continue
        if key is not None:  # a less indented key: the block's owner
            keys.append(key)
            col, in_block = c, False
            if is_item:
                item_dash = line_indent
    cursor.keys = list(reversed(keys))


def _siblings_below(lines: list[str], row: int, col: int, cursor: Cursor) -> None:
    for r in range(row + 1, len(lines)):
        parsed = _parse(lines[r])
        if parsed is None:
            continue
        c, is_item, key, _ = parsed
        if c < col or (is_item and c - 2 < col):
            return
        if c == col and key is not None and not is_item:
            cursor.siblings.add(key)


def word_at(line: str, column: int) -> tuple[str, int, int] | None:
    """The id-like word (letters, digits, - and _) under `column`, with its start and end columns."""
    for match in _WORD.finditer(line):
        if match.start() <= column <= match.end():
            return match.group(), match.start(), match.end()
    return None
