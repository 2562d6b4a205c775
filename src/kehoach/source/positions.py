"""Where a character inside a YAML text value stands in its file (line and column, as editors count).

Used wherever a message should point inside a value (a wrong date in a paragraph, an unknown [[id]]):
the stored text is matched back onto the file for one-line plain or quoted scalars, plain scalars
folded over several lines, and `|` / `>` blocks; anything else (escapes, blank lines in a folded
block) gives the value's start.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from kehoach.problems import Location, Problem
from kehoach.source.lines import BREAK
from kehoach.source.load import LoadedYaml, NodePath


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    # Split on the same line breaks as the loader, so that line numbers agree with its positions.
    return BREAK.split(text)


def _value_at(data: Any, path: NodePath) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data or (isinstance(data, list) and isinstance(part, int)
                                                        and 0 <= part < len(data)):
            data = data[part]
        else:
            return None
    return data


def text_values(data: Any) -> Iterator[tuple[NodePath, str]]:
    """Every text value of the file's data as the clerk wrote it, with its path, in the order of the file."""
    stack: list[tuple[NodePath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))


def place(problem: Problem, source: LoadedYaml) -> Problem:
    """`problem` placed in the file(s) of `source`, when it was given by its YAML path (a rule's, the resolver's).

    At its key when it asks (`key=True`) or when the path names a whole block (an id in don_vi, van_ban); at
    its `snippet` inside a text value (an unknown [[id]]: at the "[[" itself); else at the value. A duplicate
    id's message says where the id was `first` given (naming the file when it is a shared registry).
    """
    if problem.location is not None:
        return problem
    path = problem.path
    value = _value_at(source.data, path)
    where = source.key_where(path) if problem.key or isinstance(value, dict) else source.where(path)
    if problem.snippet and isinstance(value, str) and problem.snippet in value:
        where = locate(source, path, value.index(problem.snippet))
    message = problem.message
    if problem.first is not None:
        first = source.key_where(problem.first)
        at = f"dòng {first.line}" if first.file == where.file else f"tệp {first.file}, dòng {first.line}"
        message += f" (mã này đã có ở {at})"
    return problem._replace(location=where, message=message)


def locate(source: LoadedYaml, path: NodePath, offset: int) -> Location:
    """The location of character `offset` of the text value at `path` (its start when it cannot be mapped)."""
    return locate_exact(source, path, offset) or source.where(path)


def locate_exact(source: LoadedYaml, path: NodePath, offset: int) -> Location | None:
    """Where character `offset` of the text value at `path` is written, in whichever file holds it (a shared
    registry's value is looked up in that file); None when it cannot be told (escapes, folded blank lines).

    What a fix needs: an edit must land on the very characters, never on a fallback."""
    part = source._part(tuple(path))
    return _exact(part if part is not None else source, path, offset)


def scalar_style(source: LoadedYaml, path: NodePath) -> str | None:
    """How the text value at `path` is written: '"', "'", '|', '>' or '' (plain); None when unknown."""
    part = source._part(tuple(path))
    source = part if part is not None else source
    start = source.values.get(tuple(path))
    lines = _lines(source.text)
    if start is None or start.line > len(lines):
        return None
    opener = lines[start.line - 1][start.column - 1 : start.column]
    return opener if opener in ("'", '"', "|", ">") else ""


def _exact(source: LoadedYaml, path: NodePath, offset: int) -> Location | None:
    start = source.values.get(tuple(path))
    text = _value_at(source.data, path)
    if start is None or not isinstance(text, str):
        return None
    lines = _lines(source.text)
    if start.line > len(lines):
        return None
    found = _position(lines, start.line - 1, start.column - 1, text, offset)
    if found is None:
        return None
    return Location(source.source, found[0] + 1, found[1] + 1)


def _position(lines: list[str], row: int, col: int, text: str, offset: int) -> tuple[int, int] | None:
    """0-based (row, column) of `text[offset]`, the scalar starting at (row, col), or None."""
    line = lines[row]
    opener = line[col : col + 1]
    if opener in ("'", '"'):
        body = col + 1
        if line[body : body + len(text)] == text and line[body + len(text) : body + len(text) + 1] == opener:
            return row, body + offset
        return None
    if opener in ("|", ">"):
        return _in_block(lines, row, text, offset, literal=opener == "|")
    return _in_pieces([(row, col, line[col:].rstrip())] + _continuations(lines, row), text, offset, " ")


def _continuations(lines: list[str], row: int) -> list[tuple[int, int, str]]:
    """The lines after `row` that may continue a plain scalar: each stripped, with where it starts."""
    pieces = []
    for number in range(row + 1, len(lines)):
        content = lines[number].strip()
        if not content:
            break
        pieces.append((number, len(lines[number]) - len(lines[number].lstrip()), content))
    return pieces


def _in_block(lines: list[str], row: int, text: str, offset: int, literal: bool) -> tuple[int, int] | None:
    """Inside a `|` or `>` block: its lines share one indentation; `>` joins them with spaces."""
    content = [n for n in range(row + 1, len(lines)) if lines[n].strip()]
    if not content:
        return None
    indent = len(lines[content[0]]) - len(lines[content[0]].lstrip())
    pieces = []
    for number in range(row + 1, len(lines)):
        line = lines[number]
        if not line.strip():
            if literal:
                pieces.append((number, indent, ""))
                continue
            break  # a blank line inside a folded block keeps a line break: not mapped, fall back
        if len(line) - len(line.lstrip()) < indent:
            break
        pieces.append((number, indent, line[indent:].rstrip()))
    return _in_pieces(pieces, text, offset, "\n" if literal else " ")


def _in_pieces(pieces: list[tuple[int, int, str]], text: str, offset: int, joiner: str) -> tuple[int, int] | None:
    """Match `text` against the pieces joined by `joiner`; the (row, column) of `text[offset]`."""
    body = text.rstrip("\n")  # a block's final line break is not on any line
    position = 0
    for index, (row, col, piece) in enumerate(pieces):
        if index:
            if body[position : position + len(joiner)] != joiner:
                return None
            position += len(joiner)
        rest = body[position:]
        if len(piece) > len(rest) and piece.startswith(rest):
            piece = rest  # the value ends on this line, before a comment or a flow "]", ",", "}"
        if body[position : position + len(piece)] != piece:
            return None
        if position <= offset < position + len(piece):
            return row, col + offset - position
        position += len(piece)
        if position >= len(body):
            return None
    return None
