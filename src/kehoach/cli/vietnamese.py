"""argparse speaking Vietnamese: the usage line, the help, and every usage error a clerk can meet.

argparse's own words ("usage:", "options", "the following arguments are required", "invalid int value"…)
must never reach the clerk's screen. The help is laid out here; the usage errors are found here from what
argparse parsed (never by reading its English messages) and said in Vietnamese by `Parser.error`.
"""

from __future__ import annotations

import argparse
import os
import sys

USAGE_PREFIX = "Cách dùng: "
ARGUMENTS_TITLE = "Tham số"
OPTIONS_TITLE = "Tùy chọn"
COMMANDS_TITLE = "Lệnh"
HELP_OPTION = "In hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."
#: Exit code of a wrong command line, as for every Unix tool (argparse and click use it too).
EXIT_USAGE = 2


def help_width() -> int:
    """The terminal's width, at most 78 columns so that the help stays readable on a wide screen.

    As shutil.get_terminal_size finds it (COLUMNS first, then the terminal, else 80), without importing
    shutil and the compression modules it brings.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, 80) - 2, 50)


def path(text: str):
    """The type of a file argument: a pathlib.Path, imported only when a command runs."""
    from pathlib import Path

    return Path(text)


def number(text: str) -> int:
    """The type of an option that takes a whole number (argparse's own `int` would complain in English)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số, không phải «{text}»") from None


def metavar(action: argparse.Action) -> str:
    """What the help calls an argument or an option's value: TỆP, KẾ_HOẠCH.yaml…"""
    return action.metavar or action.dest.upper()


def usage_token(action: argparse.Action) -> str:
    """How an argument is written in the usage line: X, [X] when it may be left out, X... when it may repeat."""
    token = metavar(action)
    if action.nargs in ("+", "*") and not token.endswith("..."):
        token += "..."
    if not getattr(action, "needed", True) and not token.startswith("["):
        token = f"[{token}]"
    return token


def summary(text: str, room: int) -> str:
    """A command's description cut to one line of the list of commands, at a word, ending in «...»."""
    if len(text) <= room:
        return text
    words = text.split()
    while len(words) > 1 and len(" ".join(words)) + 3 > room:
        words.pop()
    return " ".join(words) + "..."


class HelpFormatter(argparse.HelpFormatter):
    """The help as the clerk saw it before: «Cách dùng: …», an indented description, «-o, --output TỆP»."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=help_width(), max_help_position=30)

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if usage is None:  # «[TÙY CHỌN]» stands for every option, as before; then the arguments
            usage = " ".join(["%(prog)s", OPTIONS_METAVAR] + [usage_token(a) for a in actions if not a.option_strings])
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

    def add_arguments(self, actions) -> None:
        # --help after the command's own options.
        super().add_arguments(sorted(actions, key=lambda action: "--help" in action.option_strings))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # Only the description is filled: indented under the usage line.
        return super()._fill_text(text, width, indent + "  ")

    def _format_action_invocation(self, action: argparse.Action) -> str:
        # «-o, --output TỆP.docx» rather than argparse's «-o TỆP.docx, --output TỆP.docx».
        if action.option_strings and action.nargs != 0:
            return f"{', '.join(action.option_strings)} {self._format_args(action, metavar(action))}"
        return super()._format_action_invocation(action)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser with Vietnamese help and usage errors; `parse` is the way in.

    Options and arguments may come in any order (`kehoach render a.yaml -o a.docx b.yaml` as well as
    `kehoach check --format json a.yaml b.yaml`), as they could before: the arguments are parsed with
    argparse's intermixed parsing.
    """

    def __init__(self, prog: str, description: str, usage: str | None = None) -> None:
        # No abbreviated options (--out for --output): a typo is reported rather than guessed. Errors are
        # raised, not printed by argparse in English.
        super().__init__(prog=prog, description=description, usage=usage, formatter_class=HelpFormatter,
                         add_help=False, allow_abbrev=False, exit_on_error=False)
        self._positionals.title = ARGUMENTS_TITLE
        self._optionals.title = OPTIONS_TITLE
        #: Every option string of this command → its action: for the suggestion after a typo, and for errors.
        self.options: dict[str, argparse.Action] = {}
        #: The arguments (not options), in order, and those of them that must be given.
        self.arguments: list[argparse.Action] = []
        self.needed: list[argparse.Action] = []
        #: The command list of the root parser's help: name → parser.
        self.commands: dict[str, Parser] = {}
        self.add_argument("--help", action="help", help=HELP_OPTION)

    def add_argument(self, *names, **options) -> argparse.Action:
        # argparse says that an argument is missing only in English; so every argument is optional to
        # argparse, and `parse` says in Vietnamese which needed one is missing.
        positional = bool(names) and not names[0].startswith("-")
        nargs = options.get("nargs")
        needed = positional and nargs in (None, "+")
        if needed:
            options["nargs"] = "?" if nargs is None else "*"
        action = super().add_argument(*names, **options)
        action.needed = needed  # for the usage line
        if positional:
            self.arguments.append(action)
        if needed:
            self.needed.append(action)
        self.options.update(dict.fromkeys(action.option_strings, action))
        return action

    def parse(self, args: list[str]) -> argparse.Namespace:
        """The namespace of `args`; a wrong command line ends in `error`, a help request in SystemExit(0)."""
        after_dashes: list[str] = []
        if "--" in args:  # argparse's intermixed parsing would read «-n.yaml» after «--» as an option
            at = args.index("--")
            args, after_dashes = args[:at], args[at + 1:]
        try:
            namespace, extras = self._parse_intermixed(args)
        except argparse.ArgumentError as error:
            self.error(self._value_error(error))
        extras += self._take_arguments(namespace, after_dashes)
        for extra in extras:
            if extra.startswith("-") and extra != "-":
                self.error(self._unknown_option(extra.split("=", 1)[0]))
        if extras:
            self.error("thừa tham số " + ", ".join(f"«{extra}»" for extra in extras))
        for action in self.needed:
            if getattr(namespace, action.dest) in (None, []):
                self.error(f"thiếu {metavar(action)}; hãy ghi {metavar(action)} sau tên lệnh")
        return namespace

    def _parse_intermixed(self, args: list[str]):
        if self.usage is not None:
            return self.parse_known_intermixed_args(args)
        # While argparse puts the arguments aside to read the options first, it keeps the usage line by
        # cutting its own 7-letter "usage: " off it; hand it the line without a prefix instead.
        self.usage = self.format_usage().removeprefix(USAGE_PREFIX).strip()
        try:
            return self.parse_known_intermixed_args(args)
        finally:
            self.usage = None

    def _take_arguments(self, namespace: argparse.Namespace, words: list[str]) -> list[str]:
        """The words after «--» given to the arguments not given yet (or added to a repeated one); the rest."""
        words = list(words)
        for action in self.arguments:
            convert = action.type or str
            value = getattr(namespace, action.dest)
            if action.nargs == "*":
                setattr(namespace, action.dest, (value or []) + [convert(word) for word in words])
                words = []
            elif value is None and words:
                setattr(namespace, action.dest, convert(words.pop(0)))
        return words

    def _unknown_option(self, option: str) -> str:
        import difflib

        message = f"không có tùy chọn «{option}»"
        close = difflib.get_close_matches(option, sorted(self.options), n=1)
        return message + (f"; có phải «{close[0]}»?" if close else "")

    def _value_error(self, error: argparse.ArgumentError) -> str:
        """An option given a wrong value, no value, or a value it does not take."""
        name = error.argument_name or ""  # argparse names an option by all its strings: «-j/--jobs»
        action = self.options.get(name.split("/")[0])
        if isinstance(error.__context__, argparse.ArgumentTypeError):  # raised by a type such as `number`
            return f"giá trị không hợp lệ: {name} {error.__context__}"
        if action is not None and action.nargs == 0:  # --force=yes
            return f"tùy chọn «{name}» không nhận giá trị"
        if action is not None:
            return f"«{name}» cần một giá trị: hãy ghi {metavar(action)} ngay sau nó"
        return "không hiểu dòng lệnh"

    def format_help(self) -> str:
        text = super().format_help()
        if not self.commands:
            return text
        longest = max(len(name) for name in self.commands)
        room = help_width() - longest - 6
        lines = [f"  {name:<{longest}}  {summary(parser.description or '', room)}".rstrip()
                 for name, parser in self.commands.items()]
        return f"{text}\n{COMMANDS_TITLE}:\n" + "\n".join(lines) + "\n"

    def error(self, message: str):
        """A usage error: the usage line, where to find help, the message; exit code 2."""
        self.exit(EXIT_USAGE, f"{self.format_usage()}Xem «{self.prog} --help».\nLỗi: {message}\n")
