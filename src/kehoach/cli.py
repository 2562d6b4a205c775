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
) -> None:
    """Tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế hoạch."""
    from kehoach import commands

    result = _run(commands.render, plan, output, template)
    kind = "bản dự thảo, chưa có số và ngày" if result.draft else "bản để trình ký"
    typer.echo(f"Đã tạo {result.output} ({kind}).")


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
