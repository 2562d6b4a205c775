"""click and typer speaking Vietnamese: a gettext catalogue of their own strings, installed once.

click reads every word it shows (the usage line, the help's headings, every usage error) through gettext
(`_` and `ngettext` in each of its modules); typer's help adds a few of its own the same way. `install`
gives those modules a translation object whose catalogue is below, so that a clerk never reads "Usage:",
"Missing argument" or "Did you mean". The catalogue holds every message of click and typer.core (a test
extracts them from the installed sources and fails on any that is missing here), including those a clerk
can never meet with kehoach's options, so that a newer click cannot slip English in silently.

What click does not read through gettext is set where it is declared: the usage line's «[TÙY CHỌN]» and
«LỆNH [THAM SỐ]...» (cli/app.py), every metavar (cli/options.py), and the type names in «is not a valid
{number_type}», left out of the Vietnamese sentences. Two pieces click quotes itself with ASCII quotes are
quoted here the way every other message quotes: the parameter an error is about (`name_hint`) and the list
of choices (`Choice`); a range of numbers is said in words (`IntRange`).
"""

from __future__ import annotations

import gettext

import click
from typer._types import TyperChoice

#: Shown in the usage line in place of click's "[OPTIONS]" and "COMMAND [ARGS]...".
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."

MESSAGES: dict[str, str] = {
    # The help.
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Arguments": "Tham số",
    "Positional arguments": "Tham số",
    "Commands": "Lệnh",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "(dynamic)": "(tùy lúc chạy)",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không còn dùng",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Lưu ý: lệnh «{name}» không còn dùng nữa.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Lưu ý: «{name}» không còn dùng nữa.{extra_message}",
    # Usage errors: «Lỗi: …» under the usage line and where to find help.
    "Error: {message}": "Lỗi: {message}",
    # click names the shortest help option (-h) in some versions: the long one is clearer.
    "Try '{command} {option}' for help.": "Xem «{command} --help».",
    "Missing command.": "Thiếu LỆNH; hãy ghi LỆNH sau kehoach.",
    "No such command {name!r}.": "Không có lệnh «{name}».",
    "No such option {name!r}.": "Không có tùy chọn «{name}».",
    "No such option: {name}": "Không có tùy chọn «{name}».",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn «{name}» không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số «{name}» cần {nargs} giá trị.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Một trong ({choices})",
    "{value!r} is not a valid {number_type}.": "«{value}» không phải là số.",
    "{value} is not in the range {range}.": "cần một số {range}, không phải {value}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "«{value}» không phải giá trị có/không; hãy dùng một trong: {states}",
    "{value!r} is not a valid UUID.": "«{value}» không phải mã UUID hợp lệ.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} is a file.": "{name} «{filename}» là một tệp.",
    "{name} {filename!r} is a directory.": "{name} «{filename}» là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} «{filename}» không đọc được.",
    "{name} {filename!r} is not writable.": "{name} «{filename}» không ghi được.",
    "{name} {filename!r} is not executable.": "{name} «{filename}» không chạy được.",
    "{name} {filename!r} does not exist.": "{name} «{filename}» không có.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp «{filename}»: {message}",
    "unknown error": "lỗi không rõ",
    "Aborted!": "Đã dừng theo yêu cầu; không tệp nào bị thay đổi.",
    # Asked in a terminal (kehoach's own questions do not use click's prompts; listed for completeness).
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Đồng ý mà không hỏi lại.",
    "Press any key to continue...": "Nhấn một phím bất kỳ để tiếp tục...",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Error: The value you entered was invalid.": "Lỗi: giá trị vừa nhập không hợp lệ.",
    "Error: {e.message}": "Lỗi: {e.message}",
    "{text} {deprecated_message}": "{text} {deprecated_message}",
    "{editor}: Editing failed": "{editor}: không sửa được",
    "{editor}: Editing failed: {e}": "{editor}: không sửa được: {e}",
    "Windows error: {error}": "Lỗi của Windows: {error}",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không xác định được phiên bản Bash; không gợi ý lệnh được.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Gợi ý lệnh cần Bash 4.4 trở lên.",
    # Mistakes of a programmer declaring a command, never a clerk's; still not English on screen.
    "Invalid start character for option ({option})": "Tùy chọn bắt đầu bằng ký tự không hợp lệ ({option})",
    "Unknown color {colour!r}": "Không có màu «{colour}»",
    "Unknown standard stream '{name}'": "Không có luồng chuẩn «{name}»",
    "Name '{name}' defined twice": "Tên «{name}» được khai báo hai lần",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Tùy chọn có/không «{decl}» không thể dùng cùng một cờ cho cả hai giá trị.",
    "Could not determine name for option with declarations {decls!r}":
        "Không xác định được tên của tùy chọn khai báo là {decls}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you "
    "mean to pass '--{name}'?": "Không có tùy chọn nào mà lại có tên ({name}); có phải cần khai báo một tham "
    "số, hoặc ghi «--{name}»?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Mỗi tham số chỉ có một tên, ở đây có {length}: {decls}.",
    "d": "d",  # the key of the default choice in click's editor prompt
}

