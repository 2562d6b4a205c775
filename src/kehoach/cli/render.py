"""kehoach render: a plan file to a Word document (and PDF); a folder or several files: all of them (kehoach.batch)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, colour, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def render(
    plans: Annotated[
        list[Path],
        typer.Argument(help="Tệp kế hoạch .yaml; nhiều tệp hoặc thư mục thì tạo văn bản cho mọi kế hoạch trong đó",
                       metavar="KẾ_HOẠCH.yaml", show_default=False),
    ],
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
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Tạo thêm tệp PDF cạnh văn bản Word, bằng LibreOffice (cần cài LibreOffice)")
    ] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", metavar="SỐ", help="Số kế hoạch tạo cùng lúc khi tạo nhiều văn bản (mặc định: "
                     "số nhân CPU)"),
    ] = None,
    doc: Annotated[
        str,
        typer.Option("--doc", metavar="LOẠI", show_default=False,
                     help="Văn bản cần tạo: ke-hoach (Kế hoạch, mặc định), quyet-dinh (Quyết định ban hành kế hoạch, "
                     "từ khối quyet_dinh), bao-cao (Báo cáo kết quả, từ khối ket_qua) hoặc all (cả ba)"),
    ] = "ke-hoach",
) -> None:
    """Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế hoạch."""
    from kehoach import commands
    from kehoach.render.documents import KINDS

    if len(plans) != 1 or plans[0].is_dir():
        raise typer.Exit(_render_many(plans, output, template, force, pdf, jobs, doc))
    plan = plans[0]
    result = run(commands.render, plan, output, template, force, doc)
    for problem in result.errors + result.warnings:
        typer.echo(str(problem), err=True)
    for made in result.made:
        if result.errors:
            kind = f"bản dự thảo vì kế hoạch còn {len(result.errors)} lỗi"
        elif made.draft:
            kind = "bản dự thảo, chưa có số và ngày"
        else:
            kind = "bản để trình ký"
        # The plan alone is named as before; the decision and the report say what they are.
        label = "" if doc == "ke-hoach" else f"{KINDS[made.kind].label}, "
        typer.echo(f"Đã tạo {made.output} ({label}{kind}).")
    if pdf:
        for made in result.made:
            _pdf(made.output)


def _pdf(docx: Path) -> None:
    from kehoach.pdf import convert

    made = run(convert, docx)
    if made.font_warning:
        typer.echo(made.font_warning, err=True)
    pages = f" ({made.pages} trang)" if made.pages is not None else ""
    typer.echo(f"Đã tạo {made.output}{pages}.")


def _render_many(plans: list[Path], output: Optional[Path], template: Optional[Path], force: bool, pdf: bool,
                 jobs: Optional[int], doc: str) -> int:
    """Several plans: each written beside its plan file, a progress line on a terminal, then one summary."""
    import sys

    from kehoach.batch import Progress, render_many

    if output is not None:
        typer.echo("Lỗi: -o chỉ dùng khi tạo một văn bản; khi tạo nhiều văn bản, mỗi văn bản được ghi cạnh tệp kế "
                   "hoạch của nó, cùng tên", err=True)
        raise typer.Exit(2)
    if jobs is not None and jobs < 1:
        typer.echo(f"Lỗi: --jobs cần một số từ 1 trở lên, không phải {jobs}", err=True)
        raise typer.Exit(2)
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = run(render_many, plans, template, force, pdf, jobs, progress, doc)
    finally:
        if progress is not None:
            progress.clear()
    typer.echo(result.summary())
    return result.exit_code
