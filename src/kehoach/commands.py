"""What each command does, as library functions that know nothing of the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError, Location


@dataclass(frozen=True)
class RenderResult:
    output: Path
    draft: bool


def default_output(plan_path: Path) -> Path:
    """Beside the plan, with the same name: data/plan_2024.yaml → data/plan_2024.docx."""
    return plan_path.with_suffix(".docx")


def render(plan_path: Path, output: Path | None = None, template: Path | None = None) -> RenderResult:
    """Read, check and render a plan; write the .docx atomically. Nothing is written on error."""
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
    data = render_bytes(loaded.plan, template or default_template(), loaded.refs)
    write_atomic(output, data)
    return RenderResult(output, loaded.plan.is_draft)
