"""kehoach render: a plan file to a Word document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, colour, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def render(
    plan: Annotated[Path, typer.Argument(help="Tệp kế hoạch .yaml", metavar="KẾ_HOẠCH.yaml", show_default=False)],
    output: Annotated[
        Optional[Path],
        typer.Option("-o", "--output", metavar="TỆP.docx", help="Tệp .docx tạo ra (mặc định: cạnh tệp kế hoạch, cùng tên)"),
    ] = None,
    template: Annotated[
        Optional[Path],
        typer.Option("--template", "-t", metavar="MẪU.docx", help="Mẫu Word (.docx) thay cho mẫu mặc định"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Vẫn tạo văn bản khi kiểm tra thấy lỗi; văn bản được đánh dấu DỰ THẢO"),
    ] = False,
) -> None:
    """Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế hoạch."""
    from kehoach import commands

    result = run(commands.render, plan, output, template, force)
    for problem in result.errors + result.warnings:
        typer.echo(str(problem), err=True)
    if result.errors:
        kind = f"bản dự thảo vì kế hoạch còn {len(result.errors)} lỗi"
    elif result.draft:
        kind = "bản dự thảo, chưa có số và ngày"
    else:
        kind = "bản để trình ký"
    typer.echo(f"Đã tạo {result.output} ({kind}).")
