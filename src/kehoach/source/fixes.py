"""Fixes: exact edits of a YAML file at a node path, which an editor applies in one click. A rule attaches one
to its problem; the loader attaches one to a model error it knows the correction of (kehoach.source.schema_errors).

How a rule author gives a fix (see text_date_format, text_spacing, text_quotes):

    fix = replace(ctx.source, path, start, end, "new text", "Sửa thành «new text»")
    yield Problem(message, location=..., fix=fix)

`start`/`end` are offsets in the text value at `path` (as `ctx.strings()` gives it). The helper maps them
onto the file and escapes the new text for the way the value is written (plain, '…', "…", | or >); it
gives None whenever the edit would not be exact (an escape sequence in between, the span broken over two
lines, a plain value that the new text would turn into something else), and a rule then simply gives no
fix. Never build an Edit from a fallback position: a fix must touch exactly the characters it names.
"""

from __future__ import annotations

import re

from kehoach.problems import Edit, Fix
from kehoach.source import positions
from kehoach.source.load import LoadedYaml, NodePath

# What a plain scalar cannot contain or start with without changing meaning (YAML 1.2, 7.3.3).
_PLAIN_UNSAFE = re.compile(r": |:$| #|\t")
_PLAIN_BAD_START = tuple("-?:,[]{}#&*!|>'\"%@`")


def replace(source: LoadedYaml, path: NodePath, start: int, end: int, text: str, title: str) -> Fix | None:
    """A fix replacing characters `start:end` of the text value at `path` with `text`, or None (see above)."""
    edit = replace_edit(source, path, start, end, text)
    return Fix(title, (edit,)) if edit is not None else None


def replace_edit(source: LoadedYaml, path: NodePath, start: int, end: int, text: str) -> Edit | None:
    """The one Edit of `replace`; several of them make one Fix (the two quote marks of a phrase)."""
    style = positions.scalar_style(source, path)
    value = positions._value_at(source.data, path)
    if style is None or not isinstance(value, str) or not 0 <= start <= end <= len(value):
        return None
    if style == '"':
        written = text.replace("\\", "\\\\").replace('"', '\\"')
    elif style == "'":
        written = text.replace("'", "''")
    else:
        written = text
    if style == "":
        new_value = value[:start] + text + value[end:]
        if _PLAIN_UNSAFE.search(new_value) or new_value.startswith(_PLAIN_BAD_START) or new_value != new_value.strip():
            return None
    first = positions.locate_exact(source, path, start)
    if first is None or first.line is None or first.column is None:
        return None
    if end == start:
        return Edit(first.file, (first.line, first.column), (first.line, first.column), written)
    last = positions.locate_exact(source, path, end - 1)
    if last is None or last.line != first.line or last.column is None or last.column - first.column != end - 1 - start:
        return None  # broken over two lines, or not character for character: not exact
    return Edit(first.file, (first.line, first.column), (last.line, last.column + 1), written)


def quote_item(source: LoadedYaml, path: NodePath) -> Fix | None:
    """`- Thời gian: Quý III` or `[Phòng A: việc, …]`, read as a key and its value, quoted back into one text.

    Only when the item is written on one line as `key: value` (or `key:`), both plain."""
    mapping = positions._value_at(source.data, path)
    if not isinstance(mapping, dict) or len(mapping) != 1:
        return None
    (key, value), = mapping.items()
    part = source._part(tuple(path))
    file = part if part is not None else source
    start, key_at = file.values.get(tuple(path)), file.keys.get(tuple(path) + (key,))
    if start is None or key_at is None or (start.line, start.column) != (key_at.line, key_at.column):
        return None  # `? key` or a quoted key: not written as plain `key:`
    line = positions._lines(file.text)[start.line - 1]
    begin = start.column - 1
    if not line[begin:].startswith(f"{key}:"):
        return None
    end = begin + len(key) + 1
    if value is not None:
        value_at = file.values.get(tuple(path) + (key,))
        text = str(value)
        if (value_at is None or value_at.line != start.line or not isinstance(value, str)
                or line[value_at.column - 1 : value_at.column - 1 + len(text)] != text):
            return None
        end = value_at.column - 1 + len(text)
    written = line[begin:end]
    quoted = '"' + written.replace("\\", "\\\\").replace('"', '\\"') + '"'
    edit = Edit(file.source, (start.line, start.column), (start.line, end + 1), quoted)
    return Fix(f"Đặt «{written}» trong ngoặc kép", (edit,))
