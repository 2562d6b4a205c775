"""The options and arguments that several commands share, declared once, and the choices as enums.

A command takes them as parameters: `template: Template = None`. An option whose words differ from
command to command (what -o writes, what --format offers) is made by a function of those words, so that
its short and long names, its type and its checks are still written once.
Every metavar is set here: click would otherwise name a value by its type in English (PATH, INTEGER, TEXT).
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.models import TyperPath

from kehoach.cli import vietnamese


class PathType(TyperPath):
    """A file or folder named on the command line: never empty.

    click reads an empty argument as Path(""), which is the current folder: `kehoach check ''` (a shell
    variable that was not set) would check every plan there, `-o ''` would name the folder. Every path
    parameter takes this type (`click_type=PATH`), so that an empty one is a usage error (exit 2); so is one of
    blanks only (`-o " "`), a name no clerk means and Windows cannot hold."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            what = "tên tệp" if isinstance(param, click.Option) else "tên tệp hoặc thư mục («.» là thư mục hiện tại)"
            self.fail(f"đường dẫn để trống; hãy ghi {what}", param, ctx)
        return super().convert(value, param, ctx)


#: The type of every path parameter (a command's files, -o, -t, --docx).
PATH = PathType()


def choice(enum: type[Enum]) -> click.Choice:
    """The choices of `enum` as typer checks them (case-insensitive), in Vietnamese when the value is not one."""
    return vietnamese.Choice([item.value for item in enum], case_sensitive=False)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


class Layout(str, Enum):
    """The layout profiles a Word document can be checked against (src/kehoach/data/profiles/)."""

    nd30 = "nd30"
    hd36 = "hd36"


class Document(str, Enum):
    """The documents `render --doc` makes from one data file: its own, those its kind makes from blocks of the
    file (kehoach.render.documents.KINDS, from the kinds' data: a test keeps the two equal), or all of them."""

    ke_hoach = "ke-hoach"
    quyet_dinh = "quyet-dinh"
    bao_cao = "bao-cao"
    all = "all"


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
    return Annotated[Path | None, typer.Option("-o", "--output", metavar=metavar, click_type=PATH, help=help, show_default=False)]


def output_format(enum: type[Enum], help: str):
    """-f/--format: the form of what a command prints; its choices are checked by click."""
    return Annotated[enum, typer.Option("-f", "--format", metavar="DẠNG", help=help, show_default=False,
                                        click_type=choice(enum))]


Template = Annotated[Path | None, typer.Option("-t", "--template", metavar="MẪU.docx", show_default=False, click_type=PATH,
                                               help="Mẫu Word (.docx) thay cho mẫu mặc định")]
Plans = Annotated[list[Path], typer.Argument(metavar="KẾ_HOẠCH.yaml...", show_default=False, click_type=PATH,
                                             help="Tệp kế hoạch .yaml; nhiều tệp hoặc thư mục thì tạo văn bản "
                                             "cho mọi kế hoạch trong đó")]
Jobs = Annotated[int | None, typer.Option("-j", "--jobs", metavar="SỐ", click_type=vietnamese.IntRange(min=1),
                                          show_default=False,
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
    "--shell", metavar="TÊN", show_default=False, click_type=choice(Shell),
    help="Trình dòng lệnh cho hai tùy chọn trên, thay vì tự nhận ra: bash, zsh, fish, powershell hoặc "
    "pwsh")]
