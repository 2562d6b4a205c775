"""Fill a Word template with a plan: docxtpl with autoescaping, strict undefined names and a sandbox."""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import InputError, Location
from kehoach.model import Plan
from kehoach.references import References
from kehoach.render.context import build_context
from kehoach.render.package import deterministic_bytes


def render_bytes(plan: Plan, template: Path, refs: References | None = None) -> bytes:
    """The finished .docx for `plan`, filled into `template`, as bytes (nothing is written)."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined, TemplateError, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    from kehoach.render.finish import finish

    try:
        document = DocxTemplate(template)
        document.init_docx()
    except Exception as error:  # python-docx raises many kinds for a file that is not a .docx
        raise InputError(f"không mở được mẫu Word: {_why(error)}; hãy chọn một tệp .docx hợp lệ",
                         Location(str(template))) from None
    # The sandbox keeps a clerk's own template from reaching Python internals; autoescape keeps
    # "Sở Tài chính & Kế hoạch" intact; StrictUndefined turns a misspelled name into an error.
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        document.render(build_context(plan, refs), jinja_env=env, autoescape=True)
    except UndefinedError as error:
        raise InputError(f"mẫu Word dùng một tên không có trong dữ liệu kế hoạch ({error.message}); "
                         "hãy sửa thẻ {{ … }} trong mẫu", Location(str(template))) from None
    except TemplateError as error:
        near = " ".join(line.strip() for line in getattr(error, "docx_context", []) if line.strip())
        where = f" gần «{near[:120]}»" if near else ""
        raise InputError(f"mẫu Word có thẻ Jinja sai{where}: {error.message}; hãy sửa thẻ trong mẫu",
                         Location(str(template))) from None
    finish(document.docx, plan)
    return deterministic_bytes(document)


def _why(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
