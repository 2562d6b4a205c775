"""kehoach check and kehoach rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, colour, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def check(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Tệp kế hoạch .yaml, thư mục chứa kế hoạch, hoặc văn bản Word .docx (kiểm tra thể thức)",
                       metavar="TỆP...", show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text (mặc định), json, sarif")
    ] = "text",
    explain: Annotated[
        Optional[str], typer.Option("--explain", metavar="QUY-TẮC", help="In hướng dẫn của một quy tắc rồi thoát")
    ] = None,
) -> None:
    """Tìm mọi lỗi trong kế hoạch, hoặc lỗi thể thức của văn bản Word .docx: mỗi lỗi có vị trí, mã quy tắc, mức độ
    và cách sửa."""
    from kehoach import commands, report

    if explain is not None:
        typer.echo(run(commands.explain, explain))
        return
    if output_format not in ("text", "json", "sarif"):
        typer.echo(f"Lỗi: dạng «{output_format}» không có; hãy dùng text, json hoặc sarif", err=True)
        raise typer.Exit(2)
    if not paths:
        typer.echo("Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»", err=True)
        raise typer.Exit(2)
    from kehoach.lint import exit_code

    reports = run(commands.check, paths)
    if output_format == "json":
        typer.echo(report.to_json(reports))
    elif output_format == "sarif":
        typer.echo(report.to_sarif(reports))
    else:
        typer.echo(report.human(reports, colour=colour()))
    raise typer.Exit(exit_code(reports))


@app.command(name="rules", cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def list_rules() -> None:
    """Liệt kê các quy tắc kiểm tra, mức mặc định và nội dung tóm tắt."""
    from kehoach import commands

    typer.echo(commands.rules_table())
