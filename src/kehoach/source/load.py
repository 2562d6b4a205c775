"""Load a clerk's YAML plan file into plain data plus the position of every node.

Built on PyYAML's event stream instead of its loaders because the loaders follow YAML 1.1
(`8:30` becomes 510, `yes` becomes True), silently overwrite duplicate keys, expand alias bombs
and recurse on deep nesting. Walking events with an explicit stack avoids all of that and keeps
the line/column of every key and value for error messages.
"""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kehoach.errors import InputError, Location

MAX_BYTES = 2 * 1024 * 1024  # a plan is a few KB; bigger is refused before parsing
MAX_DEPTH = 64  # nesting deeper than this is refused
_FILE = "file-unreadable"  # the rule id of problems with the file itself (kehoach.rules)

# libyaml is about 20x faster and, measured, does not recurse on 10,000-deep input.
_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

NodePath = tuple[str | int, ...]  # keys and list indexes from the root

# The characters YAML allows (PyYAML's own printable set); anything else is reported by us with
# its code point, because the parsers' reader errors give byte offsets instead of line:column.
_BAD_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks as the YAML parsers count them, so our positions agree with theirs.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Decimal integers only; a leading zero keeps the text (document numbers like 05 keep their zero).
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_MSG_ANCHOR = "không dùng neo/bí danh (&, *) trong tệp kế hoạch; hãy viết đầy đủ giá trị"
_MSG_COLON = "dấu hai chấm (:) không đúng chỗ; nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép"
_MSG_TAB = "không dùng phím Tab để thụt lề; hãy dùng dấu cách"
_MSG_EXTRA = (
    "phần thừa sau khi giá trị trước đã kết thúc; hãy kiểm tra dấu ngoặc, dòng «...» và thụt lề ở đây"
)
_MSG_INDENT = (
    "thụt lề không đúng: dòng này không thẳng hàng với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng"
)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column, as editors show them."""

    line: int
    column: int


@dataclass
class LoadedYaml:
    data: Any  # plain dict / list / str / int / bool / None
    source: str  # the file name as the user gave it (for messages)
    values: dict[NodePath, Position]  # path -> position of the value node (root = ())
    keys: dict[NodePath, Position]  # path -> position of the mapping key for that path
    text: str = ""  # the text it was read from (comments carry per-line rule switches)
    # Subtrees of `data` that were read from other files (shared registries, kehoach.source.registry): a path
    # prefix -> the file it came from, which answers for every position under that prefix. `values`,
    # `keys`, `source` and `text` stay those of this file alone.
    parts: dict[NodePath, LoadedYaml] = field(default_factory=dict)

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


def _error(message: str, source: str, mark: Any, rule: str = "yaml-syntax") -> InputError:
    return InputError(message, Location(source, mark.line + 1, mark.column + 1), rule)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line, start = 1, 0
    for m in _BREAK.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return line, index - start + 1


def _line_upto(mark: Any, text: str) -> str:
    """The line of a 0-based mark up to and including its character (libyaml's index is in bytes)."""
    pos = 0
    for _ in range(mark.line):
        m = _BREAK.search(text, pos)
        if m is None:
            return ""
        pos = m.end()
    return text[pos : pos + mark.column + 1]


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
            raise _error(message, source, event.start_mark) from None
    return value


#: `trich_yeu:Phòng …`: a key glued to its value, which YAML reads as one text with no key.
_GLUED = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):(?=[^\s:/])")


def _glued_key(e: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int] | None:
    """(key, 0-based line, 0-based column after the colon) of a `key:value` line where the error is (or just above)."""
    lines = _BREAK.split(text)
    marks = [m.line for m in (e.context_mark, e.problem_mark) if m is not None]
    for number in sorted({n for line in marks for n in (line, line - 1) if 0 <= n < len(lines)}):
        found = _GLUED.match(lines[number])
        if found:
            return found.group(1), number, found.end()
    return None


def _last_open_bracket(text: str, last_line: int) -> tuple[int, str] | None:
    """(1-based line, bracket) of the last «[» or «{» on the lines up to `last_line` (0-based), if any."""
    lines = _BREAK.split(text)[: last_line + 1]
    for number in range(len(lines) - 1, -1, -1):
        at = max(lines[number].rfind("["), lines[number].rfind("{"))
        if at >= 0:
            return number + 1, lines[number][at]
    return None


