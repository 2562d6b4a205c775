"""`kehoach --install-completion` edits the clerk's own shell start-up file (~/.bashrc, ~/.zshrc, the PowerShell
profile): through the guarded write, keeping every byte the clerk wrote, adding its line once, never replacing
a linked dotfile by a copy, and refusing what is not a regular text file with nothing changed."""

from __future__ import annotations

import os
import stat

import pytest

from hostile.harness import kehoach, snapshot
from support import CliResult, invoke

from kehoach.features.completion import MARK

SCRIPT_LINE = "source '{home}/.bash_completions/kehoach.sh'"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def install(shell: str = "bash") -> CliResult:
    return invoke(["--install-completion", "--shell", shell])


def test_the_clerks_bashrc_keeps_every_byte_and_gets_one_line_once(home):
    clerk = "# của tôi\r\nalias ll='ls -l'\r\nexport PS1='> '   "  # CRLF, and no line end at the end
    (home / ".bashrc").write_text(clerk, encoding="utf-8", newline="")
    os.chmod(home / ".bashrc", 0o600)
    result = install()
    script = home / ".bash_completions" / "kehoach.sh"
    assert result == CliResult(0, f"Đã cài gợi ý lệnh cho bash vào {script} (nạp từ {home / '.bashrc'}). Hãy mở lại "
                                  "cửa sổ dòng lệnh để dùng phím Tab.\n", "")
    after = (home / ".bashrc").read_bytes().decode("utf-8")
    line = SCRIPT_LINE.format(home=home)
    assert after == clerk + "\r\n\r\n" + MARK + "\r\n" + line + "\r\n"  # the file's own line ending
    assert stat.S_IMODE((home / ".bashrc").stat().st_mode) == 0o600  # its permissions kept
    assert "_KEHOACH_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    before = snapshot(home)
    assert install().exit_code == 0
    assert snapshot(home) == before  # a second install changes nothing: no blank line added each time


def test_a_new_bashrc_is_made(home):
    assert install().exit_code == 0
    assert (home / ".bashrc").read_text(encoding="utf-8") == f"{MARK}\n{SCRIPT_LINE.format(home=home)}\n"


def test_a_linked_bashrc_stays_a_link_and_its_target_gets_the_line(home):
    (home / "dotfiles").mkdir()
    (home / "dotfiles" / "bashrc").write_text("alias k=kehoach\n", encoding="utf-8")
    os.symlink("dotfiles/bashrc", home / ".bashrc")
    assert install().exit_code == 0
    assert os.readlink(home / ".bashrc") == "dotfiles/bashrc"
    assert (home / "dotfiles" / "bashrc").read_text(encoding="utf-8") == (
        f"alias k=kehoach\n\n{MARK}\n{SCRIPT_LINE.format(home=home)}\n")


def test_the_zshrc_is_not_reflowed(home):
    """typer stripped the file's leading and trailing blank lines and added a zstyle of its own."""
    clerk = "\n\n# đầu tệp\nsetopt autocd   \n\n\n"
    (home / ".zshrc").write_text(clerk, encoding="utf-8")
    assert install("zsh").exit_code == 0
    assert (home / ".zshrc").read_text(encoding="utf-8") == (
        clerk + "\n" + MARK + "\nfpath+=~/.zfunc; autoload -Uz compinit; compinit\n")
    assert "#compdef kehoach" in (home / ".zfunc" / "_kehoach").read_text(encoding="utf-8")


def test_the_powershell_profile_gets_the_script_once_and_the_execution_policy_is_left_alone(home, monkeypatch):
    import subprocess

    import kehoach.features.completion as completion

    profile = home / "Documents" / "PowerShell" / "Microsoft.PowerShell_profile.ps1"
    profile.parent.mkdir(parents=True)
    profile.write_bytes(b"Set-Alias k kehoach\r\n")
    monkeypatch.setattr(completion, "powershell_profile", lambda shell: profile)
    ran = []
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: ran.append(args))
    result = install("powershell")
    assert result.exit_code == 0
    assert result.stdout.endswith("Nếu PowerShell báo không được chạy tập lệnh (scripts), hãy tự cho phép: "
                                  "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser\n")
    text = profile.read_bytes().decode("utf-8")
    assert text.startswith("Set-Alias k kehoach\r\n\r\n" + MARK + "\r\n")
    assert "Register-ArgumentCompleter" in text and "\n" not in text.replace("\r\n", "")
    assert ran == []  # typer ran «Set-ExecutionPolicy Unrestricted»: not kehoach's to change
    before = profile.read_bytes()
    assert install("powershell").exit_code == 0
    assert profile.read_bytes() == before


def test_a_bashrc_that_is_not_utf8_is_left_alone(home):
    (home / ".bashrc").write_bytes(b"# \xe0\xe1 cp1258\n")
    result = install()
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"{home / '.bashrc'}: «{home / '.bashrc'}» không phải chữ UTF-8 nên kehoach không sửa "
                             "nó, để khỏi làm hỏng; hãy dùng «kehoach --show-completion» rồi tự chép vào tệp này\n")
    assert sorted(p.name for p in home.iterdir()) == [".bashrc"]  # the script not written either
    assert (home / ".bashrc").read_bytes() == b"# \xe0\xe1 cp1258\n"


def test_a_fifo_as_the_bashrc_is_refused_at_once(tmp_path):
    """A FIFO would block a reader (typer's) or a writer forever; bounded in a child process."""
    os.mkfifo(tmp_path / ".bashrc")
    before = snapshot(tmp_path)
    done = kehoach(tmp_path, "--install-completion", "--shell", "bash", env={"HOME": str(tmp_path)}, timeout=20)
    bashrc = tmp_path / ".bashrc"
    assert (done.code, done.stdout, done.stderr) == (2, "", (
        f"{bashrc}: «{bashrc}» là một ống dẫn (FIFO), không phải tệp thường; kehoach chỉ đọc tệp thường (đọc từ đó có"
        " thể treo máy); kehoach không sửa nó; hãy dùng «kehoach --show-completion» rồi tự chép đoạn mã vào tệp khởi"
        " động của trình dòng lệnh\n"))
    assert snapshot(tmp_path) == before


def test_a_folder_where_the_script_goes_is_refused(home):
    (home / ".bash_completions" / "kehoach.sh").mkdir(parents=True)
    (home / ".bashrc").write_text("# của tôi\n", encoding="utf-8")
    result = install()
    script = home / ".bash_completions" / "kehoach.sh"
    assert result == CliResult(2, "", f"{script}: đường dẫn ra là một thư mục; hãy ghi tên tệp\n")
    assert (home / ".bashrc").read_text(encoding="utf-8") == "# của tôi\n"  # nothing added for a script not written
