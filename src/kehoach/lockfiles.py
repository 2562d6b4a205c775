"""The lock files Word and LibreOffice leave beside an open document: who holds them, and whether one is stale.

Word writes `~$name.docx` (hidden on Windows), LibreOffice `.~lock.name.docx#`; both delete it on closing,
and both leave it behind when they crash or the machine is switched off. kehoach never deletes one itself
(the document may really be open, on this machine or over the network), but says whose it is, how to
delete it, and, where it can tell, that it is stale.

- A LibreOffice lock is one CSV line: `name,system user,host,date time,profile URL;` (LibreOffice's
  svl/source/misc/lockfilecommon.cxx). It names its host but no process: a lock of this machine while no
  LibreOffice runs here is stale.
- A Word lock starts with the user's name (one length byte, then the name in the ANSI code page; from byte 54
  a two-byte length and the name in UTF-16). It names no machine, so it is never judged stale.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: A lock file is a few hundred bytes; anything bigger is not one.
_MAX_BYTES = 4096
_WORD_UNICODE_AT = 54


@dataclass(frozen=True)
class LockOwner:
    user: str | None
    host: str | None = None
    time: str | None = None


def owner(lock: Path) -> LockOwner | None:
    """Who the lock file says holds the document, or None when it cannot be read."""
    from kehoach.errors import KehoachError
    from kehoach.source.reading import open_input

    try:  # the guarded read: a FIFO or a device under a lock file's name cannot block the run
        with open_input(lock, "lock") as handle:
            data = handle.read(_MAX_BYTES)
    except (KehoachError, OSError):
        return None
    if lock.name.startswith(".~lock."):
        return _libreoffice_owner(data)
    return _word_owner(data)


def _libreoffice_owner(data: bytes) -> LockOwner | None:
    fields = data.decode("utf-8", "replace").strip().rstrip(";").split(",")
    if len(fields) < 4:
        return None
    name, system_user, host, time = (field.strip() for field in fields[:4])
    return LockOwner(name or system_user or None, host or None, time or None)


def _word_owner(data: bytes) -> LockOwner | None:
    if len(data) > _WORD_UNICODE_AT + 2:
        length = int.from_bytes(data[_WORD_UNICODE_AT:_WORD_UNICODE_AT + 2], "little")
        raw = data[_WORD_UNICODE_AT + 2:_WORD_UNICODE_AT + 2 + 2 * length]
        if 0 < length <= 54 and len(raw) == 2 * length:
            name = raw.decode("utf-16-le", "replace").strip()
            if name.isprintable() and name:
                return LockOwner(name)
    if data and 0 < data[0] <= 53 and len(data) > data[0]:
        name = data[1:1 + data[0]].decode("cp1252", "replace").strip()
        if name.isprintable() and name:
            return LockOwner(name)
    return None


def is_stale(lock: Path, found: LockOwner | None) -> bool:
    """True only when sure: a LibreOffice lock of this machine while no LibreOffice runs here."""
    if found is None or found.host is None or not lock.name.startswith(".~lock."):
        return False
    if found.host.casefold() != socket.gethostname().casefold():
        return False
    return libreoffice_running() is False


def libreoffice_running() -> bool | None:
    """Whether a LibreOffice process runs on this machine; None when that cannot be told."""
    names = {"soffice.bin", "soffice", "soffice.exe"}
    if sys.platform == "win32":
        try:
            done = subprocess.run(["tasklist", "/FI", "IMAGENAME eq soffice.bin", "/NH"], capture_output=True,
                                  text=True, errors="replace", timeout=10, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            return None
        return "soffice.bin" in done.stdout.lower() if done.returncode == 0 else None
    proc = Path("/proc")
    if not (proc / "self" / "comm").exists():
        return None  # macOS and BSD: not told
    for entry in os.scandir(proc):
        if entry.name.isdigit():
            try:
                if (Path(entry.path) / "comm").read_text(encoding="utf-8", errors="replace").strip() in names:
                    return True
            except OSError:  # ended meanwhile, or another user's
                continue
    return False


def removal_command(lock: Path, platform: str | None = None) -> str:
    """The command that deletes `lock` in the clerk's shell (PowerShell on Windows: the file is hidden)."""
    if (platform or sys.platform) == "win32":
        return "Remove-Item -Force -LiteralPath '{}'".format(str(lock).replace("'", "''"))
    return "rm -- '{}'".format(str(lock).replace("'", "'\\''"))


def describe(lock: Path) -> tuple[str, bool]:
    """(«của Nguyễn Văn A trên máy VT-01 lúc 06.12.2026 08:15», stale) for a message; "" when unknown."""
    found = owner(lock)
    parts = []
    if found is not None:
        if found.user:
            parts.append(f"của «{found.user}»")
        if found.host:
            parts.append(f"trên máy «{found.host}»")
        if found.time:
            parts.append(f"lúc {found.time}")
    return " ".join(parts), is_stale(lock, found)
