"""Fill a Word template with a plan: docxtpl with autoescaping, strict undefined names and a sandbox."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kehoach.errors import InputError
from kehoach.problems import Location
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
    from kehoach.sharing import sharing_violation_in
    from kehoach.source.reading import cannot_read, read_docx

    data = read_docx(template, "template")  # a regular file of bounded size, its archive checked
    try:
        document = _template_class()(data)
        document.init_docx()
    except Exception as error:  # python-docx raises many kinds for a file that is not a .docx
        held = sharing_violation_in(error)  # another program locked the file after the guarded read opened it
        if held is not None:
            raise InputError(cannot_read(str(template), held), Location(str(template)), "file-unreadable") from None
        raise InputError(f"không mở được mẫu Word: {_why(error)}; hãy mở mẫu bằng Word, lưu lại dạng .docx"
                         " rồi chạy lại", Location(str(template))) from None
    # The sandbox keeps a clerk's own template from reaching Python internals and bounds what it may cost
    # (render.sandbox); autoescape keeps "Sở Tài chính & Kế hoạch" intact; StrictUndefined turns a misspelled
    # name into an error.
    from kehoach.render.sandbox import TemplateLimit, bounded_run

    env = _environment()
    try:
        with bounded_run():
            document.render(build_context(plan, refs, draft) if context is None else context, jinja_env=env,
                            autoescape=True)
    except TemplateLimit as error:
        raise _failure(error.message, error, document, template) from None
    except SecurityError as error:  # the sandbox refused a tag; nothing of it ran
        raise _failure(_unsafe(error), error, document, template) from None
    except UndefinedError as error:
        raise _failure(f"mẫu Word dùng tên «{_undefined_name(error.message or '')}» không có trong dữ liệu kế hoạch; "
                       "hãy sửa hoặc xóa thẻ {{ … }} này trong mẫu", error, document, template) from None
    except TemplateError as error:
        raise _failure(f"mẫu Word có thẻ Jinja sai: {error.message}; hãy sửa thẻ trong mẫu", error, document,
                       template) from None
    except RecursionError as error:
        raise _failure("mẫu Word gọi lồng nhau quá sâu (một macro hoặc vòng lặp recursive gọi lại chính nó mãi); "
                       "hãy sửa thẻ này trong mẫu", error, document, template) from None
    except OverflowError as error:  # 10.0 ** 1000: a float beyond its range
        raise _failure("mẫu Word tính ra một số quá lớn; hãy sửa thẻ này trong mẫu", error, document, template) from None
    except MemoryError as error:
        raise _failure("mẫu Word cần quá nhiều bộ nhớ (chuỗi, danh sách hoặc vòng lặp quá lớn); hãy sửa thẻ này "
                       "trong mẫu", error, document, template) from None
    except Exception as error:  # a tag failing as it runs: 1/0, 'a' + 1, int('x') …
        raise _failure(f"mẫu Word có thẻ chạy lỗi ({type(error).__name__}: {error}); hãy sửa thẻ này trong mẫu",
                       error, document, template) from None
    finish(document.docx, plan, plan.is_draft if draft is None else draft)
    return deterministic_bytes(document)


def _failure(message: str, error: BaseException, document, template: Path) -> InputError:
    """A template failure as the clerk finds it in Word: the template, its part and paragraph, what is wrong."""
    part = getattr(document, "current_rendering_part", None)
    source = getattr(document, "current_source", None)
    lineno = getattr(error, "lineno", None) or _template_line(error)
    where = [_part_name(part)]
    if source is not None and lineno:
        # docxtpl puts each paragraph on its own line before compiling: line 1 holds what precedes the first.
        lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", source).splitlines()
        if 1 < lineno <= len(lines):
            text = " ".join(re.sub(r"<[^>]+>", "", lines[lineno - 1]).split())
            text = text if len(text) <= 60 else text[:59] + "…"
            where.append(f"đoạn {lineno - 1}" + (f" «{text}»" if text else ""))
    return InputError(f"{', '.join(where)}: {message}", Location(str(template)))


def _template_line(error: BaseException) -> int | None:
    """The template line a runtime error happened on (Jinja rewrites the traceback to the template's lines)."""
    found = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _part_name(part) -> str:
    """The part of the template as a clerk knows it in Word."""
    name = str(getattr(part, "partname", "") or "")
    if not name:
        return "phần thuộc tính của tệp (File › Info)"
    base = name.rsplit("/", 1)[-1]
    if base.startswith("header"):
        return f"phần đầu trang (Header, {base})"
    if base.startswith("footer"):
        return f"phần chân trang (Footer, {base})"
    if base.startswith("footnotes"):
        return "phần chú thích cuối trang"
    return "phần thân văn bản"


# Matched only when a template fails: compiled then (re keeps them), not at every render's start.
_UNSAFE = r"access to attribute '([^']*)' of '[^']*' object is unsafe"
_UNDEFINED = r"^'([^']*)' is undefined$|has no attribute '([^']*)'$"


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
    m = re.search(_UNSAFE, str(error))
    what = f" «{m.group(1)}»" if m else ""
    return (f"mẫu Word có thẻ truy cập thuộc tính nội bộ{what} của Python, bị từ chối vì lý do an toàn; "
            "hãy xóa thẻ này khỏi mẫu")


def _undefined_name(message: str) -> str:
    m = re.search(_UNDEFINED, message)
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
            current_source: str | None = None  # what is being rendered, to say where a failure is

            def patch_xml(self, src_xml: str) -> str:
                return template_cache.patched(src_xml, super().patch_xml, docxtpl.__version__)

            def render_xml_part(self, src_xml, part, context, jinja_env=None):
                self.current_rendering_part, self.current_source = part, src_xml
                return super().render_xml_part(src_xml, part, context, jinja_env)

            def render_properties(self, context, jinja_env=None) -> None:
                self.current_rendering_part = self.current_source = None
                super().render_properties(context, jinja_env)

            # What follows skips docxtpl's work where it would give back what it was given, byte for byte: a part
            # of the template that holds no tag (the default template's headers hold a page number, nothing else).

            def get_headers_footers(self, uri):
                """The headers or footers docxtpl fills: those with a tag. docxtpl serialises each, prepares it,
                renders it with Jinja and parses the result again; for a part with no tag the result is the part."""
                for rel_key, part in super().get_headers_footers(uri):
                    if not _verbatim(self.get_part_xml(part)):
                        yield rel_key, part

            def render_footnotes(self, context, jinja_env=None) -> None:
                """docxtpl walks every part of the package once per section for a footnotes part to fill: a
                template has none, or one with no tag, unless a clerk put tags in its notes."""
                package = self.docx.part.package
                if any(part.content_type == _FOOTNOTES and not _verbatim_blob(part.blob)
                       for part in package.iter_parts()):
                    super().render_footnotes(context, jinja_env)

            def resolve_listing(self, xml: str) -> str:
                """docxtpl turns tabs, newlines and its \\a and \\f in text into Word's tabs, breaks and
                paragraphs with a regular expression per paragraph, run and text: nothing to do without them."""
                return super().resolve_listing(xml) if any(c in xml for c in _LISTING) else xml

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

        from kehoach.render import template_cache
        from kehoach.render.sandbox import MAX_OUTPUT, BoundedSandbox, TemplateLimit, check_source

        class CachingSandbox(BoundedSandbox):
            compiled: dict = {}

            def from_string(self, source, globals=None, template_class=None):
                if globals is not None or template_class is not None or not isinstance(source, str):
                    return super().from_string(source, globals, template_class)
                if _verbatim(source) and len(source) <= MAX_OUTPUT:
                    return _Verbatim(source)  # the document properties docxtpl renders one by one: mostly plain
                if source not in self.compiled:
                    if len(self.compiled) >= 16:  # a few templates, each with its headers and properties
                        self.compiled.clear()
                    code = template_cache.compiled(self, source, self.checked_compile)
                    self.compiled[source] = self.template_class.from_code(self, code, self.make_globals(None))
                return self.compiled[source]

            def checked_compile(self, source: str):
                """Compiled code, after the checks no compiler makes (render.sandbox.check_source)."""
                check_source(self, source)
                try:
                    return self.compile(source)
                except (RecursionError, MemoryError, SyntaxError):  # expressions nested beyond what Python compiles
                    raise TemplateLimit("mẫu Word có biểu thức lồng nhau quá sâu (quá nhiều dấu ngoặc hoặc thẻ lồng "
                                        "nhau); hãy viết đơn giản hơn") from None

        _ENVIRONMENT = CachingSandbox(autoescape=True, undefined=StrictUndefined)
    return _ENVIRONMENT


_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: What docxtpl's resolve_listing turns into Word's own elements (tab, line break, paragraph, page break).
_LISTING = "\t\n\a\f"


def _verbatim(source: str) -> bool:
    """Whether Jinja and docxtpl give `source` back unchanged: no tag can start without «{» (and docxtpl's preparation
    of a part only acts around «{»…«}»); Jinja itself changes only line endings and a newline at the very end."""
    return not any(c in source for c in "{}\r") and not any(c in source for c in _LISTING)


def _verbatim_blob(blob) -> bool:
    """`_verbatim` for a part's bytes; bytes that are not UTF-8 are left to docxtpl (and its error)."""
    try:
        return _verbatim(blob.decode("utf-8") if isinstance(blob, bytes) else blob)
    except UnicodeDecodeError:
        return False


class _Verbatim:
    """A template of plain text, as Jinja would render it: the text itself (see `_verbatim`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, *args, **kwargs) -> str:
        return self.text
