"""Commands about plan files themselves: textconv, schema, new (next year's plan), fmt."""

from __future__ import annotations

from argparse import Namespace

from kehoach.cli.app import command, echo
from kehoach.cli.vietnamese import number, path

textconv_parser = command("textconv", "In kế hoạch (hoặc văn bản Word) thành chữ theo thứ tự văn bản, để git diff dễ "
                          "đọc.")
textconv_parser.add_argument("path", type=path, metavar="TỆP", help="Tệp kế hoạch .yaml hoặc văn bản .docx")


def textconv(args: Namespace) -> None:
    from kehoach.features.textconv import textconv as convert

    echo(convert(args.path), nl=False)


textconv_parser.set_defaults(handler=textconv)

schema_parser = command("schema", "In JSON Schema của tệp kế hoạch (có mô tả tiếng Việt) cho trình soạn thảo.")
schema_parser.add_argument("-o", "--output", type=path, metavar="TỆP.json", help="Ghi ra tệp thay vì in ra màn hình")


def schema(args: Namespace) -> None:
    from kehoach import api as commands

    text = commands.json_schema()
    if args.output is None:
        echo(text)
        return
    from kehoach.output import write_atomic

    write_atomic(args.output, text.encode("utf-8"))
    echo(f"Đã ghi {args.output}.")


schema_parser.set_defaults(handler=schema)

new_parser = command("new", "Lập kế hoạch năm sau từ kế hoạch năm trước (bản dự thảo) và in những chỗ cần xem lại.")
new_parser.add_argument("path", type=path, metavar="TỆP", help="Kế hoạch của năm trước (.yaml)")
new_parser.add_argument("--year", "--nam", dest="year", type=number, metavar="NĂM",
                        help="Năm của kế hoạch mới (mặc định: năm sau)")
new_parser.add_argument("-o", "--output", type=path, metavar="TỆP.yaml",
                        help="Tệp kế hoạch mới (mặc định: cạnh tệp cũ, năm cũ trong tên đổi thành năm mới)")
new_parser.add_argument("--force", action="store_true", help="Ghi đè tệp kế hoạch mới nếu đã có")


def new(args: Namespace) -> None:
    from kehoach.features.rollover import create

    made = create(args.path, args.year, args.output, args.force)
    echo(f"Đã ghi {made.output}: bản dự thảo kế hoạch năm {made.year} (chưa có số, ngày).")
    if made.checklist:
        echo(f"Cần xem lại {len(made.checklist)} chỗ (xem xong thì xóa dòng xem_lai):")
        echo("\n".join(made.checklist))


new_parser.set_defaults(handler=new)

fmt_parser = command("fmt", "Viết lại tệp kế hoạch theo một cách trình bày thống nhất (giữ nguyên dữ liệu và chú "
                     "thích).")
fmt_parser.add_argument("paths", nargs="+", type=path, metavar="TỆP...",
                        help="Tệp kế hoạch .yaml hoặc thư mục chứa kế hoạch")
fmt_parser.add_argument("--check", action="store_true", help="Chỉ in các tệp chưa đúng định dạng, không ghi gì")


def fmt(args: Namespace) -> int | None:
    from kehoach.features.fmt import format_paths

    done = format_paths(args.paths, args.check)
    for error in done.errors:
        echo(str(error), err=True)
    for changed in done.changed:
        echo(str(changed) if args.check else f"Đã định dạng {changed}.")
    if args.check:  # the list of files alone on stdout, for scripts; the summary beside it
        total = len(done.changed) + len(done.unchanged)
        summary = (f"{len(done.changed)}/{total} tệp chưa đúng định dạng; chạy «kehoach fmt» với các tệp này để sửa."
                   if done.changed else f"{total} tệp đã đúng định dạng.")
        echo(summary, err=True)
    elif done.unchanged:
        echo(f"{len(done.unchanged)} tệp đã đúng định dạng, không đổi.")
    if done.errors:
        return 2
    if args.check and done.changed:
        return 1
    return None


fmt_parser.set_defaults(handler=fmt)
