"""What each command does, as library functions that know nothing of the command line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import InputError, PlanHasErrors
from kehoach.problems import Location, Problem, Severity


@dataclass(frozen=True)
class Made:
    """One document written by `render`: its kind (ke-hoach, quyet-dinh, bao-cao), file, and draft mark."""

    kind: str
    output: Path
    draft: bool


@dataclass(frozen=True)
class RenderResult:
    output: Path
    draft: bool
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # rendered anyway, with --force
    made: list[Made] = field(default_factory=list)  # every document written (three with --doc all)


def default_output(plan_path: Path, doc: str = "ke-hoach") -> Path:
    """Beside the plan, with the same name: data/plan_2024.yaml → data/plan_2024.docx; the decision and the
    report add their kind: data/plan_2024-quyet-dinh.docx, data/plan_2024-bao-cao.docx."""
    from kehoach.render.documents import KINDS, output_path

    return output_path(plan_path, KINDS[doc])


def render(plan_path: Path, output: Path | None = None, template: Path | None = None,
           force: bool = False, doc: str = "ke-hoach", elsewhere: str | None = "-o") -> RenderResult:
    """Read, check and render a plan, or the decision or report made from it (`doc`: ke-hoach, quyet-dinh,
    bao-cao, or all three); write each .docx atomically. Nothing is written on error.

    A plan the checks find errors in is refused, unless `force`: then it is rendered marked as a draft.
    `elsewhere`: the option that writes to another file, for the messages (None for a batch: no -o there).
    """
    from kehoach.check.runner import run_rules
    from kehoach.output import ensure_writable, require_suffix, write_atomic
    from kehoach.source.plan_file import read_plan
    from kehoach.render import documents
    from kehoach.source.reading import forget_inputs

    forget_inputs()  # what this render reads is what its outputs must not replace (kehoach.output)
    kinds = documents.kinds_of(doc)
    if len(kinds) > 1 and output is not None:
        raise InputError("-o chỉ dùng khi tạo một văn bản; với --doc all, mỗi văn bản được ghi cạnh tệp kế hoạch: "
                         f"{', '.join(default_output(plan_path, k.name).name for k in kinds)}", Location(str(output)))
    if len(kinds) > 1 and template is not None:
        raise InputError(documents.TEMPLATE_FOR_ONE, Location(str(template)))
    outputs = [output or default_output(plan_path, kind.name) for kind in kinds]
    if template is not None and not template.exists():
        raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
    for path in outputs:
        if path.resolve() == plan_path.resolve():
            raise InputError("tệp ra trùng với tệp kế hoạch; hãy chọn tên .docx khác", Location(str(path)))
    for path in outputs:
        # Refuse early, before any work, if the document is open in Word.
        ensure_writable(path, elsewhere)
    # After the checks above: writing over an input or a file of another kind is the graver mistake.
    if output is not None:
        pdf = "; muốn có thêm tệp PDF thì thêm --pdf" if output.suffix.lower() == ".pdf" else ""
        require_suffix(output, (".docx",), "văn bản Word", elsewhere or "-o", pdf)
    loaded = read_plan(plan_path, str(plan_path))
    for kind in kinds:
        documents.require_block(kind, loaded.plan, str(plan_path))
    problems = run_rules(loaded, plan_path)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors and not force:
        listing = "\n".join(str(p) for p in errors)
        raise PlanHasErrors(
            f"{listing}\nChưa tạo văn bản vì kế hoạch còn {len(errors)} lỗi; hãy sửa các lỗi trên "
            "(hoặc chạy lại với --force để in bản dự thảo).",
            errors,
        )
    made, data = [], []
    for kind, path in zip(kinds, outputs):  # every document made before any is written
        draft = documents.is_draft(kind, loaded.plan) or bool(errors)
        data.append(documents.render_document(kind, loaded, template or documents.template_for(kind, loaded.plan),
                                                      draft))
        made.append(Made(kind.name, path, draft))
    for document, content in zip(made, data):
        write_atomic(document.output, content, elsewhere)
    return RenderResult(made[0].output, made[0].draft, [p for p in problems if p.severity is not Severity.ERROR],
                        errors, made)


@dataclass(frozen=True)
class ImportResult:
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
    from kehoach.check.runner import check_docx, check_file, plan_files

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

    rule = rules.by_id().get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(rules.by_id()), n=1)
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
    """The JSON Schema of a plan file, with the Vietnamese descriptions of every field."""
    import json

    from typing import Union

    from pydantic import TypeAdapter

    from kehoach.model import bodies

    # One schema for every kind: a file matches the model its `loai:` chooses (kehoach.model.bodies).
    models = tuple(dict.fromkeys([bodies.DEFAULT, *bodies.BY_NAME.values()]))
    union = TypeAdapter(Union[models]).json_schema(by_alias=True)
    # Every key of every kind at the top, for an editor's completion and hover; `anyOf` holds each kind's shape.
    properties: dict = {}
    # The general document first: its body (paragraphs, sections) is the widest; a plan's is sections only.
    for model in sorted(models, key=lambda m: m is not bodies.BY_NAME["van-ban"]):
        for key, value in union["$defs"][model.__name__]["properties"].items():
            properties.setdefault(key, value)
    schema = _without_generated_words({"$defs": union["$defs"], "type": "object", "properties": properties,
                                       "anyOf": union["anyOf"]})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Văn bản hành chính (kehoach)"
    schema["description"] = ("Tệp dữ liệu một văn bản hành chính (Kế hoạch, Quyết định, Báo cáo, Tờ trình, Thông báo,"
                             " Công văn, …) theo thể thức Nghị định 30/2020/NĐ-CP")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _without_generated_words(node):
    """Drop what pydantic writes in English (titles made from names, the classes' docstrings): an editor
    shows the clerk the Vietnamese description of each field instead."""
    if isinstance(node, dict):
        cleaned = {k: _without_generated_words(v) for k, v in node.items() if k != "title"}
        if "properties" in cleaned:  # an object: its docstring is for developers
            cleaned.pop("description", None)
        return cleaned
    if isinstance(node, list):
        return [_without_generated_words(v) for v in node]
    return node
