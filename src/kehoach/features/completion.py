"""Shell completion set up on the clerk's machine (`kehoach --install-completion`): typer's script where the
shell looks for it, and the line that loads it in the shell's start-up file (~/.bashrc, ~/.zshrc, the
PowerShell profile).

typer's own installer rewrites the start-up file in place (a crash halfway leaves it cut short), adds a
blank line at every run, strips a .zshrc's blank lines, replaces a linked dotfile by a copy, blocks on a
FIFO, and sets PowerShell's execution policy to Unrestricted. Here every file is written through the
guarded write (kehoach.output: atomic, the same permissions, nothing but a regular file replaced), a
start-up file keeps every byte of the clerk's content with the line added at its end once, a linked one is
written where the link points, and the execution policy is the clerk's to choose.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError, Location

#: Above the lines kehoach adds to a start-up file, so that a clerk knows where they came from.
MARK = "# kehoach: gợi ý lệnh bằng phím Tab (kehoach --install-completion)"


@dataclass(frozen=True)
class Installed:
    script: Path  # where the completion script is (the profile itself for PowerShell)
    startup: Path | None  # the start-up file that loads it (None: the shell finds it alone, as fish does)


def install(shell: str, script: str, home: Path | None = None, profile: Path | None = None) -> Installed:
    """Write `script` (typer's, for `shell`) and make the shell load it; InputError or OutputError, in
    Vietnamese, when a file in the way cannot be used — nothing is then changed."""
    home = home or Path.home()
    if shell == "bash":
        target = home / ".bash_completions" / "kehoach.sh"
        return _with_startup(target, script, home / ".bashrc", f"source '{target}'")
    if shell == "zsh":
        return _with_startup(home / ".zfunc" / "_kehoach", script, home / ".zshrc",
                             "fpath+=~/.zfunc; autoload -Uz compinit; compinit")
    if shell == "fish":  # fish reads ~/.config/fish/completions/ by itself
        target = home / ".config" / "fish" / "completions" / "kehoach.fish"
        _write(target, script if script.endswith("\n") else script + "\n")
        return Installed(target, None)
    profile = profile or powershell_profile(shell)
    _append_once(profile, script.rstrip("\n"))
    return Installed(profile, profile)


def _with_startup(target: Path, script: str, startup: Path, line: str) -> Installed:
    startup = _real(startup)
    _readable_text(startup)  # checked before anything is written: a start-up file in the way changes nothing
    _write(target, script)
    _append_once(startup, line)
    return Installed(target, startup)


def _real(path: Path) -> Path:
    """A dotfile linked into a dotfiles repository is written where the link points, the link kept."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def _readable_text(path: Path) -> str | None:
    """The start-up file's text (None when there is none yet); refused when it is not a regular text file."""
    from kehoach.source.reading import read_input

    if not os.path.lexists(path):
        return None
    data = read_input(path, "startup")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"«{path}» không phải chữ UTF-8 nên kehoach không sửa nó, để khỏi làm hỏng; hãy dùng «kehoach"
                         " --show-completion» rồi tự chép vào tệp này", Location(str(path))) from None


def _append_once(path: Path, lines: str) -> None:
    """`lines` at the end of the text file `path` (made if missing), under MARK, unless already there."""
    from kehoach.source.newlines import line_ending

    path = _real(path)
    text = _readable_text(path)
    if text is not None and lines in text.replace("\r\n", "\n"):
        return  # installed already: running it again changes nothing
    text = text or ""
    ending = line_ending(text) if text else os.linesep if path.suffix.lower() == ".ps1" else "\n"
    added = "\n".join([MARK, lines]).replace("\n", ending) + ending
    if text and not text.endswith(("\n", "\r")):
        text += ending
    if text:
        text += ending  # a blank line between the clerk's content and kehoach's
    _write(path, (text + added).encode("utf-8"))


def _write(path: Path, data: str | bytes) -> None:
    from kehoach.output import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data, elsewhere=None, kind="text",
                 replaces_input=True)


def powershell_profile(shell: str) -> Path:
    """The current user's PowerShell profile, as PowerShell itself names it."""
    try:
        done = subprocess.run([shell, "-NoProfile", "-Command", "echo", "$profile"], capture_output=True,
                              timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as error:
        raise InputError(f"không chạy được {shell} để biết tệp hồ sơ (profile) của PowerShell ({error}); hãy dùng "
                         "«kehoach --show-completion --shell powershell» rồi tự chép vào tệp $PROFILE",
                         Location(shell)) from None
    for encoding in ("utf-8", "cp1252", "cp850"):
        try:
            found = done.stdout.decode(encoding).strip()
            break
        except UnicodeDecodeError:
            continue
    else:
        found = ""
    if done.returncode != 0 or not found:
        raise InputError(f"{shell} không cho biết tệp hồ sơ (profile) của PowerShell; hãy dùng «kehoach "
                         "--show-completion --shell powershell» rồi tự chép vào tệp $PROFILE", Location(shell))
    return Path(found)
