"""The `kehoach` command: parse arguments, call one library function, turn errors into exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach import __version__, cli_text
from kehoach.errors import KehoachError

app = typer.Typer(
    name="kehoach",
    help="Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=cli_text.Group,
    options_metavar=cli_text.OPTIONS_METAVAR,
    subcommand_metavar=cli_text.COMMAND_METAVAR,
)

#: An error that is not the user's: reported in one line, with a way to see the details.
EXIT_INTERNAL = 70


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
    ] = None,
) -> None:
    """Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP."""


@app.command(cls=cli_text.Command, options_metavar=cli_text.OPTIONS_METAVAR)
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

    result = _run(commands.render, plan, output, template, force)
    for problem in result.errors + result.warnings:
        typer.echo(str(problem), err=True)
    if result.errors:
        kind = f"bản dự thảo vì kế hoạch còn {len(result.errors)} lỗi"
    elif result.draft:
        kind = "bản dự thảo, chưa có số và ngày"
    else:
        kind = "bản để trình ký"
    typer.echo(f"Đã tạo {result.output} ({kind}).")


@app.command(cls=cli_text.Command, options_metavar=cli_text.OPTIONS_METAVAR)
def check(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Tệp kế hoạch .yaml hoặc thư mục chứa kế hoạch", metavar="TỆP...", show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text (mặc định), json, sarif")
    ] = "text",
    explain: Annotated[
        Optional[str], typer.Option("--explain", metavar="QUY-TẮC", help="In hướng dẫn của một quy tắc rồi thoát")
    ] = None,
) -> None:
    """Tìm mọi lỗi trong kế hoạch: mỗi lỗi có dòng:cột, mã quy tắc, mức độ và cách sửa."""
    from kehoach import commands, report

    if explain is not None:
        typer.echo(_run(commands.explain, explain))
        return
    if output_format not in ("text", "json", "sarif"):
        typer.echo(f"Lỗi: dạng «{output_format}» không có; hãy dùng text, json hoặc sarif", err=True)
        raise typer.Exit(2)
    if not paths:
        typer.echo("Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»", err=True)
        raise typer.Exit(2)
    from kehoach.lint import exit_code

    reports = _run(commands.check, paths)
    if output_format == "json":
        typer.echo(report.to_json(reports))
    elif output_format == "sarif":
        typer.echo(report.to_sarif(reports))
    else:
        typer.echo(report.human(reports, colour=_colour()))
    raise typer.Exit(exit_code(reports))


@app.command(name="rules", cls=cli_text.Command, options_metavar=cli_text.OPTIONS_METAVAR)
def list_rules() -> None:
    """Liệt kê các quy tắc kiểm tra, mức mặc định và nội dung tóm tắt."""
    from kehoach import commands

    typer.echo(commands.rules_table())


@app.command(cls=cli_text.Command, options_metavar=cli_text.OPTIONS_METAVAR)
def textconv(
    path: Annotated[Path, typer.Argument(help="Tệp kế hoạch .yaml hoặc văn bản .docx", metavar="TỆP",
                                         show_default=False)],
) -> None:
    """In kế hoạch (hoặc văn bản Word) thành chữ theo thứ tự văn bản, để git diff dễ đọc."""
    from kehoach.textconv import textconv as convert

    typer.echo(_run(convert, path), nl=False)


@app.command(cls=cli_text.Command, options_metavar=cli_text.OPTIONS_METAVAR)
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

    _run(write_atomic, output, text.encode("utf-8"))
    typer.echo(f"Đã ghi {output}.")


def _colour() -> bool:
    """Colours only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _run(function, *args):
    """Call `function`; print a user error in Vietnamese and exit with its code, never a traceback."""
    try:
        return function(*args)
    except KehoachError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("Đã dừng theo yêu cầu; không tệp nào bị thay đổi.", err=True)
        raise typer.Exit(130) from None
    except Exception as error:  # a bug in kehoach, not the clerk's mistake
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        typer.echo(
            f"lỗi nội bộ của kehoach ({type(error).__name__}: {error}); không tệp nào bị thay đổi. "
            "Hãy chạy lại với KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.",
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def main() -> int:
    """The console script: run a command; usage errors are shown in Vietnamese with exit code 2."""
    try:
        result = app(standalone_mode=False)
    except cli_text.click.exceptions.UsageError as error:
        typer.echo(cli_text.usage_error(error), err=True)
        return 0 if cli_text.is_help_request(error) else 2
    except cli_text.click.exceptions.Abort:
        typer.echo("Đã dừng theo yêu cầu; không tệp nào bị thay đổi.", err=True)
        return 130
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
