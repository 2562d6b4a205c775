"""The parser of all commands, and the one place where errors become messages and exit codes.

The command line uses the standard library's argparse: typer (with its copy of click and a pydantic
TypeAdapter per parameter) cost 30–45 ms on every run, a large share of a `kehoach check`.
Each command module calls `command` for its parser, adds its arguments, and sets its handler; the handler
imports the library modules it needs itself, so that `kehoach --help` imports none of them.

argparse's subparsers are not used: argparse cannot parse a subcommand's options and file names in any
order (`parse_intermixed_args` refuses subparsers), so `parse` finds the command's parser itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from kehoach import __version__
from kehoach.cli.vietnamese import COMMAND_METAVAR, OPTIONS_METAVAR, Parser

#: An error that is not the user's: reported in one line, with a way to see the details.
EXIT_INTERNAL = 70
#: Ctrl-C, or the end of the input while kehoach init asks its questions.
EXIT_STOPPED = 130
STOPPED = "Đã dừng theo yêu cầu; không tệp nào bị thay đổi."

root = Parser("kehoach", "Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP.",
              usage=f"%(prog)s {OPTIONS_METAVAR} {COMMAND_METAVAR}")
root.add_argument("--version", action="store_true", help="In phiên bản rồi thoát.")


def command(name: str, description: str) -> Parser:
    """The parser of `kehoach <name>`, listed in `kehoach --help` in the order of the calls.

    The caller adds the arguments, then `parser.set_defaults(handler=...)`: a function of the parsed
    arguments that returns the exit code (None for 0).
    """
    parser = Parser(f"kehoach {name}", description)
    root.commands[name] = parser
    return parser


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Print to stdout, or to stderr with err=True; flushed, so that both keep their order on one screen."""
    print(text, end="\n" if nl else "", file=sys.stderr if err else sys.stdout, flush=True)


def colour() -> bool:
    """Colours only on a terminal that draws them, never with NO_COLOR (kehoach.console)."""
    from kehoach.console import colour as can_colour

    return can_colour(sys.stdout)


def run(handler: Callable[[argparse.Namespace], int | None], arguments: argparse.Namespace) -> int:
    """Run a command's handler; a user error becomes its Vietnamese message and exit code, never a traceback."""
    from kehoach.errors import KehoachError  # here: its dataclasses cost more than the rest of `kehoach --help`

    try:
        return handler(arguments) or 0
    except KehoachError as error:
        echo(str(error), err=True)
        return error.exit_code
    except (KeyboardInterrupt, EOFError):  # EOFError: the input ended while kehoach init was asking
        echo(STOPPED, err=True)
        return EXIT_STOPPED
    except Exception as error:  # a bug in kehoach, not the clerk's mistake
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        echo(f"lỗi nội bộ của kehoach ({type(error).__name__}: {error}); không tệp nào bị thay đổi. "
             "Hãy chạy lại với KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.", err=True)
        return EXIT_INTERNAL


def parse(args: list[str]) -> argparse.Namespace:
    """The parsed arguments of a command line, its handler included; usage errors and --help end in SystemExit."""
    # kehoach's own options (--help, --version) come before the command's name.
    at = next((i for i, arg in enumerate(args) if not arg.startswith("-") or arg == "-"), len(args))
    options = root.parse(args[:at])
    if options.version:
        echo(f"kehoach {__version__}")
        raise SystemExit(0)
    if at == len(args):
        root.error("thiếu LỆNH; hãy ghi LỆNH sau kehoach")
    name = args[at]
    parser = root.commands.get(name)
    if parser is None:
        import difflib

        close = difflib.get_close_matches(name, list(root.commands), n=1)
        root.error(f"không có lệnh «{name}»" + (f"; có phải «{close[0]}»?" if close else ""))
    return parser.parse(args[at + 1:])


def main(argv: list[str] | None = None) -> int:
    """The console script: run the command of `argv` (default: sys.argv) and return its exit code."""
    from kehoach.console import utf8_streams

    utf8_streams()  # before anything is printed: a pipe on Windows would otherwise take only the code page
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:  # the help, on stderr with exit code 0, as typer's no_args_is_help gave it
        echo(root.format_help(), err=True, nl=False)
        return 0
    try:
        arguments = parse(args)
    except SystemExit as stop:  # --help, --version, or a usage error already printed (exit code 2)
        return stop.code if isinstance(stop.code, int) else 0
    return run(arguments.handler, arguments)
