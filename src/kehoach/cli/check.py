"""kehoach check and kehoach rules."""

from __future__ import annotations

from argparse import Namespace

from kehoach.cli.app import colour, command, echo
from kehoach.cli.vietnamese import path

parser = command("check", "Tìm mọi lỗi trong kế hoạch, hoặc lỗi thể thức của văn bản Word .docx: mỗi lỗi có vị trí, "
                 "mã quy tắc, mức độ và cách sửa.")
# Not needed by argparse: without it, check says itself what to write (or --explain needs no file).
parser.add_argument("paths", nargs="*", type=path, metavar="TỆP...",
                    help="Tệp kế hoạch .yaml, thư mục chứa kế hoạch, hoặc văn bản Word .docx (kiểm tra thể thức)")
parser.add_argument("-f", "--format", dest="output_format", default="text", metavar="DẠNG",
                    help="Dạng kết quả: text (mặc định), json, sarif")
parser.add_argument("--explain", metavar="QUY-TẮC", help="In hướng dẫn của một quy tắc rồi thoát")


def check(args: Namespace) -> int | None:
    from kehoach.check import report
    from kehoach import api as commands

    if args.explain is not None:
        echo(commands.explain(args.explain))
        return None
    if args.output_format not in ("text", "json", "sarif"):
        echo(f"Lỗi: dạng «{args.output_format}» không có; hãy dùng text, json hoặc sarif", err=True)
        return 2
    if not args.paths:
        echo("Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»", err=True)
        return 2
    from kehoach.check.runner import exit_code

    reports = commands.check(args.paths)
    if args.output_format == "json":
        echo(report.to_json(reports))
    elif args.output_format == "sarif":
        echo(report.to_sarif(reports))
    else:
        echo(report.human(reports, colour=colour()))
    return exit_code(reports)


parser.set_defaults(handler=check)


def list_rules(args: Namespace) -> None:
    from kehoach import api as commands

    echo(commands.rules_table())


command("rules", "Liệt kê các quy tắc kiểm tra, mức mặc định và nội dung tóm tắt.").set_defaults(handler=list_rules)
