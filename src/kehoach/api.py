"""What each command does, as library functions that know nothing of the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kehoach.errors import InputError
from kehoach.problems import Location

if TYPE_CHECKING:
    from kehoach.render.pipeline import RenderResult


def render(plan_path: Path, output: Path | None = None, template: Path | None = None,
           force: bool = False, doc: str = "ke-hoach", elsewhere: str | None = "-o") -> RenderResult:
    """Read, check and render a plan, or the decision or report made from it (`doc`: ke-hoach, quyet-dinh,
    bao-cao, or all three); write each .docx atomically. Nothing is written on error
    (kehoach.render.pipeline.render says how)."""
    from kehoach.render import pipeline

    return pipeline.render(plan_path, output, template, force, doc, elsewhere)


class ImportResult(NamedTuple):
    output: Path
    reviews: int  # places marked xem_lai: what kehoach could not recognise, kept as text


def import_docx(docx_path: Path, output: Path | None = None) -> ImportResult:
    """Read an issued Word document and write its kehoach data file (beside it, .yaml, unless `output`).

    Never writes over the Word file nor over any existing file: the clerk's files are never replaced.
    """
    from kehoach.errors import OutputError
    from kehoach.features.importer import import_docx as read_back
    from kehoach.output import ensure_writable, write_atomic

    from kehoach.source.reading import open_input

    if not docx_path.exists():
        raise InputError("không tìm thấy tệp Word; kiểm tra lại đường dẫn", Location(str(docx_path)), "file-unreadable")
    open_input(docx_path, "docx").close()  # a folder, a FIFO, a device, a file too large: said before anything else
    output = output or docx_path.with_suffix(".yaml")
    if output.resolve() == docx_path.resolve():
        raise InputError("tệp ra trùng với tệp Word đang đọc; hãy chọn tên .yaml khác bằng -o", Location(str(output)),
                         "input")
    if output.exists():
        raise OutputError(f"đã có tệp «{output}»; kehoach import không ghi đè. Hãy chọn tên khác bằng -o",
                          Location(str(output)))
    ensure_writable(output)
    made = read_back(docx_path)
    if output.exists():  # made meanwhile by another program: still never replaced
        raise OutputError(f"đã có tệp «{output}»; kehoach import không ghi đè. Hãy chọn tên khác bằng -o",
                          Location(str(output)))
    write_atomic(output, made.text.encode("utf-8"))
    return ImportResult(output, made.reviews)


def check(paths: Sequence[Path], today=None, layout: str | None = None):
    """Check plan files and folders of plans, and Word documents named one by one; one report per file.
    `layout` (nd30, hd36): the layout profile Word documents are checked against, instead of the one each shows."""
    from kehoach.check.runner import check_docx, check_file
    from kehoach.source.files import plan_files

    files = plan_files(paths)
    if not files:
        raise InputError("không có tệp kế hoạch .yaml nào để kiểm tra", Location(" ".join(map(str, paths)) or "."),
                         "file-unreadable")
    # A .docx is checked for its layout (the docx-… rules); a folder gives only its YAML plans.
    return [check_docx(path, str(path), profile=layout) if path.suffix.lower() == ".docx" else check_file(path, str(path), today=today)
            for path in files]


def explain(rule_id: str) -> str:
    """A rule's manual: its id, default level and docstring."""
    import difflib

    from kehoach import rules

    rule = rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, rules.ids(), n=1)
        hint = f"; có phải «{close[0]}»?" if close else "; xem danh sách bằng «kehoach rules»"
        raise InputError(f"không có quy tắc «{rule_id}»{hint}", Location(rule_id), "config-invalid")
    doc = (rule.__doc__ or "").strip()
    return f"{rule.ID} (mặc định: {rule.SEVERITY.label})\n\n{doc}"


def rules_table() -> str:
    """One line per rule: id, default level, summary."""
    from kehoach import rules

    rows = [(r.ID, r.SEVERITY.label, rules.summary(r)) for r in rules.all_rules()]
    width = max(len(r[0]) for r in rows)
    level = max(len(r[1]) for r in rows)
    return "\n".join(f"{i.ljust(width)}  {s.ljust(level)}  {text}" for i, s, text in rows)


#: The families of document types (kehoach.conventions.doctypes), as a clerk calls them.
_FAMILIES = {"hanh_chinh": "hành chính", "ban_sao": "bản sao", "quy_pham": "quy phạm pháp luật", "hop_nhat": "hợp nhất",
             "dang": "của Đảng"}


def types_table() -> str:
    """The document types (ND30 Phụ lục III): name, abbreviation in the symbol, family; then what `loai:` takes."""
    from kehoach.conventions import doctypes

    rows = [("Loại văn bản", "Viết tắt", "Nhóm")]
    rows += [(t.name, t.abbreviation or "-", _FAMILIES.get(t.family, t.family)) for t in doctypes.all_types()]
    name, short = (max(len(r[i]) for r in rows) for i in (0, 1))
    lines = [f"{a.ljust(name)}  {b.ljust(short)}  {c}" for a, b, c in rows]
    lines.insert(1, f"{'-' * name}  {'-' * short}  {'-' * max(len(r[2]) for r in rows)}")
    return "\n".join(lines) + (
        "\n\nkehoach soạn được các loại văn bản hành chính có chữ viết tắt (ghép thành ký hiệu như KH-UBND);"
        "\nmọi loại trong bảng đều dùng được khi trích dẫn văn bản (van_ban:).")


def json_schema() -> str:
    """The JSON Schema of a plan file, with the Vietnamese descriptions of every field (kehoach.model.schema)."""
    from kehoach.model import schema

    return schema.json_schema()
