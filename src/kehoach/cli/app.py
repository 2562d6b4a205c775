"""The typer application, the one place where errors become messages and exit codes, and what -q/-v change.

A command module declares a command with `@command("name", "Vietnamese help")` above a function whose
parameters are typed with `Annotated` (shared ones from cli/options.py); the function imports the library
modules it needs itself, so that `kehoach --help` imports none of them, and returns the exit code (None
for 0). `command` wraps it in `run`, which turns kehoach's errors into their message and exit code.
A new command is also named in `COMMANDS` (its place in the help, and its module): a run imports the module
of the command it runs, and typer turns that one command into a click command, not all of them (`Group`).

Help and usage errors are click's plain ones (typer's rich panels are turned off: rich costs about 100 ms
on every `--help` and error), in Vietnamese through cli/vietnamese.py.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable

import click
import typer
import typer.core

from kehoach.cli import options, printing, vietnamese
from kehoach.cli.printing import echo

#: A usage error (a wrong command line), as for every Unix tool.
EXIT_USAGE = 2
#: An error that is not the user's: reported in one line, with a way to see the details.
EXIT_INTERNAL = 70
#: Ctrl-C, or the end of the input while kehoach init asks its questions in a terminal.
EXIT_STOPPED = 130
STOPPED = "Đã dừng theo yêu cầu; không tệp nào bị thay đổi."
DESCRIPTION = "Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định 30/2020/NĐ-CP."


#: Every command, in the order `kehoach --help` lists them (as a clerk meets them), and the module of cli/ that
#: declares it. Only the module of the command a run names is imported (tests/test_cli_help.py keeps this table
#: equal to what the modules declare).
COMMANDS: dict[str, str] = {
    "render": "render", "check": "check", "rules": "check", "init": "documents", "types": "documents",
    "info": "documents", "textconv": "plans", "schema": "plans", "import": "plans", "new": "plans", "fmt": "plans",
    "diff": "history", "lsp": "editor",
}


class Group(typer.core.TyperGroup):
    """kehoach's commands, each turned into a click command when it is first asked for (click's «lazily loading
    subcommands»: typer would otherwise read every command's signature and build every option on every run,
    though a run uses one), with the closest command suggested after a typo, in Vietnamese."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        found = self.commands.get(name)
        if found is None and name in COMMANDS:
            found = self.commands[name] = _click_command_of(name)
        return found

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            import difflib

            close = difflib.get_close_matches(args[0], self.list_commands(ctx), n=1) if args else []
            if close:
                did_you_mean = vietnamese.TRANSLATION.ngettext("Did you mean {possibility}?",
                                                               "(Did you mean one of: {possibilities}?)", 1)
                error.message += " " + did_you_mean.format(possibility=f"«{close[0]}»")
            raise


app = typer.Typer(
    name="kehoach", help=DESCRIPTION, cls=Group, add_completion=False, rich_markup_mode=None,
    pretty_exceptions_enable=False, suggest_commands=False, options_metavar=vietnamese.OPTIONS_METAVAR,
    subcommand_metavar=vietnamese.COMMAND_METAVAR, context_settings={"help_option_names": ["-h", "--help"]},
)
#: The commands as typer declares them (`command` below); `app` holds kehoach's own options and finds each
#: command here when it is run (Group.get_command).
declared = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                       options_metavar=vietnamese.OPTIONS_METAVAR)


def _click_command_of(name: str) -> click.Command:
    """The click command of `kehoach <name>`: its module imported (which declares it), then built by typer."""
    importlib.import_module(f"{__package__}.{COMMANDS[name]}")
    info = next((info for info in declared.registered_commands if info.name == name), None)
    if info is None:
        raise RuntimeError(f"kehoach.cli.{COMMANDS[name]} does not declare the command {name!r} (cli.app.COMMANDS)")
    return typer.main.get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                           rich_markup_mode=app.rich_markup_mode)


def run(function: Callable[..., int | None], *args, **kwargs) -> int:
    """Run a command; a user error becomes its Vietnamese message and exit code, never a traceback."""
    from kehoach.errors import InternalError, KehoachError  # here: `kehoach --help` never needs them

    try:
        return function(*args, **kwargs) or 0
    except InternalError:  # kehoach's own fault (a broken data file it ships…): said as a bug is, below
        return _bug()
    except KehoachError as error:
        echo(str(error), err=True)
        return error.exit_code
    except (KeyboardInterrupt, EOFError):  # EOFError: Ctrl-D while kehoach init was asking in a terminal
        echo(STOPPED, err=True)
        return EXIT_STOPPED
    except (click.ClickException, click.exceptions.Exit):  # a usage error found by the command itself
        raise
    except BrokenPipeError:  # `kehoach check | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's last flush at exit does not fail again
        return 0
    except Exception:  # a bug in kehoach, not the clerk's mistake
        return _bug()


