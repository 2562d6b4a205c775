"""Load a clerk's YAML plan file into plain data plus the position of every node.

Built on PyYAML's event stream instead of its loaders because the loaders follow YAML 1.1
(`8:30` becomes 510, `yes` becomes True), silently overwrite duplicate keys, expand alias bombs
and recurse on deep nesting. Walking events with an explicit stack avoids all of that and keeps
the line/column of every key and value for error messages.
"""

from __future__ import annotations

import pathlib
import re
from typing import Any, NamedTuple

import yaml

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.source.decoding import decode
from kehoach.source.lines import line_col
from kehoach.source.yaml_errors import error_at, syntax_error

MAX_BYTES = 2 * 1024 * 1024  # a plan is a few KB; bigger is refused before parsing
MAX_DEPTH = 64  # nesting deeper than this is refused

# libyaml is about 20x faster and, measured, does not recurse on 10,000-deep input.
_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

NodePath = tuple[str | int, ...]  # keys and list indexes from the root

# The characters YAML allows (PyYAML's own printable set); anything else is reported by us with
# its code point, because the parsers' reader errors give byte offsets instead of line:column.
_BAD_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Decimal integers only; a leading zero keeps the text (document numbers like 05 keep their zero).
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_MSG_ANCHOR = "không dùng neo/bí danh (&, *) trong tệp kế hoạch; hãy viết đầy đủ giá trị"


class Position(NamedTuple):
    """A 1-based line and column, as editors show them."""

    line: int
    column: int


class LoadedYaml:
    """A file's data with the position of every node.

    data: plain dict / list / str / int / bool / None; source: the file name as the user gave it (for messages);
    values / keys: path -> position of the value node (root = ()) / of the mapping key for that path; text: the
    text it was read from (comments carry per-line rule switches); parts: subtrees of `data` that were read from
    other files (shared registries, kehoach.source.registry), a path prefix -> the file it came from, which
    answers for every position under that prefix (`values`, `keys`, `source` and `text` stay this file's alone).

    A plain class rather than a dataclass: every command reads a file, and creating a dataclass costs ~0.6 ms at
    import (README, For developers).
    """

    __slots__ = ("data", "source", "values", "keys", "text", "parts")

    def __init__(self, data: Any, source: str, values: dict[NodePath, Position], keys: dict[NodePath, Position],
                 text: str = "", parts: dict[NodePath, LoadedYaml] | None = None) -> None:
        self.data = data
        self.source = source
        self.values = values
        self.keys = keys
        self.text = text
        self.parts: dict[NodePath, LoadedYaml] = {} if parts is None else parts

    def __repr__(self) -> str:
        return f"LoadedYaml(source={self.source!r}, {len(self.values)} values, parts={list(self.parts)!r})"

    def where(self, path: NodePath) -> Location:
        """Best location for path: the longest known prefix (a value, else a key)."""
        path = tuple(path)
        part = self._part(path)
        if part is not None:
            return part.where(path)
        for n in range(len(path), -1, -1):
            pos = self.values.get(path[:n]) or self.keys.get(path[:n])
            if pos is not None:
                return Location(self.source, pos.line, pos.column)
        return Location(self.source)

    def key_where(self, path: NodePath) -> Location:
        """Position of the key itself (e.g. for an unknown key), else where(path)."""
        part = self._part(tuple(path))
        if part is not None:
            return part.key_where(path)
        pos = self.keys.get(tuple(path))
        if pos is None:
            return self.where(path)
        return Location(self.source, pos.line, pos.column)

    def texts(self) -> dict[str, str]:
        """The text of every file `data` was read from, by source name (line switches apply per file)."""
        found = {self.source: self.text}
        for part in self.parts.values():
            found.setdefault(part.source, part.text)
        return found

    def _part(self, path: NodePath) -> LoadedYaml | None:
        """The other file that `path` lies in, if it lies in one."""
        if self.parts:
            for n in range(len(path), 0, -1):
                part = self.parts.get(path[:n])
                if part is not None:
                    return part
        return None


class _Frame:
    """An open mapping or sequence while walking the events."""

    __slots__ = ("container", "path", "key")

    def __init__(self, container: dict | list, path: NodePath) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # a mapping's key waiting for its value


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)  # PyYAML marks are 0-based


