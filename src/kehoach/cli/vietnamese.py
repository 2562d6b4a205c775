"""Click's own words (usage line, section headings, usage errors) in Vietnamese, for the clerk's screen."""

from __future__ import annotations

import difflib

from typer.core import TyperCommand, TyperGroup

try:  # typer 0.29 and later carry their own copy of click; its classes must be the ones extended here
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer uses click itself
    import click  # type: ignore[no-redef]

HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh", "Arguments": "Tham số"}
HELP_OPTION = "In hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."


class Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or "Cách dùng: ")

    def section(self, name: str):
        return super().section(HEADINGS.get(name, name))


class Context(click.Context):
    formatter_class = Formatter


class _Vietnamese:
    context_class = Context

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option


class Command(_Vietnamese, TyperCommand):
    """A typer command whose help speaks Vietnamese."""


class Group(_Vietnamese, TyperGroup):
    """The typer group of all commands, with Vietnamese help."""


COMMAND = Command


def is_help_request(error) -> bool:
    """True for the "error" click raises when a command that needs arguments is run without any."""
    return type(error).__name__ == "NoArgsIsHelpError"


def usage_error(error) -> str:
    """A click usage error as a Vietnamese message, with the usage line and where to find help."""
    message = error.format_message()
    if is_help_request(error):
        return message  # the help text itself
    if isinstance(error, click.exceptions.MissingParameter) and error.param is not None:
        name = error.param.metavar or (error.param.name or "").upper()
        message = f"thiếu {name}; hãy ghi {name} sau tên lệnh"
    elif isinstance(error, click.exceptions.NoSuchOption):
        message = f"không có tùy chọn «{error.option_name}»"
        close = difflib.get_close_matches(error.option_name, sorted(error.possibilities or []), n=1)
        if close:
            message += f"; có phải «{close[0]}»?"
    elif message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else ""
        message = f"không có lệnh «{name}»"
    elif isinstance(error, click.exceptions.BadParameter):
        message = f"giá trị không hợp lệ: {message}"
    lines = []
    if error.ctx is not None:
        lines.append(error.ctx.get_usage())
        lines.append(f"Xem «{error.ctx.command_path} --help».")
    lines.append(f"Lỗi: {message}")
    return "\n".join(lines)
