"""The sentences kehoach writes, as Jinja templates from a kind's data or a document's `cau_chu`, in a sandbox:
the names a template may use, what is wrong with one (checked when a file is read, kehoach.source.plan_file),
and the sentence it makes (filled when a document is composed, kehoach.kinds.wording).

A sentence is text for the Word template, not markup: no escaping here (docxtpl escapes the result), and a
sandbox, because a document's data may come from anyone. Most sentences only place names («Danh mục nhiệm vụ thực
hiện {{ loai }}»): those are filled without Jinja, which is loaded only for a sentence that does more (an `if`, a
filter) — `kehoach import` and `check` need no Jinja for the kinds' own wording.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from kehoach.errors import SentenceError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

#: The names a sentence template can use (kehoach.kinds.wording.sentence_names).
SENTENCE_NAMES = ("co_quan", "loai", "trich_yeu", "so_ky_hieu", "ngay", "ngay_day_du", "kinh_gui", "de_nghi", "thi_hanh",
                  "tham_quyen", "tham_quyen_in_hoa", "van_ban_kem_theo", "ten_van_ban_kem_theo", "van_ban_goc", "ve_trich_yeu_goc",
                  "hieu_luc")
#: Names one sentence alone can use, given where it is written: an article's number (each «Điều n.» label), the
#: places the issuer keeps its copies («Lưu: VT, LĐTBXH»; kehoach.kinds.wording.archive_places).
OWN_NAMES = {"nhan-dieu": ("n",), "dong-luu": ("noi_luu",)}


def names_for(sentence: str) -> tuple[str, ...]:
    """The names sentence `sentence` can use: every sentence's, and its own (OWN_NAMES)."""
    return SENTENCE_NAMES + OWN_NAMES.get(sentence, ())


#: A sentence that only places names: text with no brace and no carriage return, and `{{ name }}`s.
_PLAIN = re.compile(r"(?:[^{}\r]|\{\{ ?[a-z_]+ ?\}\})*")
_NAME = re.compile(r"\{\{ ?([a-z_]+) ?\}\}")


@cache
def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@cache
def _compiled(template: str):
    from jinja2 import TemplateError

    try:
        return _environment().from_string(template)
    except TemplateError as error:
        raise SentenceError(f"mẫu câu viết sai cú pháp Jinja ({error.message})") from None


def check_sentence(template: str, names: list[str] | tuple[str, ...]) -> str | None:
    """What is wrong with a sentence template, or None: syntax, or a name that kehoach does not give."""
    try:
        _compiled(template)
    except SentenceError as error:
        return str(error)
    from jinja2 import meta

    used = meta.find_undeclared_variables(_environment().parse(template))
    unknown = sorted(used - set(names))
    if unknown:
        return (f"mẫu câu dùng tên không có: {', '.join(unknown)}; các tên dùng được: {', '.join(names)}")
    return None


def render_sentence(template: str, names: dict[str, Any]) -> str:
    """The sentence `template` makes with `names`; SentenceError when it fails as it runs (a name used as what it
    is not, 1/0, 'a' - 1 …: the template may come from the document's own `cau_chu`)."""
    if _PLAIN.fullmatch(template) and all(name in names for name in _NAME.findall(template)):
        # What Jinja makes of it: each name's text in its place, the one last line end dropped.
        return _NAME.sub(lambda m: str(names[m.group(1)]), template.removesuffix("\n"))
    try:
        return _compiled(template).render(**names)
    except Exception as error:  # noqa: BLE001 - whatever the template's code raises is the template's mistake
        raise SentenceError(f"không ghép được câu từ mẫu «{template}»: {_why(error)}; hãy sửa mẫu này",
                            template) from None


def _why(error: Exception) -> str:
    """What a template did wrong as it ran, in Vietnamese (Jinja and Python say it in English)."""
    from jinja2.exceptions import SecurityError, UndefinedError

    if isinstance(error, UndefinedError):
        return ("mẫu dùng một tên hay thuộc tính không có (mỗi tên là một đoạn chữ, hãy viết như {{ kinh_gui }}, không"
                " thêm «.» hay «[…]» sau tên)")
    if isinstance(error, SecurityError):
        return "mẫu làm một việc không được phép trong một câu văn"
    if isinstance(error, ZeroDivisionError):
        return "mẫu chia cho 0"
    if isinstance(error, TypeError):
        return "mẫu tính toán trên chữ như trên số"
    return f"mẫu gặp lỗi khi ghép câu ({type(error).__name__})"
