"""kehoach render: a plan file to a Word document (and PDF); a folder or several files: all of them (kehoach.features.batch)."""

from __future__ import annotations

import sys
from argparse import Namespace

from kehoach.cli.app import command, echo
from kehoach.cli.vietnamese import number, path

parser = command("render", "Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế hoạch.")
parser.add_argument("plans", nargs="+", type=path, metavar="KẾ_HOẠCH.yaml",
                    help="Tệp kế hoạch .yaml; nhiều tệp hoặc thư mục thì tạo văn bản cho mọi kế hoạch trong đó")
parser.add_argument("-o", "--output", type=path, metavar="TỆP.docx",
                    help="Tệp .docx tạo ra (mặc định: cạnh tệp kế hoạch, cùng tên)")
parser.add_argument("-t", "--template", type=path, metavar="MẪU.docx", help="Mẫu Word (.docx) thay cho mẫu mặc định")
parser.add_argument("--force", action="store_true",
                    help="Vẫn tạo văn bản khi kiểm tra thấy lỗi; văn bản được đánh dấu DỰ THẢO")
parser.add_argument("--pdf", action="store_true",
                    help="Tạo thêm tệp PDF cạnh văn bản Word, bằng LibreOffice (cần cài LibreOffice)")
parser.add_argument("-j", "--jobs", type=number, metavar="SỐ",
                    help="Số kế hoạch tạo cùng lúc khi tạo nhiều văn bản (mặc định: số nhân CPU)")
parser.add_argument("--doc", default="ke-hoach", metavar="LOẠI",
                    help="Văn bản cần tạo: ke-hoach (Kế hoạch, mặc định), quyet-dinh (Quyết định ban hành kế hoạch, "
                    "từ khối quyet_dinh), bao-cao (Báo cáo kết quả, từ khối ket_qua) hoặc all (cả ba)")


def render(args: Namespace) -> int | None:
    from kehoach import api as commands
    from kehoach.render.documents import KINDS

    if len(args.plans) != 1 or args.plans[0].is_dir():
        return _render_many(args)
    result = commands.render(args.plans[0], args.output, args.template, args.force, args.doc)
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
        label = "" if args.doc == "ke-hoach" else f"{KINDS[made.kind].label}, "
        echo(f"Đã tạo {made.output} ({label}{kind}).")
    if args.pdf:
        for made in result.made:
            _pdf(made.output)
    return None


parser.set_defaults(handler=render)


def _pdf(docx) -> None:
    """A PDF beside the Word document `docx` (a Path)."""
    from kehoach.features.pdf import convert

    made = convert(docx)
    if made.font_warning:
        echo(made.font_warning, err=True)
    pages = f" ({made.pages} trang)" if made.pages is not None else ""
    echo(f"Đã tạo {made.output}{pages}.")


def _render_many(args: Namespace) -> int:
    """Several plans: each written beside its plan file, a progress line on a terminal, then one summary."""
    from kehoach.features.batch import Progress, render_many

    if args.output is not None:
        echo("Lỗi: -o chỉ dùng khi tạo một văn bản; khi tạo nhiều văn bản, mỗi văn bản được ghi cạnh tệp kế hoạch "
             "của nó, cùng tên", err=True)
        return 2
    if args.jobs is not None and args.jobs < 1:
        echo(f"Lỗi: --jobs cần một số từ 1 trở lên, không phải {args.jobs}", err=True)
        return 2
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = render_many(args.plans, args.template, args.force, args.pdf, args.jobs, progress, args.doc)
    finally:
        if progress is not None:
            progress.clear()
    echo(result.summary())
    return result.exit_code
