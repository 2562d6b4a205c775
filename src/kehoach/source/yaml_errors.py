"""PyYAML's and libyaml's syntax errors said in Vietnamese, at the line and column where the mistake is, with
the fix where it is certain (a value with a colon put in double quotes); the rare ones keep their English."""

from __future__ import annotations

import re
from typing import Any

import yaml

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.source.lines import BREAK, line_upto

_MSG_COLON = "dấu hai chấm (:) không đúng chỗ; nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép"
_MSG_TAB = "không dùng phím Tab để thụt lề; hãy dùng dấu cách"
_MSG_EXTRA = (
    "phần thừa sau khi giá trị trước đã kết thúc; hãy kiểm tra dấu ngoặc, dòng «...» và thụt lề ở đây"
)
_MSG_INDENT = (
    "thụt lề không đúng: dòng này không thẳng hàng với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng"
)


def error_at(message: str, source: str, mark: Any, rule: str = "yaml-syntax") -> InputError:
    return InputError(message, Location(source, mark.line + 1, mark.column + 1), rule)


#: `trich_yeu:Phòng …`: a key glued to its value, which YAML reads as one text with no key.
_GLUED = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):(?=[^\s:/])")


def _glued_key(e: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int] | None:
    """(key, 0-based line, 0-based column after the colon) of a `key:value` line where the error is (or just above)."""
    lines = BREAK.split(text)
    marks = [m.line for m in (e.context_mark, e.problem_mark) if m is not None]
    for number in sorted({n for line in marks for n in (line, line - 1) if 0 <= n < len(lines)}):
        found = _GLUED.match(lines[number])
        if found:
            return found.group(1), number, found.end()
    return None


def _last_open_bracket(text: str, last_line: int) -> tuple[int, str] | None:
    """(1-based line, bracket) of the last «[» or «{» on the lines up to `last_line` (0-based), if any."""
    lines = BREAK.split(text)[: last_line + 1]
    for number in range(len(lines) - 1, -1, -1):
        at = max(lines[number].rfind("["), lines[number].rfind("{"))
        if at >= 0:
            return number + 1, lines[number][at]
    return None


def syntax_error(e: yaml.MarkedYAMLError, text: str, source: str) -> InputError:
    """Translate the common PyYAML/libyaml problems; keep the English of the rare ones."""
    problem = e.problem or e.context or ""
    mark = e.problem_mark or e.context_mark
    context_line = e.context_mark.line + 1 if e.context_mark else None
    vi = None
    glued = _glued_key(e, text)
    if glued is not None:  # before «missing colon»: the colon is there, the space after it is not
        key, line, column = glued
        value = BREAK.split(text)[line][column:].strip()
        shown = value if len(value) <= 20 else value[:20] + "…"
        message = (f"lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm của khóa «{key}»; hãy viết "
                   f"«{key}: {shown}» (giá trị có dấu hai chấm thì đặt trong ngoặc kép)")
        return InputError(message, Location(source, line + 1, column + 1), "yaml-syntax")
    if problem.startswith("mapping values are not allowed"):
        vi = _MSG_COLON
    elif "cannot start any token" in problem or "tab character" in problem:
        char = line_upto(mark, text)[-1:] if mark else ""
        if char == "\t":
            vi = _MSG_TAB
        elif char:
            vi = f"ký tự «{char}» không được đứng đầu một giá trị; hãy đặt cả giá trị trong ngoặc kép"
    elif problem == "could not find expected ':'" and e.context_mark:
        mark = e.context_mark
        vi = "thiếu dấu hai chấm (:) sau tên khóa; mỗi dòng phải có dạng «khóa: giá trị»"
    elif "end of stream" in problem and "quoted scalar" in (e.context or "") and e.context_mark:
        mark = e.context_mark
        quote = line_upto(mark, text)[-1:] or '"'
        vi = f"thiếu dấu {quote} đóng cho giá trị mở bằng {quote} ở đây"
    elif "<block end>" in problem or problem.startswith(("did not find expected key", "did not find expected '-'")):
        # At the start of a line it is indentation; after other text, e.g. `b: "x" y`, it is extra text.
        vi = _MSG_EXTRA if mark and line_upto(mark, text)[:-1].strip() else _MSG_INDENT
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
    error = error_at(message, source, mark)
    if vi == _MSG_COLON:
        error.fix = _quoted_value(text, mark.line, source)
    return error


# `key: value` or `- key: value` on one line, the value plain (not quoted, not a block or a flow collection).
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s#'\"\[\]{}][^:#]*:\s+)([^\s'\"\[\]{}|>&*!%@`#].*)$")


def _quoted_value(text: str, row: int, source: str):
    """The fix of `trich_yeu: Triển khai: Tiểu dự án 2`: the whole value in double quotes (None when the value
    is not one plain line)."""
    from kehoach.problems import Edit, Fix

    lines = BREAK.split(text)
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
