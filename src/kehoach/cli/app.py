"""The Typer app, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer

from kehoach import __version__
from kehoach.cli import vietnamese
from kehoach.errors import KehoachError

app = typer.Typer(
    name="kehoach",
    help="Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=vietnamese.Group,
    options_metavar=vietnamese.OPTIONS_METAVAR,
    subcommand_metavar=vietnamese.COMMAND_METAVAR,
)

#: An error that is not the user's: reported in one line, with a way to see the details.
EXIT_INTERNAL = 70


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
    ] = None,
) -> None:
    """Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP."""


def colour() -> bool:
    """Colours only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ



def run(function, *args):
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
    except vietnamese.click.exceptions.UsageError as error:
        typer.echo(vietnamese.usage_error(error), err=True)
        return 0 if vietnamese.is_help_request(error) else 2
    except typer.Abort:
        typer.echo("Đã dừng theo yêu cầu; không tệp nào bị thay đổi.", err=True)
        return 130
    return result if isinstance(result, int) else 0
