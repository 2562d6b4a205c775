"""What each command does, as library functions that know nothing of the command line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import InputError, KehoachError, Location
from kehoach.problems import Problem, Severity


class PlanHasErrors(KehoachError):
    """The checks found errors; the plan is not rendered unless the clerk insists (as a draft)."""

    exit_code = 1


@dataclass(frozen=True)
class RenderResult:
    output: Path
    draft: bool
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # rendered anyway, with --force


def default_output(plan_path: Path) -> Path:
    """Beside the plan, with the same name: data/plan_2024.yaml → data/plan_2024.docx."""
    return plan_path.with_suffix(".docx")


def render(plan_path: Path, output: Path | None = None, template: Path | None = None,
           force: bool = False) -> RenderResult:
    """Read, check and render a plan; write the .docx atomically. Nothing is written on error.

    A plan the checks find errors in is refused, unless `force`: then it is rendered marked as a draft.
    """
    from kehoach.lint import run_rules
    from kehoach.output import ensure_writable, write_atomic
    from kehoach.plan_file import read_plan
    from kehoach.render.docx_writer import render_bytes
    from kehoach.render.templates import default_template

    output = output or default_output(plan_path)
    if template is not None and not template.is_file():
        raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
    if output.resolve() == plan_path.resolve():
        raise InputError("tệp ra trùng với tệp kế hoạch; hãy chọn tên .docx khác", Location(str(output)))
    # Refuse early, before any work, if the document is open in Word.
    ensure_writable(output)
    loaded = read_plan(plan_path, str(plan_path))
    problems = run_rules(loaded, plan_path)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors and not force:
        listing = "\n".join(str(p) for p in errors)
        raise PlanHasErrors(
            f"{listing}\nChưa tạo văn bản vì kế hoạch còn {len(errors)} lỗi; hãy sửa các lỗi trên "
            "(hoặc chạy lại với --force để in bản dự thảo)."
        )
    draft = loaded.plan.is_draft or bool(errors)
    data = render_bytes(loaded.plan, template or default_template(), loaded.refs, draft=draft)
    write_atomic(output, data)
    return RenderResult(output, draft, [p for p in problems if p.severity is not Severity.ERROR], errors)


def check(paths: Sequence[Path], today=None):
    """Check plan files and folders of plans; one report per file."""
    from kehoach.lint import check_file, plan_files

    files = plan_files(paths)
    if not files:
        raise InputError("không có tệp kế hoạch .yaml nào để kiểm tra", Location(" ".join(map(str, paths)) or "."),
                         "file-unreadable")
    return [check_file(path, str(path), today=today) for path in files]


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


def json_schema() -> str:
    """The JSON Schema of a plan file, with the Vietnamese descriptions of every field."""
    import json

    from kehoach.model import Plan

    schema = _without_generated_words(Plan.model_json_schema(by_alias=True))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Kế hoạch (kehoach)"
    schema["description"] = "Tệp dữ liệu một kế hoạch của Ủy ban nhân dân, theo thể thức Nghị định 30/2020/NĐ-CP"
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
