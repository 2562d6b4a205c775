"""The command line's own words: help, usage errors, completion and exit codes, all in Vietnamese, and cheap to start.

click and typer write English ("Usage:", "Options", "Missing argument", "Did you mean"…); kehoach.cli.vietnamese
translates every one of their strings. These tests pin the whole help of every command (tests/data/help/, a
golden file per command: regenerate with KEHOACH_REGENERATE_HELP=1 and review the diff) and every kind of usage
error, and check that no English word is left in any of them.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

import kehoach
from kehoach.cli import vietnamese
from kehoach.cli.app import click_command
from support import PLAN_2024, ROOT, CliResult, invoke

COMMANDS = ["render", "check", "rules", "init", "types", "info", "textconv", "schema", "import", "new", "fmt",
            "diff", "lsp"]
HELP = ROOT / "tests" / "data" / "help"
# Every word click and typer could print in English; none may reach the clerk. Option names (--help) and the
# values a clerk types (text, json…) are taken out before the scan.
ENGLISH = re.compile(
    r"\b(usage|options?|arguments?|commands?|parameters?|positional|error|try|missing|invalid|value|values|required|"
    r"default|dynamic|env|var|show|message|exit|version|such|mean|did|one|of|the|is|not|for|and|or|to|a|an|"
    r"got|unexpected|extra|takes|requires|choose|from|integer|float|boolean|range|file|directory|path|exist|"
    r"aborted|shell|completion|install|current|track|changes|panel|help|[a-z]+ing)\b", re.IGNORECASE)
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*(=\S*)?")


def english_words(text: str) -> list[str]:
    return ENGLISH.findall(OPTION.sub(" ", text))


@pytest.fixture(autouse=True)
def terminal_80_columns(monkeypatch):
    """The help is as wide as the terminal (at most 78 columns): pinned, so that the texts below are exact."""
    monkeypatch.setenv("COLUMNS", "80")


def usage_error(prog: str, arguments: str, message: str) -> str:
    return f"Cách dùng: {prog} [TÙY CHỌN] {arguments}\nXem «{prog} --help».\n\nLỗi: {message}\n"


RENDER = ("kehoach render", "KẾ_HOẠCH.yaml...")
NEW = ("kehoach new", "TỆP")
DIFF = ("kehoach diff", "CŨ MỚI")
CHECK = ("kehoach check", "[TỆP...]")
KEHOACH = ("kehoach", "LỆNH [THAM SỐ]...")
EMPTY_PATH = "đường dẫn để trống; hãy ghi tên tệp hoặc thư mục («.» là thư mục hiện tại)"


# -- help -------------------------------------------------------------------------------------------


def test_the_english_scan_finds_click_s_own_words():
    """The control of every scan below: click's untranslated help and errors are caught."""
    assert english_words("Usage: kehoach [OPTIONS] COMMAND [ARGS]...\nShow this message and exit.") != []
    assert english_words("Error: No such option: --outptu Did you mean --output?") == [
        "Error", "such", "option", "Did", "mean"]
    assert english_words("-o, --output TỆP.docx  Tệp .docx tạo ra") == []


def every_command() -> dict[str, click.Command]:
    """Each command's click command, in the order of the help (each built as a run that names it builds it)."""
    cli = click_command()
    ctx = cli.make_context("kehoach", [], resilient_parsing=True)
    return {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}


def test_the_commands_are_listed_in_the_order_a_clerk_meets_them():
    assert list(every_command()) == COMMANDS


def test_the_table_of_commands_is_what_the_modules_declare():
    """cli.app.COMMANDS (each command's module, without importing it) is every declared command, each in its module:
    a command declared but not in the table would be missing from the help, one in the wrong module never found."""
    import importlib
    import pkgutil

    import kehoach.cli
    from kehoach.cli.app import COMMANDS as TABLE, declared

    for module in pkgutil.iter_modules(kehoach.cli.__path__):
        if module.name != "__main__":  # which runs the command line
            importlib.import_module(f"kehoach.cli.{module.name}")
    found = {info.name: info.callback.__module__ for info in declared.registered_commands}
    assert found == {name: f"kehoach.cli.{module}" for name, module in TABLE.items()}
    assert len(declared.registered_commands) == len(found)  # no name declared twice
    assert list(TABLE) == COMMANDS


