"""Commands about plan files themselves: textconv, schema, import (a Word file → a plan file), new (next year's
plan), fmt."""

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import options
from kehoach.cli.app import command
from kehoach.cli.printing import echo, say

File = Annotated[Path, typer.Argument(metavar="TỆP", show_default=False, click_type=options.PATH,
                                      help="Tệp kế hoạch .yaml hoặc văn bản .docx")]


@command("textconv", "In kế hoạch (hoặc văn bản Word) thành chữ theo thứ tự văn bản, để git diff dễ đọc.")
def textconv(path: File) -> None:
    # Never an error exit: git would abandon the whole diff (kehoach.features.textconv).
    from kehoach.features.textconv import textconv_for_git

    text, problems = textconv_for_git(path)
    for problem in problems:
        echo(problem, err=True)
    echo(text, nl=False)


SchemaFile = options.output("TỆP.json", "Ghi ra tệp thay vì in ra màn hình")


@command("schema", "In JSON Schema của tệp kế hoạch (có mô tả tiếng Việt) cho trình soạn thảo.")
def schema(output: SchemaFile = None) -> None:
    from kehoach import api as commands

    text = commands.json_schema()
    if output is None:
        echo(text)
        return
    from kehoach.output import require_suffix, write_atomic

    require_suffix(output, (".json",), "JSON Schema")
    write_atomic(output, text.encode("utf-8"), kind="json")
    say(f"Đã ghi {output}.")


WordFile = Annotated[Path, typer.Argument(metavar="TỆP.docx", show_default=False, click_type=options.PATH,
                                          help="Văn bản Word đã ban hành, ví dụ kế hoạch năm trước")]
ImportedFile = options.output("TỆP.yaml", "Tệp dữ liệu ghi ra (mặc định: cạnh tệp Word, cùng tên, đuôi .yaml); không"
                              " bao giờ ghi đè tệp đã có")


@command("import", "Đọc văn bản Word đã ban hành (.docx) thành tệp dữ liệu (.yaml) để kehoach dùng lại.")
def import_docx(
    path: WordFile,
    output: ImportedFile = None,
) -> None:
    from kehoach import api as commands

    made = commands.import_docx(path, output)
    say(f"Đã ghi {made.output}.")
    if made.reviews:
        echo(f"Có {made.reviews} chỗ kehoach chưa nhận ra cấu trúc, giữ nguyên văn và đánh dấu xem_lai; xem từng chỗ"
             f" bằng «kehoach check {made.output}».")
    echo(f"Kiểm tra: «kehoach check {made.output}»; tạo lại văn bản: «kehoach render {made.output}»; lập kế hoạch"
         f" năm sau: «kehoach new {made.output}».")


LastYear = Annotated[Path, typer.Argument(metavar="TỆP", show_default=False, click_type=options.PATH,
                                          help="Kế hoạch của năm trước (.yaml)")]
Year = Annotated[int | None, typer.Option("--year", "--nam", metavar="NĂM", show_default=False,
                                          help="Năm của kế hoạch mới (mặc định: năm sau)")]
NextYearFile = options.output("TỆP.yaml", "Tệp kế hoạch mới (mặc định: cạnh tệp cũ, năm cũ trong tên đổi thành năm mới)")


@command("new", "Lập kế hoạch năm sau từ kế hoạch năm trước (bản dự thảo) và in những chỗ cần xem lại.")
def new(
    path: LastYear,
    year: Year = None,
    output: NextYearFile = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp kế hoạch mới nếu đã có")] = False,
) -> None:
    from kehoach.features.rollover import create

    made = create(path, year, output, force)
    say(f"Đã ghi {made.output}: bản dự thảo kế hoạch năm {made.year} (chưa có số, ngày).")
    if made.checklist:
        echo(f"Cần xem lại {len(made.checklist)} chỗ (xem xong thì xóa dòng xem_lai):")
        echo("\n".join(made.checklist))


Files = Annotated[list[Path], typer.Argument(metavar="TỆP...", show_default=False, click_type=options.PATH,
                                             help="Tệp kế hoạch .yaml hoặc thư mục chứa kế hoạch")]


@command("fmt", "Viết lại tệp kế hoạch theo một cách trình bày thống nhất (giữ nguyên dữ liệu và chú thích).")
def fmt(
    paths: Files,
    check: Annotated[bool, typer.Option("--check", help="Chỉ in các tệp chưa đúng định dạng, không ghi gì")] = False,
) -> int | None:
    from kehoach.features.fmt import format_paths

    done = format_paths(paths, check)
    for error in done.errors:
        echo(str(error), err=True)
    for changed in done.changed:
        if check:
            echo(str(changed))
        else:
            say(f"Đã định dạng {changed}.")
    if check:  # the list of files alone on stdout, for scripts; the summary beside it
        total = len(done.changed) + len(done.unchanged)
        summary = (f"{len(done.changed)}/{total} tệp chưa đúng định dạng; chạy «kehoach fmt» với các tệp này để sửa."
                   if done.changed else f"{total} tệp đã đúng định dạng.")
        say(summary, err=True)
    elif done.unchanged:
        say(f"{len(done.unchanged)} tệp đã đúng định dạng, không đổi.")
    if done.errors:
        return 2
    if check and done.changed:
        return 1
    return None
