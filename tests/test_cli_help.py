"""The command line's own words: help, usage errors and exit codes, all in Vietnamese, and cheap to start.

argparse writes English ("usage:", "options", "the following arguments are required", "invalid int value"…);
kehoach.cli.vietnamese replaces every word of it. These tests pin the exact text a clerk reads and check
that no English word of argparse is left in the help of any command or in any kind of usage error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import kehoach
from kehoach.cli.app import root
from support import PLAN_2024, ROOT, CliResult, invoke

COMMANDS = ["render", "check", "rules", "init", "types", "info", "textconv", "schema", "new", "fmt", "diff"]
# argparse's English, as it would show in a help or an error: none of it may reach the clerk.
ENGLISH = re.compile(r"usage|options|positional|required|invalid|error:|argument|expected|unrecognized|choice|"
                     r"show this help|default|allowed|ambiguous|<path>|<str>|list\[", re.IGNORECASE)

ROOT_HELP = """\
Cách dùng: kehoach [TÙY CHỌN] LỆNH [THAM SỐ]...

  Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng thể thức Nghị định
  30/2020/NĐ-CP.

Tùy chọn:
  --version  In phiên bản rồi thoát.
  --help     In hướng dẫn này rồi thoát.

Lệnh:
  render    Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định...
  check     Tìm mọi lỗi trong kế hoạch, hoặc lỗi thể thức của văn bản...
  rules     Liệt kê các quy tắc kiểm tra, mức mặc định và nội dung tóm tắt.
  init      Hỏi vài câu (cơ quan, địa danh, năm, loại văn bản, người ký)...
  types     Liệt kê các loại văn bản (Phụ lục III Nghị định 30) và chữ...
  info      In thông tin để vào sổ văn bản điện tử: loại, số ký hiệu,...
  textconv  In kế hoạch (hoặc văn bản Word) thành chữ theo thứ tự văn...
  schema    In JSON Schema của tệp kế hoạch (có mô tả tiếng Việt) cho...
  new       Lập kế hoạch năm sau từ kế hoạch năm trước (bản dự thảo) và...
  fmt       Viết lại tệp kế hoạch theo một cách trình bày thống nhất (giữ...
  diff      So sánh hai phiên bản kế hoạch theo từng mục (căn cứ, mục,...
"""

RENDER_HELP = """\
Cách dùng: kehoach render [TÙY CHỌN] KẾ_HOẠCH.yaml...

  Kiểm tra rồi tạo văn bản Word (.docx) theo thể thức Nghị định 30 từ tệp kế
  hoạch.

Tham số:
  KẾ_HOẠCH.yaml            Tệp kế hoạch .yaml; nhiều tệp hoặc thư mục thì tạo
                           văn bản cho mọi kế hoạch trong đó

Tùy chọn:
  -o, --output TỆP.docx    Tệp .docx tạo ra (mặc định: cạnh tệp kế hoạch, cùng
                           tên)
  -t, --template MẪU.docx  Mẫu Word (.docx) thay cho mẫu mặc định
  --force                  Vẫn tạo văn bản khi kiểm tra thấy lỗi; văn bản được
                           đánh dấu DỰ THẢO
  --pdf                    Tạo thêm tệp PDF cạnh văn bản Word, bằng
                           LibreOffice (cần cài LibreOffice)
  -j, --jobs SỐ            Số kế hoạch tạo cùng lúc khi tạo nhiều văn bản (mặc
                           định: số nhân CPU)
  --doc LOẠI               Văn bản cần tạo: ke-hoach (Kế hoạch, mặc định),
                           quyet-dinh (Quyết định ban hành kế hoạch, từ khối
                           quyet_dinh), bao-cao (Báo cáo kết quả, từ khối
                           ket_qua) hoặc all (cả ba)
  --help                   In hướng dẫn này rồi thoát.
"""


@pytest.fixture(autouse=True)
def terminal_80_columns(monkeypatch):
    """The help is as wide as the terminal (at most 78 columns): pinned, so that the texts below are exact."""
    monkeypatch.setenv("COLUMNS", "80")


def usage_error(prog: str, arguments: str, message: str) -> str:
    return f"Cách dùng: {prog} [TÙY CHỌN] {arguments}\nXem «{prog} --help».\nLỗi: {message}\n"


RENDER = ("kehoach render", "KẾ_HOẠCH.yaml...")
NEW = ("kehoach new", "TỆP")
DIFF = ("kehoach diff", "CŨ MỚI")
KEHOACH = ("kehoach", "LỆNH [THAM SỐ]...")


# -- help -------------------------------------------------------------------------------------------


def test_the_commands_are_listed_in_the_order_a_clerk_meets_them():
    assert list(root.commands) == COMMANDS


def test_root_help():
    assert invoke(["--help"]) == CliResult(0, ROOT_HELP, "")


def test_no_arguments_print_the_help_on_stderr_with_exit_code_0():
    assert invoke([]) == CliResult(0, "", ROOT_HELP)


def test_render_help():
    assert invoke(["render", "--help"]) == CliResult(0, RENDER_HELP, "")


def test_a_narrow_terminal_wraps_the_help(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = invoke(["--help"]).stdout.splitlines()
    assert lines[2:4] == ["  Soạn Kế hoạch của Ủy ban nhân dân từ dữ liệu YAML, đúng",
                          "  thể thức Nghị định 30/2020/NĐ-CP."]
    assert lines[10:12] == ["  render    Kiểm tra rồi tạo văn bản Word (.docx)...",
                            "  check     Tìm mọi lỗi trong kế hoạch, hoặc lỗi thể..."]
    assert max(len(line) for line in lines) <= 58


@pytest.mark.parametrize("command", [[]] + [[name] for name in COMMANDS], ids=["kehoach"] + COMMANDS)
def test_every_help_is_vietnamese_only(command):
    result = invoke([*command, "--help"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"Cách dùng: {' '.join(['kehoach', *command])} [TÙY CHỌN]")
    assert "\nTùy chọn:\n" in result.stdout and "  --help" in result.stdout
    assert ENGLISH.findall(result.stdout) == []


def test_version():
    assert invoke(["--version"]) == CliResult(0, f"kehoach {kehoach.__version__}\n", "")
    # As before: --version before a command answers, whatever follows.
    assert invoke(["--version", "render"]) == CliResult(0, f"kehoach {kehoach.__version__}\n", "")


# -- usage errors: exit code 2, the usage line, where to find help, the message ---------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # a needed argument left out
        (["render"], usage_error(*RENDER, "thiếu KẾ_HOẠCH.yaml; hãy ghi KẾ_HOẠCH.yaml sau tên lệnh")),
        (["fmt"], usage_error("kehoach fmt", "TỆP...", "thiếu TỆP...; hãy ghi TỆP... sau tên lệnh")),
        (["info"], usage_error("kehoach info", "KẾ_HOẠCH.yaml",
                               "thiếu KẾ_HOẠCH.yaml; hãy ghi KẾ_HOẠCH.yaml sau tên lệnh")),
        (["textconv"], usage_error("kehoach textconv", "TỆP", "thiếu TỆP; hãy ghi TỆP sau tên lệnh")),
        (["new"], usage_error(*NEW, "thiếu TỆP; hãy ghi TỆP sau tên lệnh")),
        (["diff"], usage_error(*DIFF, "thiếu CŨ; hãy ghi CŨ sau tên lệnh")),
        (["diff", "a.yaml"], usage_error(*DIFF, "thiếu MỚI; hãy ghi MỚI sau tên lệnh")),
        # an unknown option, with the closest one when there is one
        (["render", "--outptu", "kh.docx", "a.yaml"],
         usage_error(*RENDER, "không có tùy chọn «--outptu»; có phải «--output»?")),
        (["new", "a.yaml", "--nam=2025", "--foce"],
         usage_error(*NEW, "không có tùy chọn «--foce»; có phải «--force»?")),
        (["check", "-h"], usage_error("kehoach check", "[TỆP...]", "không có tùy chọn «-h»")),
        (["--vesion"], usage_error(*KEHOACH, "không có tùy chọn «--vesion»; có phải «--version»?")),
        # an unknown command, or none
        (["chek", "a.yaml"], usage_error(*KEHOACH, "không có lệnh «chek»; có phải «check»?")),
        (["xuat", "a.yaml"], usage_error(*KEHOACH, "không có lệnh «xuat»")),
        (["--"], usage_error(*KEHOACH, "thiếu LỆNH; hãy ghi LỆNH sau kehoach")),
        # a value that is not a number
        (["render", "ho-so", "--jobs", "abc"],
         usage_error(*RENDER, "giá trị không hợp lệ: -j/--jobs cần một số, không phải «abc»")),
        (["new", "a.yaml", "--nam", "2025a"],
         usage_error(*NEW, "giá trị không hợp lệ: --year/--nam cần một số, không phải «2025a»")),
        # an option without its value, or a value given to a switch
        (["render", "a.yaml", "-o"],
         usage_error(*RENDER, "«-o/--output» cần một giá trị: hãy ghi TỆP.docx ngay sau nó")),
        (["render", "--force=yes", "a.yaml"], usage_error(*RENDER, "tùy chọn «--force» không nhận giá trị")),
        # one file too many
        (["textconv", "a.yaml", "b.yaml"], usage_error("kehoach textconv", "TỆP", "thừa tham số «b.yaml»")),
    ],
)
def test_usage_errors(args, expected):
    result = invoke(args)
    assert result == CliResult(2, "", expected)
    assert ENGLISH.findall(result.stderr) == []


# -- what stays as it was ---------------------------------------------------------------------------


def test_options_and_files_in_any_order():
    plans = [str(PLAN_2024), str(ROOT / "data" / "vi-du-bo-van-ban.yaml")]
    assert invoke(["check", *plans]) == CliResult(0, "Không có lỗi nào trong 2 tệp.\n", "")
    first = invoke(["check", "--format", "json", *plans])
    assert (first.exit_code, first.stdout.startswith('{\n  "problems": [],'), first.stderr) == (0, True, "")
    assert invoke(["check", plans[0], "-f", "json", plans[1]]) == first
    assert invoke(["check", *plans, "--format=json"]) == first
    assert invoke(["check", "-fjson", *plans]) == first


def test_check_without_files_says_what_to_write():
    assert invoke(["check"]) == CliResult(
        2, "", "Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»\n")


def test_init_stops_when_the_input_ends_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke(["init", "k.yaml"]) == CliResult(
        130, "Loại văn bản [Kế hoạch]: ", "Đã dừng theo yêu cầu; không tệp nào bị thay đổi.\n")
    assert list(tmp_path.iterdir()) == []


def test_a_bug_is_one_line_with_exit_code_70(monkeypatch):
    import kehoach.api

    def broken():
        raise RuntimeError("hỏng")

    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    monkeypatch.setattr(kehoach.api, "types_table", broken)
    assert invoke(["types"]) == CliResult(
        70, "", "lỗi nội bộ của kehoach (RuntimeError: hỏng); không tệp nào bị thay đổi. Hãy chạy lại với "
        "KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.\n")
    monkeypatch.setenv("KEHOACH_DEBUG", "1")
    with pytest.raises(RuntimeError, match="hỏng"):
        invoke(["types"])


# -- the cost of starting ---------------------------------------------------------------------------

HEAVY = ["pydantic", "typer", "click", "kehoach.model.plan", "docx", "docxtpl", "jinja2", "yaml", "lxml"]


@pytest.mark.parametrize(
    ("args", "exit_code", "stdout"),
    [(["--help"], 0, "Cách dùng: kehoach [TÙY CHỌN]"), (["render", "--help"], 0, "Cách dùng: kehoach render"),
     (["--version"], 0, "kehoach "), (["chek"], 2, "")],
)
def test_help_version_and_usage_errors_import_no_library(args, exit_code, stdout):
    """`python -m kehoach.cli ARGS` in a fresh process: what it printed, and which heavy modules it imported."""
    script = ("import runpy, sys\n"
              f"sys.argv = ['kehoach', *{args!r}]\n"
              "try:\n"
              "    runpy.run_module('kehoach.cli', run_name='__main__')\n"
              "except SystemExit as stop:\n"
              f"    heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
              "    print('IMPORTED', heavy, stop.code, file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="1", COLUMNS="80")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert done.stderr.splitlines()[-1] == f"IMPORTED [] {exit_code}"
    assert done.stdout.startswith(stdout) and (done.stdout != "") == (stdout != "")