#: (singular, plural) → Vietnamese, which has one form for any count.
PLURALS: dict[tuple[str, str], str] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): "Thừa tham số «{args}».",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): "Có phải {possibility}?",
    # click 8.3 names the options bare, 8.4+ quoted.
    ("Did you mean {possibility}?", "(Possible options: {possibilities})"): "Có phải «{possibility}»?",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "Tùy chọn «{name}» cần một giá trị ngay sau nó.",
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        "Cần {nargs} giá trị.",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        "«{value}» không có; hãy dùng một trong: {choices}.",
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        "«{value}» không đúng dạng {formats}.",
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."): "Cần {len_type} giá trị, có {len_value}.",
}


class Vietnamese(gettext.NullTranslations):
    """The translation click and typer read their strings through; a message not in the catalogue stays as it is."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return PLURALS.get((singular, plural)) or (singular if n == 1 else plural)


TRANSLATION = Vietnamese()


class Choice(TyperChoice):
    """typer's choices (matched on the enum's values), listed bare in the error (click lists them as 'a', 'b'),
    with the closest one after a typo, as for a command or an option."""

    def get_invalid_choice_message(self, value, ctx) -> str:
        import difflib

        choices = [str(choice) for choice in self.choices]
        names = ", ".join(choices)
        message = TRANSLATION.ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.",
                                       len(choices)).format(value=value, choice=names, choices=names)
        close = difflib.get_close_matches(str(value).casefold(), choices, n=1, cutoff=0.6)
        if close:
            message += " " + TRANSLATION.ngettext("Did you mean {possibility}?", "(Did you mean one of: "
                                                  "{possibilities}?)", 1).format(possibility=f"«{close[0]}»")
        return message


class IntRange(click.IntRange):
    """click's range of whole numbers, said in words («từ 1 trở lên») in the help and the error, where click
    writes «x>=1»."""

    def _describe_range(self) -> str:
        low = None if self.min is None else self.min + (1 if self.min_open else 0)
        high = None if self.max is None else self.max - (1 if self.max_open else 0)
        if high is None:
            return f"từ {low} trở lên"
        if low is None:
            return f"đến {high}"
        return f"từ {low} đến {high}"


def name_hint(error: click.ClickException) -> None:
    """Name the parameter of a usage error as «-f» / «--format» («TỆP» for an argument).

    click builds that name outside gettext, in ASCII quotes ('-f' / '--format'), when the message is shown;
    set here before it is, it is what the message uses."""
    if not isinstance(error, click.BadParameter):
        return
    hint = error.param_hint
    if hint is None and error.param is not None:
        param = error.param
        hint = list(param.opts) if isinstance(param, click.Option) else [param.metavar or param.human_readable_name]
    if isinstance(hint, (list, tuple)):
        error.param_hint = " / ".join(f"«{name}»" for name in hint)


def install() -> None:
    """Give click's modules and typer's help the Vietnamese translation (they bound gettext's functions at import)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.shell_completion
    import click.termui
    import click.types
    import click.utils
    import typer.core

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                   click.shell_completion, click.termui, click.types, click.utils, typer.core):
        if hasattr(module, "_"):
            module._ = TRANSLATION.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = TRANSLATION.ngettext
