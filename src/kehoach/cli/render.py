"""kehoach render: a plan file to a Word document (and PDF); a folder or several files: all of them (kehoach.features.batch)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import options
from kehoach.cli.app import command, pause_collector
from kehoach.cli.printing import detail, echo, say

Output = options.output("TỆP.docx", "Tệp .docx tạo ra (mặc định: cạnh tệp kế hoạch, cùng tên)")
Force = Annotated[bool, typer.Option("--force", help="Vẫn tạo văn bản khi kiểm tra thấy lỗi; văn bản được đánh dấu "
                                     "DỰ THẢO")]
Pdf = Annotated[bool, typer.Option("--pdf", help="Tạo thêm tệp PDF cạnh văn bản Word, bằng LibreOffice (cần cài "
                                   "LibreOffice)")]


Watch = Annotated[bool, typer.Option("--watch", help="Theo dõi: tạo lại văn bản và tệp PDF mỗi khi lưu tệp kế hoạch "
                                     "hoặc tệp dùng chung; dữ liệu có lỗi thì in lỗi và giữ văn bản lần trước. Nhấn "
                                     "Ctrl+C để dừng")]


Doc = Annotated[options.Document, typer.Option(
    "--doc", metavar="LOẠI", show_default=False, click_type=options.choice(options.Document),
    help="Văn bản cần tạo: ke-hoach (Kế hoạch, mặc định), quyet-dinh (Quyết định ban hành kế hoạch, từ khối "
    "quyet_dinh), bao-cao (Báo cáo kết quả, từ khối ket_qua) hoặc all (cả ba)")]


@command("render", "Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế hoạch.")
def render(
    plans: options.Plans,
    output: Output = None,
    template: options.Template = None,
    force: Force = False,
    pdf: Pdf = False,
    jobs: options.Jobs = None,
    document: Doc = options.Document.ke_hoach,
    watch: Watch = False,
) -> int | None:
    if not watch and len(plans) == 1 and not plans[0].is_dir():
        pause_collector()  # one plan, then exit: what a batch or --watch renders needs the collector
    import time

    from kehoach import api as commands
    from kehoach.render.documents import named

    doc = document.value
    if watch:
        return _watch(plans, output, template, force, doc)
    started = time.perf_counter()
    if len(plans) != 1 or plans[0].is_dir():
        return _render_many(plans, output, template, force, pdf, jobs, doc)
    result = commands.render(plans[0], output, template, force, doc)
    for problem in result.errors + result.warnings:
        echo(str(problem), err=True)
    for made in result.made:
        if result.errors:
            kind = f"bản dự thảo vì kế hoạch còn {len(result.errors)} lỗi"
        elif made.draft:
            kind = "bản dự thảo, chưa có số và ngày"
        else:
            kind = "bản để trình ký"
        # The plan alone is named as before; the decision and the report say what they are.
        label = "" if doc == "ke-hoach" else f"{named(made.kind).label}, "
        say(f"Đã tạo {made.output} ({label}{kind}).")
    if pdf:
        for made in result.made:
            _pdf(made.output)
    detail(f"Mẫu Word: {template or 'mẫu mặc định'}; xong trong {time.perf_counter() - started:.2f} giây.")
    return None


def _watch(plans: list[Path], output: Path | None, template: Path | None, force: bool, doc: str) -> int:
    """`--watch`: one plan file, rendered again with its PDF on every save (kehoach.features.preview)."""
    from kehoach.features.preview import watch

    if len(plans) != 1 or plans[0].is_dir():
        echo("Lỗi: --watch theo dõi một tệp kế hoạch; hãy chỉ ra đúng một tệp .yaml", err=True)
        return 2
    if force:
        echo("Lỗi: --watch không dùng cùng --force: khi dữ liệu có lỗi, văn bản lần trước được giữ nguyên", err=True)
        return 2
    watch(plans[0], output, template, doc, pdf=True, say=say, warn=lambda text: echo(text, err=True))
    return None


def _pdf(docx: Path) -> None:
    """A PDF beside the Word document `docx`."""
    from kehoach.features.pdf import convert

    made = convert(docx)
    if made.font_warning:
        echo(made.font_warning, err=True)
    pages = f" ({made.pages} trang)" if made.pages is not None else ""
    say(f"Đã tạo {made.output}{pages}.")


def _render_many(plans: list[Path], output: Path | None, template: Path | None, force: bool, pdf: bool,
                 jobs: int | None, doc: str) -> int:
    """Several plans: each written beside its plan file, a progress line on a terminal, then one summary."""
    from kehoach.features.batch import Progress, render_many

    if output is not None:
        echo("Lỗi: -o chỉ dùng khi tạo một văn bản; khi tạo nhiều văn bản, mỗi văn bản được ghi cạnh tệp kế hoạch "
             "của nó, cùng tên", err=True)
        return 2
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = render_many(plans, template, force, pdf, jobs, progress, doc)
    finally:
        if progress is not None:
            progress.clear()
    echo(result.summary())
    return result.exit_code
