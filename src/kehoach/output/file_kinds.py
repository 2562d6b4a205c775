"""What an existing file holds, judged by its first bytes, and what each kind of output is called in messages.

The guarded write (kehoach.output) refuses to replace a file of another kind than the command writes: a plan
by a Word file, a Word file by a PDF. The name of a file only tells text files apart.
"""

from __future__ import annotations

import os
from pathlib import Path

#: What each kind of output is called in messages; the keys are what `kind=` takes.
KIND_LABELS = {
    "docx": "văn bản Word (.docx)",
    "pdf": "tệp PDF",
    "yaml": "tệp YAML (kế hoạch hoặc tệp dùng chung)",
    "json": "tệp JSON",
    "csv": "tệp CSV",
    "text": "tệp văn bản",
    "xlsx": "bảng tính Excel",
    "zip": "tệp nén",
    "binary": "tệp nhị phân (không phải văn bản)",
}
_TEXT_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
_ZIP_SUFFIXES = {".docx": "docx", ".docm": "docx", ".dotx": "docx", ".xlsx": "xlsx"}


def kind_of_bytes(data: bytes, path: Path) -> str:
    """What `data` is: a Word file, a PDF, or text of the kind the output's name says (a caller writing
    JSON or CSV says so itself, so that a plan named .yaml is not taken for its output)."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"%PDF"):
        return "pdf"
    return _TEXT_SUFFIXES.get(path.suffix.lower(), "text")


def existing_kind(path: Path, status: os.stat_result | None = None) -> str | None:
    """What an existing regular file holds, judged by its first bytes (its name only tells text apart);
    None for an empty file, which any command may fill."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except OSError:
        return None  # unreadable: the rename decides (the folder's rights, not the file's, allow it)
    if not head:
        return None
    if head.startswith(b"PK"):  # a zip archive, whole or damaged
        return _zip_kind(path)
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"\x00" in head or not _utf8(head):
        return "binary"
    return _TEXT_SUFFIXES.get(path.suffix.lower(), "text")


def _utf8(head: bytes) -> bool:
    for cut in range(4):  # the 4096th byte may fall inside a character
        try:
            head[:len(head) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _zip_kind(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # a damaged archive: its name says what it was
        return _ZIP_SUFFIXES.get(path.suffix.lower(), "zip")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"