def test_a_command_is_built_once_and_only_when_asked_for():
    cli = click_command()
    ctx = cli.make_context("kehoach", [], resilient_parsing=True)
    assert cli.commands == {}
    check = cli.get_command(ctx, "check")
    assert list(cli.commands) == ["check"] and cli.get_command(ctx, "check") is check
    assert [param.name for param in check.params] == ["paths", "output_format", "layout", "explain"]
    assert cli.get_command(ctx, "chek") is None


@pytest.mark.parametrize("command", ["kehoach"] + COMMANDS)
def test_the_whole_help_of_every_command(command):
    args = ["--help"] if command == "kehoach" else [command, "--help"]
    result = invoke(args)
    golden = HELP / f"{command}.txt"
    if os.environ.get("KEHOACH_REGENERATE_HELP"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result == CliResult(0, golden.read_text(encoding="utf-8"), "")
    assert english_words(result.stdout) == []
    assert invoke([*args[:-1], "-h"]) == result


def test_no_arguments_print_the_help_on_stderr_with_exit_code_0():
    assert invoke([]) == CliResult(0, "", (HELP / "kehoach.txt").read_text(encoding="utf-8"))


def test_a_narrow_terminal_wraps_the_help(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = invoke(["--help"]).stdout.splitlines()
    assert lines[2:4] == ["  Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng",
                          "  thể thức Nghị định 30/2020/NĐ-CP."]
    assert max(len(line) for line in lines) <= 58


def test_version():
    expected = CliResult(0, f"kehoach {kehoach.__version__}\n", "")
    assert invoke(["--version"]) == expected
    # --version answers at once, whatever follows.
    assert invoke(["--version", "render"]) == expected
    assert invoke(["--version", "chek"]) == expected


# -- usage errors: exit code 2, the usage line, where to find help, the message ---------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # a needed argument left out
        (["render"], usage_error(*RENDER, "Thiếu tham số «KẾ_HOẠCH.yaml...».")),
        (["fmt"], usage_error("kehoach fmt", "TỆP...", "Thiếu tham số «TỆP...».")),
        (["info"], usage_error("kehoach info", "KẾ_HOẠCH.yaml...", "Thiếu tham số «KẾ_HOẠCH.yaml...».")),
        (["textconv"], usage_error("kehoach textconv", "TỆP", "Thiếu tham số «TỆP».")),
        (["new"], usage_error(*NEW, "Thiếu tham số «TỆP».")),
        (["diff"], usage_error(*DIFF, "Thiếu tham số «CŨ».")),
        (["diff", "a.yaml"], usage_error(*DIFF, "Thiếu tham số «MỚI».")),
        # an unknown option, with the closest one when there is one
        (["render", "--outptu", "kh.docx", "a.yaml"],
         usage_error(*RENDER, "Không có tùy chọn «--outptu». Có phải «--output»?")),
        (["new", "a.yaml", "--nam=2025", "--foce"], usage_error(*NEW, "Không có tùy chọn «--foce». Có phải «--force»?")),
        (["check", "--xyz"], usage_error(*CHECK, "Không có tùy chọn «--xyz».")),
        (["--vesion"], usage_error(*KEHOACH, "Không có tùy chọn «--vesion». Có phải «--version»?")),
        # an unknown command, or none
        (["chek", "a.yaml"], usage_error(*KEHOACH, "Không có lệnh «chek». Có phải «check»?")),
        (["xuat", "a.yaml"], usage_error(*KEHOACH, "Không có lệnh «xuat».")),
        (["--"], usage_error(*KEHOACH, "Thiếu LỆNH; hãy ghi LỆNH sau kehoach.")),
        (["-q"], usage_error(*KEHOACH, "Thiếu LỆNH; hãy ghi LỆNH sau kehoach.")),
        # a value that is not a number, or out of range
        (["render", "ho-so", "--jobs", "abc"],
         usage_error(*RENDER, "Giá trị không hợp lệ cho «-j» / «--jobs»: «abc» không phải là số.")),
        (["render", "ho-so", "-j", "0"],
         usage_error(*RENDER, "Giá trị không hợp lệ cho «-j» / «--jobs»: cần một số từ 1 trở lên, không phải 0.")),
        (["new", "a.yaml", "--nam", "2025a"],
         usage_error(*NEW, "Giá trị không hợp lệ cho «--year» / «--nam»: «2025a» không phải là số.")),
        # a choice that is not one
        (["check", "-f", "xml", "a.yaml"], usage_error(
            *CHECK, "Giá trị không hợp lệ cho «-f» / «--format»: «xml» không có; hãy dùng một trong: text, "
            "json, sarif.")),
        (["info", "a.yaml", "--format=xml"], usage_error(
            "kehoach info", "KẾ_HOẠCH.yaml...", "Giá trị không hợp lệ cho «-f» / «--format»: «xml» không có; hãy "
            "dùng một trong: text, json, csv, xlsx.")),
        (["diff", "a.yaml", "b.yaml", "-f", "sarif"], usage_error(
            *DIFF, "Giá trị không hợp lệ cho «-f» / «--format»: «sarif» không có; hãy dùng một trong: text, "
            "json.")),
        (["render", "a.yaml", "--doc", "quyet_dinh"], usage_error(
            *RENDER, "Giá trị không hợp lệ cho «--doc»: «quyet_dinh» không có; hãy dùng một trong: ke-hoach, "
            "quyet-dinh, bao-cao, all. Có phải «quyet-dinh»?")),
        (["check", "--the-thuc", "nd31", "a.docx"], usage_error(
            *CHECK, "Giá trị không hợp lệ cho «--the-thuc»: «nd31» không có; hãy dùng một trong: nd30, hd36. Có phải «nd30»?")),
        (["--show-completion", "--shell", "cmd"], usage_error(
            *KEHOACH, "Giá trị không hợp lệ cho «--shell»: «cmd» không có; hãy dùng một trong: bash, zsh, fish, "
            "powershell, pwsh.")),
        # an empty path (an unset shell variable): never read as the current folder
        (["check", ""], usage_error(*CHECK, f"Giá trị không hợp lệ cho «[TỆP...]»: {EMPTY_PATH}")),
        (["render", "a.yaml", "-o", ""], usage_error(
            *RENDER, "Giá trị không hợp lệ cho «-o» / «--output»: đường dẫn để trống; hãy ghi tên tệp")),
        # an option without its value, or a value given to a switch
        (["render", "a.yaml", "-o"], usage_error(*RENDER, "Tùy chọn «-o» cần một giá trị ngay sau nó.")),
        (["render", "--force=yes", "a.yaml"], usage_error(*RENDER, "Tùy chọn «--force» không nhận giá trị.")),
        # one file too many
        (["textconv", "a.yaml", "b.yaml"], usage_error("kehoach textconv", "TỆP", "Thừa tham số «b.yaml».")),
        # -q and -v together
        (["-q", "-v", "types"], usage_error(*KEHOACH, "-q và -v không dùng cùng nhau; hãy chọn một")),
    ],
)
def test_usage_errors(args, expected):
    result = invoke(args)
    assert result == CliResult(2, "", expected)
    assert english_words(result.stderr) == []
    assert "'" not in result.stderr  # quoted «…» as every other message, never with ASCII quotes