def _bug() -> int:
    """Report the exception being handled as a bug of kehoach: one line (kehoach.errors.bug_report), after the
    traceback with -v; raised again with KEHOACH_DEBUG=1."""
    from kehoach.errors import bug_report

    if os.environ.get("KEHOACH_DEBUG"):
        raise  # noqa: PLE0704 - called from an except clause: the exception being handled
    if printing.verbosity > 0:
        import traceback

        traceback.print_exc()
    echo(bug_report(sys.exc_info()[1]), err=True)
    return EXIT_INTERNAL


def command(name: str, help: str) -> Callable:
    """Declare `kehoach <name>` (named in `COMMANDS` too, where its place in `kehoach --help` is)."""

    def register(function: Callable[..., int | None]) -> Callable[..., int | None]:
        @functools.wraps(function)  # typer reads the parameters of the wrapped function
        def guarded(*args, **kwargs) -> int:
            return run(function, *args, **kwargs)

        declared.command(name, help=help)(guarded)
        return function

    return register


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: options.Version = False,
    quiet: options.Quiet = False,
    verbose: options.Verbose = False,
    install_completion: options.InstallCompletion = False,
    show_completion: options.ShowCompletion = False,
    shell: options.ShellOption = None,
) -> None:
    if quiet and verbose:
        raise click.UsageError("-q và -v không dùng cùng nhau; hãy chọn một", ctx)
    printing.verbosity = -1 if quiet else 1 if verbose else 0
    if install_completion or show_completion:
        from kehoach.cli.completion import install, show

        raise typer.Exit(install(shell) if install_completion else show(shell))
    if ctx.invoked_subcommand is None:
        raise click.UsageError(vietnamese.TRANSLATION.gettext("Missing command."), ctx)


def click_command() -> click.Command:
    """The click group typer makes of `app`: kehoach's own options; each command is built when asked for."""
    return typer.main.get_command(app)


def _context(cli: click.Command, args: list[str]) -> click.Context:
    """The context of the command named in `args` (or of kehoach itself), for the usage line of an error."""
    root = cli.make_context("kehoach", [], resilient_parsing=True)
    name = next((arg for arg in args if not arg.startswith("-")), None)
    found = cli.get_command(root, name) if name and isinstance(cli, click.Group) else None
    return found.make_context(name, [], parent=root, resilient_parsing=True) if found else root


def _new_run() -> None:
    """Nothing read by an earlier run in this process is an input of this one (kehoach.output refuses inputs)."""
    reading = sys.modules.get("kehoach.source.reading")  # not imported yet: nothing to forget, and --help stays light
    if reading is not None:
        reading.forget_inputs()


def pause_collector() -> None:
    """Turn Python's cyclic garbage collector off for the rest of this run: for a command that reads one plan (or
    checks YAML plans) and exits. Its start-up builds hundreds of thousands of objects (pydantic's validators,
    typer's commands, the rules), which the collector would walk again and again: about 7 % of `kehoach check`
    (bench/RESULTS.md). What one such run leaves in cycles is freed when it exits (a render: a few MB); `main`
    turns the collector back on when it returns. Never for what runs on (lsp, --watch) or renders many plans."""
    import gc

    gc.disable()


def main(argv: list[str] | None = None) -> int:
    """The console script: run the command of `argv` (default: sys.argv) and return its exit code."""
    import gc

    collecting = gc.isenabled()
    try:
        return _main(argv)
    finally:
        if argv is None:
            # The console script (or python -m kehoach): the process ends next, and the collection Python makes at
            # exit would walk every object of the run, about a quarter of a render (bench/ab.py). Frozen, they are
            # left to the operating system; files are written and closed before this (kehoach.output).
            gc.freeze()
        if collecting:  # a caller in the same process (tests, an editor's extension) keeps its collector
            gc.enable()


def _main(argv: list[str] | None) -> int:
    from kehoach.console import utf8_streams

    utf8_streams()  # before anything is printed: a pipe on Windows would otherwise take only the code page
    printing.verbosity = 0
    vietnamese.install()
    args = sys.argv[1:] if argv is None else list(argv)
    _new_run()
    cli = click_command()
    if "_KEHOACH_COMPLETE" in os.environ:  # the shell asks for completions (typer's scripts)
        from typer._completion_classes import completion_init

        completion_init()
    if not args and "_KEHOACH_COMPLETE" not in os.environ:  # the help, on stderr with exit code 0: `kehoach` alone is a question, not a mistake
        with cli.make_context("kehoach", [], resilient_parsing=True) as ctx:
            echo(cli.get_help(ctx), err=True)
        return 0
    try:
        return cli.main(args=args, prog_name="kehoach", standalone_mode=False) or 0
    except click.ClickException as error:  # a usage error: the usage line, where to find help, the message
        if isinstance(error, click.UsageError) and error.ctx is None:  # raised by click's parser, without it
            error.ctx = _context(cli, args)
        vietnamese.name_hint(error)
        error.show()
        return error.exit_code
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.Abort:
        echo(STOPPED, err=True)
        return EXIT_STOPPED
