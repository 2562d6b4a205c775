"""kehoach --install-completion / --show-completion: typer's completion scripts, with Vietnamese messages.

typer's own two options speak English («bash completion installed in …»); kehoach declares its own
(cli/options.py) and calls typer's script writer and installer. The completions themselves (command names
and their descriptions, options and their help) are read from the commands, so they are Vietnamese too.
"""

from __future__ import annotations

from kehoach.cli.printing import echo
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
    """Write the completion script where the shell reads it (kehoach.features.completion), and say where."""
    from typer._completion_shared import get_completion_script

    from kehoach.errors import KehoachError
    from kehoach.features.completion import install as install_script

    shell = _shell(chosen)
    if shell is None:
        echo(f"Lỗi: {NOT_DETECTED}", err=True)
        return 2
    try:
        done = install_script(shell, get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell))
    except KehoachError as error:  # a file in the way: nothing was changed
        echo(str(error), err=True)
        return error.exit_code
    except OSError as error:  # a folder that cannot be made (~/.config is a file, no right to write)
        echo(f"Lỗi: không ghi được đoạn mã gợi ý lệnh ({error.strerror or error}); hãy dùng --show-completion "
             "rồi tự chép vào tệp cấu hình", err=True)
        return 2
    loaded = f" (nạp từ {done.startup})" if done.startup not in (None, done.script) else ""
    echo(f"Đã cài gợi ý lệnh cho {shell} vào {done.script}{loaded}. Hãy mở lại cửa sổ dòng lệnh để dùng phím Tab.")
    if shell in ("powershell", "pwsh"):
        echo("Nếu PowerShell báo không được chạy tập lệnh (scripts), hãy tự cho phép: Set-ExecutionPolicy RemoteSigned "
             "-Scope CurrentUser")
    return 0