def _tag_text(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _scalar(event: yaml.ScalarEvent, source: str) -> Any:
    if not event.implicit[0]:  # quoted or block scalar: always text
        return event.value
    value = event.value
    if value in _NULLS:
        return None
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            message = "số quá dài; nếu đây là chữ, hãy đặt nó trong ngoặc kép"
            raise error_at(message, source, event.start_mark) from None
    return value


def load_yaml_text(text: str, source: str) -> LoadedYaml:
    """Parse one YAML document into plain data and positions; raise InputError on anything unsafe."""
    bad = _BAD_CHAR.search(text)
    if bad:
        line, column = line_col(text, bad.start())
        raise InputError(
            f"có ký tự điều khiển U+{ord(bad.group()):04X} (không nhìn thấy được, thường do sao chép"
            " từ Word hay PDF); hãy xóa ký tự này",
            Location(source, line, column),
            "text-control-char",
        )
    try:
        return _load(text, source, _LOADER)
    except _NestingLimit:
        # Newer libyaml scans brackets ahead and stops at its own nesting limit before our depth check
        # sees a single event; the pure-Python parser yields events as it goes, so ours answers first.
        return _load(text, source, yaml.SafeLoader)


class _NestingLimit(Exception):
    """libyaml's own nesting limit was hit (its message and position are less helpful than ours)."""


def _load(text: str, source: str, loader: Any) -> LoadedYaml:
    values: dict[NodePath, Position] = {}
    keys: dict[NodePath, Position] = {}
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise error_at("tệp kế hoạch chỉ được chứa một tài liệu YAML; hãy bỏ dòng «---» này và phần"
                                 " sau nó (hoặc tách thành tệp riêng)", source, event.start_mark)
                continue
            if not isinstance(event, yaml.NodeEvent):  # stream start/end, document end
                continue
            # Refusing anchors/aliases kills alias bombs; refusing tags kills !!python/object.
            if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                raise error_at(_MSG_ANCHOR, source, event.start_mark, "yaml-unsafe")
            if event.tag is not None:
                raise error_at(f"không dùng thẻ kiểu «{_tag_text(event.tag)}» trong tệp kế hoạch; hãy bỏ thẻ (nếu"
                             " muốn giữ giá trị dạng chữ, hãy đặt nó trong ngoặc kép)", source, event.start_mark,
                             "yaml-unsafe")
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is None:
                # This node is a mapping key.
                if not isinstance(event, yaml.ScalarEvent):
                    raise error_at("khóa phải là một tên đơn giản, không được là danh sách hay nhóm khóa",
                                 source, event.start_mark)
                key = event.value  # the text as written: `2024:` gives "2024", `05:` gives "05"
                key_path = top.path + (key,)
                if key in top.container:
                    first = keys[key_path]
                    if top.path and isinstance(top.path[-1], int):  # in a list item: likely a new item without «- »
                        raise error_at(f"khóa «{key}» lặp lại trong cùng một phần tử danh sách (đã có ở dòng "
                                     f"{first.line}); nếu dòng này là phần tử mới, hãy thêm dấu «- » ở đầu, thẳng "
                                     f"hàng với dấu «- » của dòng {first.line}", source, event.start_mark,
                                     "yaml-duplicate-key")
                    raise error_at(f"khóa «{key}» bị lặp lại (đã có ở dòng {first.line}); mỗi khóa chỉ được"
                                 " viết một lần", source, event.start_mark, "yaml-duplicate-key")
                keys[key_path] = _pos(event.start_mark)
                top.key = key
                continue
            if top is None:
                path: NodePath = ()
            elif isinstance(top.container, dict):
                path = top.path + (top.key,)
            else:
                path = top.path + (len(top.container),)
            values[path] = _pos(event.start_mark)
            if isinstance(event, yaml.ScalarEvent):
                value: Any = _scalar(event, source)
            else:
                value = {} if isinstance(event, yaml.MappingStartEvent) else []
            if top is None:
                root = value
            elif isinstance(top.container, dict):
                top.container[top.key] = value
                top.key = None
            else:
                top.container.append(value)
            if not isinstance(event, yaml.ScalarEvent):
                if len(stack) >= MAX_DEPTH:  # stop before reading the rest of a hostile file
                    raise error_at(f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} tầng); hãy kiểm tra lại dấu ngoặc"
                                 " và thụt lề", source, event.start_mark, "yaml-too-deep")
                stack.append(_Frame(value, path))
    except yaml.MarkedYAMLError as e:
        if "maximum nesting depth" in (e.problem or "") and loader is not yaml.SafeLoader:
            raise _NestingLimit() from None
        raise syntax_error(e, text, source) from None
    except yaml.reader.ReaderError as e:  # not expected after _BAD_CHAR, kept as a safety net
        index = text.find(chr(e.character)) if isinstance(e.character, int) else -1
        line, column = line_col(text, index) if index >= 0 else (None, None)
        raise InputError(f"lỗi đọc YAML ({e.reason})", Location(source, line, column)) from None
    except yaml.YAMLError as e:
        raise InputError(f"lỗi cú pháp YAML ({e})", Location(source)) from None
    return LoadedYaml(root, source, values, keys, text)


def load_yaml_file(path: pathlib.Path, display: str | None = None, kind: str = "plan",
                   where: Location | None = None) -> LoadedYaml:
    """Read a plan file (or a shared or configuration file: `kind`, as kehoach.source.reading names them)
    through the guarded reader (regular files only, size checked first), decode it and load it."""
    from kehoach.source.reading import read_input

    name = display if display is not None else str(path)
    return load_yaml_text(decode(read_input(pathlib.Path(path), kind, name, where), name), name)