def _syntax_error(e: yaml.MarkedYAMLError, text: str, source: str) -> InputError:
    """Translate the common PyYAML/libyaml problems; keep the English of the rare ones."""
    problem = e.problem or e.context or ""
    mark = e.problem_mark or e.context_mark
    context_line = e.context_mark.line + 1 if e.context_mark else None
    vi = None
    glued = _glued_key(e, text)
    if glued is not None:  # before «missing colon»: the colon is there, the space after it is not
        key, line, column = glued
        value = _BREAK.split(text)[line][column:].strip()
        shown = value if len(value) <= 20 else value[:20] + "…"
        message = (f"lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm của khóa «{key}»; hãy viết "
                   f"«{key}: {shown}» (giá trị có dấu hai chấm thì đặt trong ngoặc kép)")
        return InputError(message, Location(source, line + 1, column + 1), "yaml-syntax")
    if problem.startswith("mapping values are not allowed"):
        vi = _MSG_COLON
    elif "cannot start any token" in problem or "tab character" in problem:
        char = _line_upto(mark, text)[-1:] if mark else ""
        if char == "\t":
            vi = _MSG_TAB
        elif char:
            vi = f"ký tự «{char}» không được đứng đầu một giá trị; hãy đặt cả giá trị trong ngoặc kép"
    elif problem == "could not find expected ':'" and e.context_mark:
        mark = e.context_mark
        vi = "thiếu dấu hai chấm (:) sau tên khóa; mỗi dòng phải có dạng «khóa: giá trị»"
    elif "end of stream" in problem and "quoted scalar" in (e.context or "") and e.context_mark:
        mark = e.context_mark
        quote = _line_upto(mark, text)[-1:] or '"'
        vi = f"thiếu dấu {quote} đóng cho giá trị mở bằng {quote} ở đây"
    elif "<block end>" in problem or problem.startswith(("did not find expected key", "did not find expected '-'")):
        # At the start of a line it is indentation; after other text, e.g. `b: "x" y`, it is extra text.
        vi = _MSG_EXTRA if mark and _line_upto(mark, text)[:-1].strip() else _MSG_INDENT
    elif "',' or ']'" in problem or "',' or '}'" in problem:
        closer = "]" if "']'" in problem else "}"
        vi = f"thiếu dấu phẩy hoặc dấu đóng «{closer}» cho ngoặc mở ở dòng {context_line}"
    elif "unknown escape" in problem:
        vi = "dấu gạch chéo ngược (\\) trong ngoặc kép không hợp lệ; hãy viết \\\\ hoặc dùng ngoặc đơn (')"
    elif "incompatible YAML document" in problem:
        vi = "chỉ dùng được YAML phiên bản 1.x; hãy bỏ dòng «%YAML» ở đầu tệp"
    elif problem == "did not find expected node content":  # `a: [` and nothing after it
        opened = _last_open_bracket(text, mark.line if mark else 0)
        vi = (f"thiếu giá trị hoặc dấu đóng ngoặc cho ngoặc mở «{opened[1]}» ở dòng {opened[0]}" if opened
              else "thiếu giá trị ở đây")
    elif problem == "did not find expected comment or line break":  # `a: |x`
        vi = ("sau dấu | hoặc > chỉ được ghi dấu +, - hoặc một chữ số; hãy đưa phần còn lại xuống dòng dưới, "
              "hoặc đặt cả giá trị trong ngoặc kép")
    elif problem == "did not find expected alphabetic or numeric character":  # `a: *` or `a: &`
        vi = "dấu & hoặc * không được đứng đầu một giá trị; hãy đặt cả giá trị trong ngoặc kép"
    elif problem == "found unknown directive name":  # `%FOO`
        vi = "dòng bắt đầu bằng dấu % không dùng được trong tệp kế hoạch; hãy xóa dòng này"
    elif "<document start>" in problem:
        vi = _MSG_EXTRA  # after a finished top-level value: a stray "...", text after a closing quote
    message = f"lỗi cú pháp YAML: {vi}" if vi else f"lỗi cú pháp YAML ({problem})"
    if mark is None:
        return InputError(message, Location(source))
    error = _error(message, source, mark)
    if vi == _MSG_COLON:
        error.fix = _quoted_value(text, mark.line, source)
    return error


# `key: value` or `- key: value` on one line, the value plain (not quoted, not a block or a flow collection).
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s#'\"\[\]{}][^:#]*:\s+)([^\s'\"\[\]{}|>&*!%@`#].*)$")


def _quoted_value(text: str, row: int, source: str):
    """The fix of `trich_yeu: Triển khai: Tiểu dự án 2`: the whole value in double quotes (None when the value
    is not one plain line)."""
    from kehoach.problems import Edit, Fix

    lines = _BREAK.split(text)
    line = lines[row] if row < len(lines) else ""
    match = _KEY_VALUE.match(line)
    following = lines[row + 1] if row + 1 < len(lines) else ""
    indent = len(line) - len(line.lstrip())
    if match is None or (following.strip() and len(following) - len(following.lstrip()) > indent
                         and not following.lstrip().startswith(("#", "- "))):
        return None  # the value goes on over the next lines
    value = match.group(2)
    comment = value.find(" #")
    value = (value[:comment] if comment >= 0 else value).rstrip()
    start = match.start(2)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Fix(f"Đặt «{value}» trong ngoặc kép",
               (Edit(source, (row + 1, start + 1), (row + 1, start + len(value) + 1), quoted),))


