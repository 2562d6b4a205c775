"""Commands about plan files themselves: textconv, schema, new (next year's plan), fmt."""

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


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def new(
    path: Annotated[Path, typer.Argument(help="Kế hoạch của năm trước (.yaml)", metavar="TỆP", show_default=False)],
    year: Annotated[
        Optional[int], typer.Option("--year", "--nam", metavar="NĂM", help="Năm của kế hoạch mới (mặc định: năm sau)")
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("-o", "--output", metavar="TỆP.yaml",
                     help="Tệp kế hoạch mới (mặc định: cạnh tệp cũ, năm cũ trong tên đổi thành năm mới)"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp kế hoạch mới nếu đã có")] = False,
) -> None:
    """Lập kế hoạch năm sau từ kế hoạch năm trước (bản dự thảo) và in những chỗ cần xem lại."""
    from kehoach.rollover import create

    made = run(create, path, year, output, force)
    typer.echo(f"Đã ghi {made.output}: bản dự thảo kế hoạch năm {made.year} (chưa có số, ngày).")
    if made.checklist:
        typer.echo(f"Cần xem lại {len(made.checklist)} chỗ (xem xong thì xóa dòng xem_lai):")
        typer.echo("\n".join(made.checklist))


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def fmt(
    paths: Annotated[list[Path], typer.Argument(help="Tệp kế hoạch .yaml hoặc thư mục chứa kế hoạch",
                                                metavar="TỆP...", show_default=False)],
    check: Annotated[bool, typer.Option("--check", help="Chỉ in các tệp chưa đúng định dạng, không ghi gì")] = False,
) -> None:
    """Viết lại tệp kế hoạch theo một cách trình bày thống nhất (giữ nguyên dữ liệu và chú thích)."""
    from kehoach.fmt import format_paths

    done = run(format_paths, paths, check)
    for error in done.errors:
        typer.echo(str(error), err=True)
    for changed in done.changed:
        typer.echo(str(changed) if check else f"Đã định dạng {changed}.")
    if check:  # the list of files alone on stdout, for scripts; the summary beside it
        total = len(done.changed) + len(done.unchanged)
        summary = (f"{len(done.changed)}/{total} tệp chưa đúng định dạng; chạy «kehoach fmt» với các tệp này để sửa."
                   if done.changed else f"{total} tệp đã đúng định dạng.")
        typer.echo(summary, err=True)
    elif done.unchanged:
        typer.echo(f"{len(done.unchanged)} tệp đã đúng định dạng, không đổi.")
    if done.errors:
        raise typer.Exit(2)
    if check and done.changed:
        raise typer.Exit(1)
