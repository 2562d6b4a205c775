"""The temporary file a write goes through: made beside the output, removed on any error and on SIGTERM, SIGHUP
and SIGINT, removed by the next write when a killed run left it, and renamed into place in one step.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from pathlib import Path

from kehoach.errors import OutputError
from kehoach.problems import Location
from kehoach.output.system_errors import reason
from kehoach.sharing import retried

_TEMP_SUFFIX = ".tmp"


def make_temp(path: Path, elsewhere: str | None, temps: set[str]) -> str:
    """A new temporary file beside `path`, named so that the next run knows whose it was."""
    # Short whatever the output's name (a 250-byte name plus a prefix would be too long itself); the pid
    # lets a later write remove what a killed run (SIGKILL, a power cut) left.
    prefix = f".{path.name[:40]}.kehoach-{os.getpid()}-"
    _remove_stale(path.parent, f".{path.name[:40]}.kehoach-")
    blocked = _block_signals()
    try:
        fd, temp = tempfile.mkstemp(prefix=prefix, suffix=_TEMP_SUFFIX, dir=path.parent)
        temps.add(temp)
    except OSError as error:
        advice = f"hãy chọn nơi ghi khác bằng {elsewhere}" if elsewhere else "hãy xử lý lỗi này rồi chạy lại"
        raise OutputError(f"không ghi được vào thư mục «{path.parent}» ({reason(error)}); {advice}",
                          Location(str(path))) from None
    finally:
        _unblock_signals(blocked)
    os.close(fd)
    return temp


def _remove_stale(folder: Path, prefix: str) -> None:
    """Remove the temporary files of runs that are gone (killed before they could clean up)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(_TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            unlink(os.path.join(folder, name))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True  # no cheap check there: leave the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class CleanOnSignal:
    """While writing: SIGTERM, SIGHUP and SIGINT first remove the temporary files, then act as before."""

    def __init__(self) -> None:
        self.temps: set[str] = set()
        self.previous: dict[int, object] = {}

    def __enter__(self) -> set[str]:
        if threading.current_thread() is threading.main_thread():  # handlers can only be set there
            for number in _SIGNALS:
                try:
                    self.previous[number] = signal.signal(number, self._handle)
                except (OSError, ValueError):
                    pass
        return self.temps

    def __exit__(self, *exc) -> None:
        for number, previous in self.previous.items():
            signal.signal(number, previous)
        self.previous.clear()

    def _handle(self, number, frame) -> None:
        for temp in list(self.temps):
            unlink(temp)
        previous = self.previous.get(number, signal.SIG_DFL)
        if callable(previous):
            previous(number, frame)  # Python's own SIGINT handler raises KeyboardInterrupt
        elif previous != signal.SIG_IGN:
            self.__exit__()
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)  # end as the signal ends a process: its exit status tells the caller


def _block_signals():
    if not hasattr(signal, "pthread_sigmask"):
        return None
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (OSError, ValueError):
        return None


def _unblock_signals(previous) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def replace(temp: Path, path: Path) -> None:
    """os.replace, tried again for a short while when another program holds `path` open (Windows)."""
    retried(lambda: os.replace(temp, path))