def load_yaml_text(text: str, source: str) -> LoadedYaml:
    """Parse one YAML document into plain data and positions; raise InputError on anything unsafe."""
    bad = _BAD_CHAR.search(text)
    if bad:
        line, column = _line_col(text, bad.start())
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
                    raise _error("tệp kế hoạch chỉ được chứa một tài liệu YAML; hãy bỏ dòng «---» này và phần"
                                 " sau nó (hoặc tách thành tệp riêng)", source, event.start_mark)
                continue
            if not isinstance(event, yaml.NodeEvent):  # stream start/end, document end
                continue
            # Refusing anchors/aliases kills alias bombs; refusing tags kills !!python/object.
            if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                raise _error(_MSG_ANCHOR, source, event.start_mark, "yaml-unsafe")
            if event.tag is not None:
                raise _error(f"không dùng thẻ kiểu «{_tag_text(event.tag)}» trong tệp kế hoạch; hãy bỏ thẻ (nếu"
                             " muốn giữ giá trị dạng chữ, hãy đặt nó trong ngoặc kép)", source, event.start_mark,
                             "yaml-unsafe")
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is None:
                # This node is a mapping key.
                if not isinstance(event, yaml.ScalarEvent):
                    raise _error("khóa phải là một tên đơn giản, không được là danh sách hay nhóm khóa",
                                 source, event.start_mark)
                key = event.value  # the text as written: `2024:` gives "2024", `05:` gives "05"
                key_path = top.path + (key,)
                if key in top.container:
                    first = keys[key_path]
                    if top.path and isinstance(top.path[-1], int):  # in a list item: likely a new item without «- »
                        raise _error(f"khóa «{key}» lặp lại trong cùng một phần tử danh sách (đã có ở dòng "
                                     f"{first.line}); nếu dòng này là phần tử mới, hãy thêm dấu «- » ở đầu, thẳng "
                                     f"hàng với dấu «- » của dòng {first.line}", source, event.start_mark,
                                     "yaml-duplicate-key")
                    raise _error(f"khóa «{key}» bị lặp lại (đã có ở dòng {first.line}); mỗi khóa chỉ được"
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
                    raise _error(f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} tầng); hãy kiểm tra lại dấu ngoặc"
                                 " và thụt lề", source, event.start_mark, "yaml-too-deep")
                stack.append(_Frame(value, path))
    except yaml.MarkedYAMLError as e:
        if "maximum nesting depth" in (e.problem or "") and loader is not yaml.SafeLoader:
            raise _NestingLimit() from None
        raise _syntax_error(e, text, source) from None
    except yaml.reader.ReaderError as e:  # not expected after _BAD_CHAR, kept as a safety net
        index = text.find(chr(e.character)) if isinstance(e.character, int) else -1
        line, column = _line_col(text, index) if index >= 0 else (None, None)
        raise InputError(f"lỗi đọc YAML ({e.reason})", Location(source, line, column)) from None
    except yaml.YAMLError as e:
        raise InputError(f"lỗi cú pháp YAML ({e})", Location(source)) from None
    return LoadedYaml(root, source, values, keys, text)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: ASCII characters leave every other byte zero."""
    sample = data[:256]
    half = len(sample) // 2
    return half >= 2 and (
        (sample[1::2].count(0) >= half * 0.6 and sample[0::2].count(0) == 0)
        or (sample[0::2].count(0) >= half * 0.6 and sample[1::2].count(0) == 0)
    )


def _decode(data: bytes, name: str) -> str:
    where = Location(name)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("tệp được lưu dạng UTF-32; hãy lưu lại dạng UTF-8", where, "file-encoding")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8", where, "file-encoding")
    if data.startswith(b"\xef\xbb\xbf"):  # Notepad's UTF-8 BOM: harmless; dropped so columns match editors
        data = data[3:]
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError("tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8", where, "file-encoding")
        message = "tệp không phải văn bản YAML (có byte 0); hãy chỉ ra đúng tệp kế hoạch .yaml"
        raise InputError(message, where, _FILE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start].decode("utf-8")  # valid by definition of e.start
        line, column = _line_col(before, len(before))
        raise InputError(
            f"tệp không được lưu dạng UTF-8 (gặp byte 0x{data[e.start]:02X}; có thể là Windows-1258"
            " hoặc TCVN3); hãy mở tệp và lưu lại dạng UTF-8",
            Location(name, line, column),
            "file-encoding",
        ) from None


def load_yaml_file(path: pathlib.Path, display: str | None = None, kind: str = "plan",
                   where: Location | None = None) -> LoadedYaml:
    """Read a plan file (or a shared or configuration file: `kind`, as kehoach.source.reading names them)
    through the guarded reader (regular files only, size checked first), decode it and load it."""
    from kehoach.source.reading import read_input

    name = display if display is not None else str(path)
    return load_yaml_text(_decode(read_input(pathlib.Path(path), kind, name, where), name), name)
