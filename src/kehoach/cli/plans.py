"""Commands about plan files themselves: textconv, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, colour, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def textconv(
    path: Annotated[Path, typer.Argument(help="Tệp kế hoạch .yaml hoặc văn bản .docx", metavar="TỆP",
                                         show_default=False)],
) -> None:
    """In kế hoạch (hoặc văn bản Word) thành chữ theo thứ tự văn bản, để git diff dễ đọc."""
    from kehoach.textconv import textconv as convert

    typer.echo(run(convert, path), nl=False)


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def schema(
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", metavar="TỆP.json", help="Ghi ra tệp thay vì in ra màn hình")
    ] = None,
) -> None:
    """In JSON Schema của tệp kế hoạch (có mô tả tiếng Việt) cho trình soạn thảo."""
    from kehoach import commands

    text = commands.json_schema()
    if output is None:
        typer.echo(text)
        return
    from kehoach.output import write_atomic

    run(write_atomic, output, text.encode("utf-8"))
    typer.echo(f"Đã ghi {output}.")