def _path_parameters() -> list[tuple[str, click.Parameter]]:
    return [(name, param) for name, command in every_command().items() for param in command.params
            if isinstance(param.type, click.Path)]


def test_every_path_parameter_refuses_an_empty_path():
    """Each command's files, -o, -t, --docx: click would read "" as the current folder."""
    from kehoach.cli.options import PathType

    found = _path_parameters()
    assert {name for name, _ in found} == {"render", "check", "init", "info", "textconv", "schema", "import", "new",
                                           "fmt", "diff"}
    assert [(name, param.name) for name, param in found if not isinstance(param.type, PathType)] == []


@pytest.mark.parametrize(("name", "param"), _path_parameters(), ids=lambda x: getattr(x, "name", x))
def test_an_empty_path_is_a_usage_error_for_every_command(tmp_path, monkeypatch, name, param):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    arguments = [p for p in every_command()[name].params if isinstance(p, click.Argument)]
    args = [name]
    for argument in arguments:  # each argument given: "" for the one tested, a plan for the others
        args.append("" if argument.name == param.name else "a.yaml")
    if isinstance(param, click.Option):
        args += [param.opts[0], ""]
    result = invoke(args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(": đường dẫn để trống; hãy ghi " + (
        "tên tệp\n" if isinstance(param, click.Option) else "tên tệp hoặc thư mục («.» là thư mục hiện tại)\n"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # nothing made or changed


def test_every_fixed_choice_is_an_enum_checked_by_typer():
    """An option whose values are a fixed set is a click Choice (validated, completed), in Vietnamese."""
    from kehoach.cli import vietnamese

    cli, commands = click_command(), every_command()
    choices = {(name, param.name): list(param.type.choices) for name, command in [("kehoach", cli), *commands.items()]
               for param in command.params if isinstance(param.type, click.Choice)}
    assert choices == {
        ("kehoach", "shell"): ["bash", "zsh", "fish", "powershell", "pwsh"],
        ("render", "document"): ["ke-hoach", "quyet-dinh", "bao-cao", "all"],
        ("check", "output_format"): ["text", "json", "sarif"],
        ("check", "layout"): ["nd30", "hd36"],
        ("info", "output_format"): ["text", "json", "csv", "xlsx"],
        ("diff", "output_format"): ["text", "json"],
    }
    assert all(isinstance(param.type, vietnamese.Choice) for command in [cli, *commands.values()]
               for param in command.params if isinstance(param.type, click.Choice))


def test_every_range_of_numbers_is_said_in_words():
    """click writes «x>=1» in the help and the error; every range is kehoach's, which says «từ 1 trở lên»."""
    from kehoach.cli import vietnamese

    commands = every_command()
    ranges = [(name, param.name) for name, command in commands.items() for param in command.params
              if isinstance(param.type, click.types._NumberRangeBase)]
    assert ranges == [("render", "jobs")]
    assert all(isinstance(param.type, vietnamese.IntRange) for command in commands.values()
               for param in command.params if isinstance(param.type, click.types._NumberRangeBase))
    assert [vietnamese.IntRange(min=1)._describe_range(), vietnamese.IntRange(max=9)._describe_range(),
            vietnamese.IntRange(0, 10, min_open=True)._describe_range()] == ["từ 1 trở lên", "đến 9", "từ 1 đến 10"]


def test_the_documents_of_doc_are_those_the_kinds_make():
    from kehoach.cli.options import Document
    from kehoach.render.documents import ALL, KINDS

    assert [item.value for item in Document] == [*KINDS, ALL]


def test_every_string_of_click_and_typer_has_a_vietnamese_translation():
    """Extracted from the installed sources, as a translator's tool would: a newer click cannot slip English in."""
    sources = sorted(Path(click.__file__).parent.glob("*.py")) + [Path(typer.__file__).parent / "core.py"]
    missing = []
    for source in sources:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                words = tuple(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                if node.func.id == "_" and words and words[0] not in vietnamese.MESSAGES:
                    missing.append(words[0])
                if node.func.id == "ngettext" and words[:2] not in vietnamese.PLURALS:
                    missing.append(words[:2])
    assert missing == []
    translated = list(vietnamese.MESSAGES.values()) + list(vietnamese.PLURALS.values())
    assert [text for text in translated if english_words(re.sub(r"\{[^}]*\}|%\(\w+\)s", " ", text))] == []


# -- what stays as it was ---------------------------------------------------------------------------


def test_options_and_files_in_any_order():
    plans = [str(PLAN_2024), str(ROOT / "data" / "vi-du-bo-van-ban.yaml")]
    assert invoke(["check", *plans]) == CliResult(0, "Không có lỗi nào trong 2 tệp.\n", "")
    first = invoke(["check", "--format", "json", *plans])
    assert (first.exit_code, first.stdout.startswith('{\n  "problems": [],'), first.stderr) == (0, True, "")
    assert invoke(["check", plans[0], "-f", "json", plans[1]]) == first
    assert invoke(["check", *plans, "--format=json"]) == first
    assert invoke(["check", "-fjson", *plans]) == first
    assert invoke(["check", "-f", "JSON", *plans]) == first


def test_check_without_files_says_what_to_write():
    assert invoke(["check"]) == CliResult(
        2, "", "Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»\n")


def test_a_bug_is_one_line_with_exit_code_70(monkeypatch):
    import kehoach.api

    def broken():
        raise RuntimeError("hỏng")

    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    monkeypatch.setattr(kehoach.api, "types_table", broken)
    assert invoke(["types"]) == CliResult(
        70, "", "lỗi nội bộ của kehoach (RuntimeError: hỏng); không tệp nào bị thay đổi. Hãy chạy lại với "
        "KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.\n")
    verbose = invoke(["-v", "types"])  # -v: the traceback first, then the same line
    assert verbose.exit_code == 70
    assert verbose.stderr.startswith("Traceback (most recent call last):\n")
    assert verbose.stderr.endswith("RuntimeError: hỏng\nlỗi nội bộ của kehoach (RuntimeError: hỏng); không tệp nào "
                                   "bị thay đổi. Hãy chạy lại với KEHOACH_DEBUG=1 và gửi kết quả cho người phát "
                                   "triển.\n")
    monkeypatch.setenv("KEHOACH_DEBUG", "1")
    with pytest.raises(RuntimeError, match="hỏng"):
        invoke(["types"])


# -- -q and -v --------------------------------------------------------------------------------------


def test_quiet_and_verbose(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.yaml").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke(["render", "k.yaml"]) == CliResult(0, "Đã tạo k.docx (bản để trình ký).\n", "")
    assert invoke(["-q", "render", "k.yaml"]) == CliResult(0, "", "")
    assert invoke(["--quiet", "schema", "-o", "s.json"]) == CliResult(0, "", "")
    # -q keeps what a command makes: the report of check, the text of textconv.
    assert invoke(["-q", "check", "k.yaml"]) == CliResult(0, "Không có lỗi nào.\n", "")
    verbose = invoke(["-v", "render", "k.yaml"])
    assert (verbose.exit_code, verbose.stdout) == (0, "Đã tạo k.docx (bản để trình ký).\n")
    assert re.fullmatch(r"Mẫu Word: mẫu mặc định; xong trong \d+\.\d\d giây\.\n", verbose.stderr)


# -- completion -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o default -F _kehoach_completion kehoach"),
                                               ("zsh", "compdef _kehoach_completion kehoach"),
                                               ("fish", "complete --command kehoach"),
                                               ("powershell", "Register-ArgumentCompleter -Native -CommandName "
                                                "kehoach")])
def test_show_completion_for_the_four_shells(shell, marker):
    result = invoke(["--show-completion", "--shell", shell])
    assert (result.exit_code, result.stderr) == (0, "")
    assert marker in result.stdout and "_KEHOACH_COMPLETE" in result.stdout


def test_install_completion_writes_the_script_and_says_where_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = invoke(["--install-completion", "--shell", "bash"])
    script = tmp_path / ".bash_completions" / "kehoach.sh"
    assert result == CliResult(0, f"Đã cài gợi ý lệnh cho bash vào {script} (nạp từ {tmp_path / '.bashrc'}). Hãy mở "
                               "lại cửa sổ dòng lệnh để dùng phím Tab.\n", "")
    assert "_KEHOACH_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_an_unknown_shell_is_named_in_vietnamese(monkeypatch):
    import typer._completion_shared

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: "tcsh")
    result = invoke(["--show-completion"])
    assert result == CliResult(2, "", "Lỗi: không nhận ra trình dòng lệnh đang dùng; hãy ghi tên của nó, ví dụ "
                               "«kehoach --show-completion --shell powershell» (bash, zsh, fish, powershell hoặc "
                               "pwsh)\n")


def completions(shell: str, line: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="1", _KEHOACH_COMPLETE=f"complete_{shell}",
               _TYPER_COMPLETE_ARGS=line, _TYPER_COMPLETE_WORD_TO_COMPLETE=line.split()[-1])
    done = subprocess.run([sys.executable, "-m", "kehoach"], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def test_completion_offers_commands_and_options_with_vietnamese_descriptions():
    zsh = completions("zsh", "kehoach re")
    assert zsh == """_arguments '*: :(("render":"Kiểm tra rồi tạo văn bản Word (.docx) theo..."))'\n"""
    powershell = completions("powershell", "kehoach render --te")
    assert powershell == "--template:::Mẫu Word (.docx) thay cho mẫu mặc định\n"
    assert english_words(zsh + powershell) == []


@pytest.mark.parametrize(("line", "offered"), [
    ("kehoach render a.yaml --doc q", '("quyet-dinh")'),
    ("kehoach render a.yaml --doc ", '("ke-hoach"\n"quyet-dinh"\n"bao-cao"\n"all")'),
    ("kehoach check --the-thuc h", '("hd36")'),
    ("kehoach check -f s", '("sarif")'),
    ("kehoach --shell p", '("powershell"\n"pwsh")'),
    ("kehoach check --explain text-q", '("text-quotes")'),  # not a fixed choice, but each id is offered
    ("kehoach init --loai Kế", '("Kế hoạch")'),
])
def test_completion_offers_the_values_of_an_option(line, offered):
    assert completions("zsh", line) == f"_arguments '*: :({offered})'\n"


# -- the cost of starting ---------------------------------------------------------------------------

HEAVY = ["pydantic", "kehoach.model.plan", "docx", "docxtpl", "jinja2", "yaml", "lxml", "rich"]


@pytest.mark.parametrize(
    ("args", "exit_code", "stdout"),
    [(["--help"], 0, "Cách dùng: kehoach [TÙY CHỌN]"), (["render", "--help"], 0, "Cách dùng: kehoach render"),
     (["--version"], 0, "kehoach "), (["chek"], 2, "")],
)
def test_help_version_and_usage_errors_import_no_library(args, exit_code, stdout):
    """`python -m kehoach ARGS` in a fresh process: what it printed, and which heavy modules it imported."""
    script = ("import runpy, sys\n"
              f"sys.argv = ['kehoach', *{args!r}]\n"
              "try:\n"
              "    runpy.run_module('kehoach', run_name='__main__')\n"
              "except SystemExit as stop:\n"
              f"    heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
              "    print('IMPORTED', heavy, stop.code, file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="1", COLUMNS="80")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert done.stderr.splitlines()[-1] == f"IMPORTED [] {exit_code}"
    assert done.stdout.startswith(stdout) and (done.stdout != "") == (stdout != "")


def test_python_m_kehoach_is_the_command():
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="1")
    done = subprocess.run([sys.executable, "-m", "kehoach", "--version"], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"kehoach {kehoach.__version__}\n", "")


# -- exit codes, as the README's table says ---------------------------------------------------------


def test_exit_codes_follow_the_readme(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = PLAN_2024.read_text(encoding="utf-8")
    (tmp_path / "dung.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "go-sai.yaml").write_text(plan.replace("\ntrich_yeu:", "\ntrich_yue:", 1), encoding="utf-8")
    (tmp_path / "utf16.yaml").write_bytes(plan.encode("utf-16"))
    (tmp_path / "ngoac.yaml").write_text(plan + "\nthem: [\n", encoding="utf-8")
    codes = {args: invoke(list(args)).exit_code for args in [
        ("check", "dung.yaml"),
        ("check", "go-sai.yaml"),  # a key typo: an error in the plan
        ("check", "ngoac.yaml"),  # broken YAML: an error in the plan too
        ("render", "go-sai.yaml", "-o", "a.docx"),
        ("check", "khong-co.yaml"),  # a file that is not there
        ("check", "utf16.yaml"),  # a file saved in another encoding
        ("render", "khong-co.yaml"),
        ("render", "dung.yaml", "-t", "khong-co.docx"),  # a template that is not there
        ("diff", "dung.yaml", "dung.yaml"),
        ("diff", "dung.yaml", "go-sai.yaml"),  # diff: 1 means «different», so any error is 2
        ("render", "--outptu", "x"),  # a wrong command line
    ]}
    assert list(codes.values()) == [0, 1, 1, 1, 2, 2, 2, 2, 0, 2, 2]
