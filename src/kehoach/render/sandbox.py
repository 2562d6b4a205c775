"""The sandbox a Word template runs in: no reaching into Python, and bounded in every resource.

Jinja's SandboxedEnvironment keeps a clerk's template from Python's internals; it does not keep it from
asking for a number with a hundred million digits (`{{ 9 ** 99999999 }}`), a string of a billion letters
(`'a' * 10**9`), a loop of ten billion turns or a macro that calls itself. Each of those would hang the run
or exhaust memory. Here every one is bounded, before the costly operation where it is a single one:
- numbers: `**` and `*` refuse a result beyond MAX_BITS; text and lists: `*`, `+`, `~`, `join`, `replace`,
  the padding methods and filters refuse a result beyond MAX_TEXT, `range` beyond MAX_RANGE items;
- time and work: a trace hook counts the template's lines (MAX_STEPS) and watches the clock (DEADLINE);
- output: what a part of the document renders to is refused beyond MAX_OUTPUT;
- nesting and other files: `check_source` refuses, before compiling, tags nested deeper than MAX_NESTING
  (Python's compiler fails on them) and `{% include %}`, `{% import %}`, `{% extends %}`: a template is
  one file, and there is no loader to reach others.
Every refusal is a `TemplateLimit`, which kehoach.render.docx_writer reports with the part and paragraph.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import Any

from jinja2.compiler import CodeGenerator
from jinja2.exceptions import TemplateError
from jinja2.sandbox import SandboxedEnvironment

MAX_BITS = 4096  # about 1,200 digits: an amount of money has 15
MAX_TEXT = 10_000_000  # characters in one value: a plan file is at most 2 MB
MAX_OUTPUT = 50_000_000  # characters a part of the document renders to
MAX_RANGE = 100_000  # items of range(); Jinja's own sandbox limit
MAX_STEPS = 2_000_000  # template lines run in one render (the default template runs a few thousand)
DEADLINE = 5.0  # seconds of one render
MAX_NESTING = 30  # tags inside tags ({% if %} in {% for %} …); Python's compiler gives up near 100
MAX_WIDTH = 100_000  # a width, count or length given to a filter or a string method

_FORBIDDEN = {"include": "include", "import": "import", "from": "from … import", "extends": "extends"}
_NESTING = frozenset({"for", "if", "macro", "call", "filter", "with", "autoescape", "trans"})
_END = frozenset(f"end{tag}" for tag in _NESTING)
_WIDTH_IN_FORMAT = r"%[-+ #0]*(\d{6,})|\{[^{}]*?:[^{}]*?(\d{6,})"  # compiled at first use (re keeps it)


class TemplateLimit(TemplateError):
    """A template went beyond a limit; `message` says which, in Vietnamese; `lineno`: where, when known."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)  # TemplateError keeps it as `message`
        self.lineno = lineno


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _too_long(what: str) -> TemplateLimit:
    return TemplateLimit(f"{what} quá dài (hơn {_number(MAX_TEXT)} ký tự); hãy sửa thẻ này trong mẫu")


def _too_big(what: str) -> TemplateLimit:
    return TemplateLimit(f"{what} cho một số quá lớn (hơn {_number(MAX_BITS)} bit, khoảng 1.200 chữ số); hãy sửa thẻ"
                         " này trong mẫu")


