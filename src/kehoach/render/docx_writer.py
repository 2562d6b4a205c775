"""Fill a Word template with a plan: docxtpl with autoescaping, strict undefined names and a sandbox."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kehoach.errors import InputError, Location
from kehoach.model.plan import Plan
from kehoach.model.references import References
from kehoach.render.context import build_context
from kehoach.render.package import deterministic_bytes


def render_bytes(plan: Plan, template: Path, refs: References | None = None, draft: bool | None = None,
                 context: dict | None = None) -> bytes:
    """The finished .docx for `plan`, filled into `template`, as bytes (nothing is written).

    `context`: what the template prints, when it is not the plan itself (the decision or the report made from
    it, kehoach.render.documents); `plan` then describes that document (its number, date, summary).
    """
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    from kehoach.render.finish import finish

    try:
        document = _template_class()(template)
        document.init_docx()
    except Exception as error:  # python-docx raises many kinds for a file that is not a .docx
        raise InputError(f"không mở được mẫu Word: {_why(error)}; hãy mở mẫu bằng Word, lưu lại dạng .docx"
                         " rồi chạy lại", Location(str(template))) from None
    # The sandbox keeps a clerk's own template from reaching Python internals; autoescape keeps
    # "Sở Tài chính & Kế hoạch" intact; StrictUndefined turns a misspelled name into an error.
    env = _environment()
    try:
        document.render(build_context(plan, refs, draft) if context is None else context, jinja_env=env,
                        autoescape=True)
    except SecurityError as error:  # the sandbox refused a tag; nothing of it ran
        raise InputError(_unsafe(error), Location(str(template))) from None
    except UndefinedError as error:
        raise InputError(f"mẫu Word dùng tên «{_undefined_name(error.message or '')}» không có trong dữ liệu kế hoạch; "
                         "hãy sửa hoặc xóa thẻ {{ … }} này trong mẫu", Location(str(template))) from None
    except TemplateError as error:
        near = " ".join(line.strip() for line in getattr(error, "docx_context", []) if line.strip())
        where = f" gần «{near[:120]}»" if near else ""
        raise InputError(f"mẫu Word có thẻ Jinja sai{where}: {error.message}; hãy sửa thẻ trong mẫu",
                         Location(str(template))) from None
    finish(document.docx, plan, plan.is_draft if draft is None else draft)
    return deterministic_bytes(document)


_UNSAFE = re.compile(r"access to attribute '([^']*)' of '[^']*' object is unsafe")
_UNDEFINED = re.compile(r"^'([^']*)' is undefined$|has no attribute '([^']*)'$")


def _why(error: Exception) -> str:
    """Why a template cannot be opened, in Vietnamese (the libraries' messages are English)."""
    if isinstance(error, zipfile.BadZipFile):
        return "tệp không phải văn bản Word .docx (có thể là tệp .doc cũ hoặc tệp khác được đổi tên)"
    if isinstance(error, (FileNotFoundError, IsADirectoryError)):
        return "không tìm thấy tệp"
    if isinstance(error, PermissionError):
        return "không có quyền đọc tệp"
    return "tệp không phải văn bản Word .docx hợp lệ hoặc đã bị hỏng"


def _unsafe(error: Exception) -> str:
    """The sandbox refused a tag reaching into Python (`''.__class__…`): say so, never run it."""
    m = _UNSAFE.search(str(error))
    what = f" «{m.group(1)}»" if m else ""
    return (f"mẫu Word có thẻ truy cập thuộc tính nội bộ{what} của Python, bị từ chối vì lý do an toàn; "
            "hãy xóa thẻ này khỏi mẫu")


def _undefined_name(message: str) -> str:
    m = _UNDEFINED.search(message)
    return (m.group(1) or m.group(2)) if m else message


_ENVIRONMENT = None
_TEMPLATE_CLASS = None


def _template_class():
    """docxtpl's DocxTemplate, with its XML preparation kept between plans and runs (render.template_cache)."""
    global _TEMPLATE_CLASS
    if _TEMPLATE_CLASS is None:
        import docxtpl

        from kehoach.render import template_cache

        class KeptPatchTemplate(docxtpl.DocxTemplate):
            def patch_xml(self, src_xml: str) -> str:
                return template_cache.patched(src_xml, super().patch_xml, docxtpl.__version__)

        _TEMPLATE_CLASS = KeptPatchTemplate
    return _TEMPLATE_CLASS


def _environment():
    """The sandboxed Jinja2 environment, one per process, keeping the templates it compiled.

    docxtpl compiles the whole XML of the Word template with `from_string` on every render; the same
    template gives the same XML, so a process rendering many plans (kehoach render data/) compiles it once,
    and a single render loads the code compiled by an earlier run (render.template_cache).
    """
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        from jinja2 import StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from kehoach.render import template_cache

        class CachingSandbox(SandboxedEnvironment):
            compiled: dict = {}

            def from_string(self, source, globals=None, template_class=None):
                if globals is not None or template_class is not None or not isinstance(source, str):
                    return super().from_string(source, globals, template_class)
                if source not in self.compiled:
                    if len(self.compiled) >= 16:  # a few templates, each with its headers and properties
                        self.compiled.clear()
                    code = template_cache.compiled(self, source)
                    self.compiled[source] = self.template_class.from_code(self, code, self.make_globals(None))
                return self.compiled[source]

        _ENVIRONMENT = CachingSandbox(autoescape=True, undefined=StrictUndefined)
    return _ENVIRONMENT
