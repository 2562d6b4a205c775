"""The sentences kehoach writes, as Jinja templates from a kind's data or a document's `cau_chu`, in a sandbox:
the names a template may use, what is wrong with one (checked when a file is read, kehoach.source.plan_file),
and the sentence it makes (filled when a document is composed, kehoach.render.wording).

A sentence is text for the Word template, not markup: no escaping here (docxtpl escapes the result), and a
sandbox, because a document's data may come from anyone.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from kehoach.errors import SentenceError

#: The names a sentence template can use (kehoach.render.wording.sentence_names).
SENTENCE_NAMES = ("co_quan", "loai", "trich_yeu", "so_ky_hieu", "ngay", "ngay_day_du", "kinh_gui", "de_nghi", "thi_hanh",
                  "tham_quyen", "tham_quyen_in_hoa", "van_ban_kem_theo", "ten_van_ban_kem_theo", "van_ban_goc", "ve_trich_yeu_goc",
                  "hieu_luc")


@cache
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@cache
def _compiled(template: str):
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
    try:
        return _compiled(template).render(**names)
    except TemplateError as error:
        raise SentenceError(f"không ghép được câu từ mẫu «{template}» ({error})") from None