def _bits(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value.bit_length()


def _size(value: Any) -> int | None:
    """The length of a text or a list (what repetition multiplies), None for anything else."""
    return len(value) if isinstance(value, (str, list, tuple, bytes)) else None


def _check_power(left: Any, right: Any) -> None:
    if isinstance(right, (int, float)) and not isinstance(right, bool) and right > 0:
        base = abs(left) if isinstance(left, (int, float)) and not isinstance(left, bool) else 0
        if base > 1 and right * math.log2(base) > MAX_BITS:
            raise _too_big("phép lũy thừa (**)")


def _check_times(left: Any, right: Any) -> None:
    for seq, count in ((left, right), (right, left)):
        size = _size(seq)
        if size is not None and isinstance(count, int) and size * max(count, 0) > MAX_TEXT:
            raise _too_long("chuỗi hoặc danh sách nhân lên (*)")
    if _bits(left) + _bits(right) > MAX_BITS:
        raise _too_big("phép nhân (*)")


def _check_plus(left: Any, right: Any) -> None:
    a, b = _size(left), _size(right)
    if a is not None and b is not None and a + b > MAX_TEXT:
        raise _too_long("chuỗi hoặc danh sách ghép (+)")


def _check_format_text(text: Any) -> None:
    if isinstance(text, str) and re.search(_WIDTH_IN_FORMAT, text):
        raise TemplateLimit(f"chuỗi định dạng có độ rộng quá lớn (hơn {_number(MAX_WIDTH)}); hãy sửa thẻ này trong mẫu")


def _check_widths(name: str, args: Iterable[Any]) -> None:
    for value in args:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
            raise TemplateLimit(f"«{name}» nhận số {_number(value)}, quá giới hạn {_number(MAX_WIDTH)}; hãy sửa thẻ"
                                " này trong mẫu")


def _check_mod(left: Any, right: Any) -> None:
    _check_format_text(left)


_BINOP_CHECKS: dict[str, Callable[[Any, Any], None]] = {"**": _check_power, "*": _check_times, "+": _check_plus,
                                                         "%": _check_mod}
#: Filters and string methods whose numbers are sizes (a width, a count of items or of slices).
_SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice", "filesizeformat")
_SIZED_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def _bounded_filter(name: str, function: Callable) -> Callable:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_widths(name, list(args[1:]) + list(kwargs.values()))
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg",):  # keeps @pass_environment / @pass_context working
        if hasattr(function, attribute):
            setattr(bounded, attribute, getattr(function, attribute))
    return bounded


def _bounded_format(function: Callable) -> Callable:
    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_format_text(value)
        return function(value, *args, **kwargs)

    return bounded


def _bounded_join(function: Callable) -> Callable:
    def bounded(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        if isinstance(value, (list, tuple)) and isinstance(d, str) and len(d) * len(value) > MAX_TEXT:
            raise _too_long("chuỗi nối (join)")
        return function(eval_ctx, value, d, attribute)

    bounded.jinja_pass_arg = function.jinja_pass_arg  # @pass_eval_context, as Jinja's own
    return bounded


def _range(*args: Any) -> range:
    for value in args:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TemplateLimit("range() chỉ nhận số nguyên; hãy sửa thẻ này trong mẫu")
    made = range(*args)
    if len(made) > MAX_RANGE:
        raise TemplateLimit(f"range() cho {_number(len(made))} phần tử, quá giới hạn {_number(MAX_RANGE)}; hãy sửa"
                            " thẻ này trong mẫu")
    return made


def _concat_parts(parts: tuple) -> tuple:
    """The operands of `~`, refused before they are joined when the result would be too long."""
    if sum(len(part) for part in parts if isinstance(part, str)) > MAX_TEXT:
        raise _too_long("chuỗi ghép (~)")
    return parts


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with `a ~ b` passing its operands through `_concat_parts` first."""

    def visit_Concat(self, node, frame) -> None:  # noqa: N802 (Jinja's visitor names)
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"{join}(environment.concat_parts((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write(")))")


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with the limits of this module."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset(_BINOP_CHECKS)
    concat_parts = staticmethod(_concat_parts)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = dict(self.filters)
        for name in _SIZED_FILTERS:
            if name in self.filters:
                self.filters[name] = _bounded_filter(name, self.filters[name])
        self.filters["format"] = _bounded_format(self.filters["format"])
        self.filters["join"] = _bounded_join(self.filters["join"])
        self.globals = dict(self.globals, range=_range)
        if "lipsum" in self.globals:
            self.globals["lipsum"] = _bounded_filter("lipsum", self.globals["lipsum"])

    def wrap_str_format(self, value: Any):
        """`'…'.format` taken in a template (the sandbox wraps it here): its widths are bounded first."""
        if getattr(value, "__name__", "") in ("format", "format_map"):
            _check_format_text(getattr(value, "__self__", None))
        return super().wrap_str_format(value)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        _BINOP_CHECKS[operator](left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            if name in _SIZED_METHODS:
                _check_widths(name, list(args) + list(kwargs.values()))
            elif name in ("format", "format_map"):
                _check_format_text(owner)
            elif name == "join":
                items = args[0] if args else None
                if isinstance(items, (list, tuple)) and (len(owner) * len(items)
                                                         + sum(map(len, filter(_is_str, items)))) > MAX_TEXT:
                    raise _too_long("chuỗi nối (join)")
            elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
                grows = max(len(args[1]) - len(args[0]), 0) * (owner.count(args[0]) if args[0] else len(owner) + 1)
                if len(owner) + grows > MAX_TEXT:
                    raise _too_long("chuỗi thay thế (replace)")
        return super().call(__context, __obj, *args, **kwargs)

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        """What a part renders to, refused beyond MAX_OUTPUT (Template.render joins with this)."""
        kept, total = [], 0
        for part in parts:
            total += len(part)
            if total > MAX_OUTPUT:
                raise TemplateLimit(f"mẫu tạo ra quá nhiều chữ (hơn {_number(MAX_OUTPUT)} ký tự), thường do vòng lặp"
                                    " lồng nhau; hãy sửa các vòng lặp trong mẫu")
            kept.append(part)
        return "".join(kept)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def check_source(environment: SandboxedEnvironment, source: str) -> None:
    """Refuse, before compiling, tags nested too deep and tags that would read other files."""
    depth = 0
    expect_name = False
    for lineno, token, value in environment.lex(source):
        if token == "block_begin":
            expect_name = True
            continue
        if token == "whitespace":
            continue
        if expect_name and token == "name":
            if value in _FORBIDDEN:
                raise TemplateLimit(f"thẻ {{% {_FORBIDDEN[value]} %}} đọc một tệp mẫu khác, điều kehoach không cho"
                                    " phép (mẫu Word chỉ gồm chính nó); hãy chép nội dung cần dùng vào mẫu rồi xóa"
                                    " thẻ này", lineno)
            if value in _NESTING:
                depth += 1
                if depth > MAX_NESTING:
                    raise TemplateLimit(f"các thẻ {{% … %}} lồng nhau quá sâu (hơn {MAX_NESTING} tầng); hãy tách"
                                        " bớt điều kiện và vòng lặp", lineno)
            elif value in _END:
                depth = max(depth - 1, 0)
        expect_name = False


@contextmanager
def bounded_run():
    """While rendering: count the template's lines and watch the clock (TemplateLimit beyond either)."""
    started = time.monotonic()
    steps = 0
    previous = sys.gettrace()

    def line(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
            if steps > MAX_STEPS:
                raise TemplateLimit(f"mẫu chạy quá nhiều bước (hơn {_number(MAX_STEPS)}), thường do vòng lặp lồng"
                                    " nhau; hãy sửa các vòng lặp trong mẫu")
            if not steps & 0x3FF and time.monotonic() - started > DEADLINE:
                raise TemplateLimit(f"mẫu chạy quá lâu (hơn {DEADLINE:g} giây); hãy sửa các vòng lặp trong mẫu")
        return line

    def call(frame, event, arg):
        # Only the template's own code is traced line by line; Jinja's and kehoach's run untraced.
        if frame.f_code.co_filename == "<template>":
            return line
        if time.monotonic() - started > DEADLINE:
            raise TemplateLimit(f"mẫu chạy quá lâu (hơn {DEADLINE:g} giây); hãy sửa các vòng lặp trong mẫu")
        return None

    sys.settrace(call)
    try:
        yield
    finally:
        sys.settrace(previous)
