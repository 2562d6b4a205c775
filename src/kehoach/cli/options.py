"""The options and arguments that several commands share, declared once, and the choices as enums.

A command takes them as parameters: `template: Template = None`. An option whose words differ from
command to command (what -o writes, what --format offers) is made by a function of those words, so that
its short and long names, its type and its checks are still written once.
Every metavar is set here: click would otherwise name a value by its type in English (PATH, INTEGER, TEXT).
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


class Layout(str, Enum):
    """The layout profiles a Word document can be checked against (src/kehoach/data/profiles/)."""

    nd30 = "nd30"
    hd36 = "hd36"


class InfoFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


class Shell(str, Enum):
    """The shells typer writes a completion script for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"
    pwsh = "pwsh"


def output(metavar: str, help: str):
    """-o/--output: the file a command writes (None: its default place, or the screen)."""
    return Annotated[Path | None, typer.Option("-o", "--output", metavar=metavar, help=help, show_default=False)]


def output_format(enum: type[Enum], help: str):
    """-f/--format: the form of what a command prints; its choices are checked by click."""
    return Annotated[enum, typer.Option("-f", "--format", metavar="DẠNG", help=help, show_default=False,
                                        case_sensitive=False)]


Template = Annotated[Path | None, typer.Option("-t", "--template", metavar="MẪU.docx", show_default=False,
                                               help="Mẫu Word (.docx) thay cho mẫu mặc định")]
Plans = Annotated[list[Path], typer.Argument(metavar="KẾ_HOẠCH.yaml...", show_default=False,
                                             help="Tệp kế hoạch .yaml; nhiều tệp hoặc thư mục thì tạo văn bản "
                                             "cho mọi kế hoạch trong đó")]
Jobs = Annotated[int | None, typer.Option("-j", "--jobs", metavar="SỐ", min=1, show_default=False,
                                          help="Số kế hoạch tạo cùng lúc khi tạo nhiều văn bản (mặc định: số "
                                          "nhân CPU)")]


def print_version(value: bool) -> None:
    """--version: answers at once, before the command and the other options are looked at."""
    if value:
        from kehoach import __version__

        print(f"kehoach {__version__}", flush=True)
        raise typer.Exit()


# The root's own options (kehoach -q render …).
Version = Annotated[bool, typer.Option("--version", is_eager=True, callback=print_version,
                                       help="In phiên bản rồi thoát.")]
Quiet = Annotated[bool, typer.Option("-q", "--quiet", help="Chỉ in lỗi, cảnh báo và kết quả chính, không in "
                                     "«Đã tạo…», «Đã ghi…»")]
Verbose = Annotated[bool, typer.Option("-v", "--verbose", help="In thêm: mẫu Word đã dùng, thời gian chạy; lỗi "
                                       "nội bộ in đủ chi tiết")]
InstallCompletion = Annotated[bool, typer.Option(
    "--install-completion", help="Cài gợi ý lệnh (phím Tab) cho trình dòng lệnh đang dùng: bash, zsh, fish hoặc PowerShell")]
ShowCompletion = Annotated[bool, typer.Option(
    "--show-completion", help="In đoạn mã gợi ý lệnh của trình dòng lệnh đang dùng, để tự chép vào tệp cấu hình")]
ShellOption = Annotated[Shell | None, typer.Option(
    "--shell", metavar="TÊN", show_default=False, case_sensitive=False,
    help="Trình dòng lệnh cho hai tùy chọn trên, thay vì tự nhận ra: bash, zsh, fish, powershell hoặc "
    "pwsh")]
