"""The console a clerk runs kehoach in: UTF-8 output whatever the code page, and colours only where they show.

On Windows, Python writes to a pipe or a file (every `>` redirect, every `git diff` through `kehoach textconv`)
in the machine's legacy code page (cp1258 on a Vietnamese Windows, cp1252 on an English one), which cannot
encode most Vietnamese letters: the run would end in UnicodeEncodeError. `utf8_streams` switches stdout and
stderr to UTF-8, which git, VS Code and PowerShell 7 read. A console window itself is written through the
wide-character API whatever the encoding, so it is left as it is.

Colours are ANSI escape codes. Windows 10 and later draw them once "virtual terminal processing" is turned on
for the console; older consoles (and consoles where turning it on fails) would print `←[31m`, so there the
answer is no colour. NO_COLOR (no-color.org), a pipe or a file, and TERM=dumb also mean no colour.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

#: SetConsoleMode flag that makes a Windows console draw ANSI escape codes (Windows 10 1511 and later).
ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
#: GetStdHandle's numbers for stdout and stderr.
_STD_HANDLES = {1: -11, 2: -12}

_colour_cache: dict[int, bool] = {}


def utf8_streams() -> None:
    """Make stdout and stderr write UTF-8 (and stdin read it when it is not a terminal), once, at start-up.

    errors="backslashreplace": a lone surrogate (a broken file name) is shown escaped instead of ending the run.
    """
    for stream in (sys.stdout, sys.stderr):
        _reconfigure(stream, "backslashreplace")
    stdin = sys.stdin
    if stdin is not None and not _isatty(stdin):  # answers piped into `kehoach init` come as UTF-8 text
        _reconfigure(stdin, "replace")


def _reconfigure(stream: TextIO | None, errors: str) -> None:
    reconfigure = getattr(stream, "reconfigure", None)  # io.StringIO (tests) and closed streams have none
    if reconfigure is None or _is_utf8(getattr(stream, "encoding", None)):
        return
    try:
        reconfigure(encoding="utf-8", errors=errors)
    except (ValueError, OSError):  # a stream already read from or closed: leave it
        pass


def _is_utf8(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False


def colour(stream: TextIO | None = None) -> bool:
    """Whether to colour what goes to `stream` (default stdout).

    No colour when NO_COLOR is set to anything but "", when the stream is not a terminal, with TERM=dumb,
    and on a Windows console that cannot be switched to drawing ANSI codes.
    """
    stream = stream if stream is not None else sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or stream is None or not _isatty(stream):
        return False
    if sys.platform != "win32":
        return True
    try:
        fileno = stream.fileno()
    except (AttributeError, ValueError, OSError):
        return False
    if fileno not in _colour_cache:
        _colour_cache[fileno] = enable_virtual_terminal(fileno)
    return _colour_cache[fileno]


def enable_virtual_terminal(fileno: int, kernel32=None) -> bool:
    """Turn on ANSI drawing for the Windows console behind `fileno` (1 or 2); False where it cannot be.

    `kernel32`: the Windows API (ctypes.windll.kernel32 by default; tests pass a stand-in).
    """
    if fileno not in _STD_HANDLES:
        return False
    if kernel32 is None:
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # only on Windows
        except (ImportError, AttributeError, OSError):
            return False
    import ctypes
    from ctypes import wintypes

    handle = kernel32.GetStdHandle(_STD_HANDLES[fileno])
    if not handle or handle == -1:  # INVALID_HANDLE_VALUE, or no console attached
        return False
    mode = wintypes.DWORD()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False  # not a console (a pipe that claims to be a terminal, mintty without winpty)
    if mode.value & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
        return True
    # Windows 7 and 8, and a console with the legacy mode ticked, refuse the flag: then no colour.
    return bool(kernel32.SetConsoleMode(handle, mode.value | ENABLE_VIRTUAL_TERMINAL_PROCESSING))
