"""kehoach --install-completion / --show-completion: typer's completion scripts, with Vietnamese messages.

typer's own two options speak English («bash completion installed in …»); kehoach declares its own
(cli/options.py) and calls typer's script writer and installer. The completions themselves (command names
and their descriptions, options and their help) are read from the commands, so they are Vietnamese too.
"""

from __future__ import annotations

from kehoach.cli.app import echo
from kehoach.cli.options import Shell

PROG = "kehoach"
COMPLETE_VAR = "_KEHOACH_COMPLETE"
NOT_DETECTED = ("không nhận ra trình dòng lệnh đang dùng; hãy ghi tên của nó, ví dụ «kehoach --show-completion "
                "--shell powershell» (bash, zsh, fish, powershell hoặc pwsh)")


def _shell(chosen: Shell | None) -> str | None:
    if chosen is not None:
        return chosen.value
    from typer._completion_shared import _get_shell_name

    found = _get_shell_name()
    return found if found in {shell.value for shell in Shell} else None


def show(chosen: Shell | None) -> int:
    """Print the completion script of the shell; 2 when the shell is not known."""
    from typer._completion_shared import get_completion_script

    shell = _shell(chosen)
    if shell is None:
        echo(f"Lỗi: {NOT_DETECTED}", err=True)
        return 2
    echo(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell))
    return 0


def install(chosen: Shell | None) -> int:
    """Write the completion script where the shell reads it, and say where."""
    from typer._completion_shared import install as install_script

    shell = _shell(chosen)
    if shell is None:
        echo(f"Lỗi: {NOT_DETECTED}", err=True)
        return 2
    try:
        shell, path = install_script(shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR)
    except OSError as error:
        echo(f"Lỗi: không ghi được đoạn mã gợi ý lệnh ({error.strerror or error}); hãy dùng --show-completion "
             "rồi tự chép vào tệp cấu hình", err=True)
        return 2
    echo(f"Đã cài gợi ý lệnh cho {shell} vào {path}. Hãy mở lại cửa sổ dòng lệnh để dùng phím Tab.")
    return 0
