"""Saving a .docx so that the same data and template give the same bytes.

python-docx stamps the current time on every zip entry. Rather than unpacking and compressing the whole
package again, the saved zip's timestamp fields are overwritten in place: they sit at fixed offsets of
each entry's local header and central-directory record (PKWARE APPNOTE 4.3.7 and 4.3.12), and no
checksum covers them.
"""

from __future__ import annotations

import contextvars
import io
import struct
import zipfile
from pathlib import Path

from kehoach.output import write_atomic

#: 1980-01-01 00:00:00 in MS-DOS form (time, date): the earliest time a zip entry can carry.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_END = b"PK\x05\x06"


#: zlib's level for a rendered document's parts. python-docx leaves zlib's default, 6; most of a package is the
#: template's styles (790 of the 2024 plan's 853 KB of XML), and level 1 compresses them in a third of the time,
#: for a file of 57 KB instead of 40 KB (bench/RESULTS.md: every render, every plan of a batch).
DEFLATE_LEVEL = 1
#: The level python-docx's package writer uses in this context (None: its own, zlib's default).
_LEVEL: contextvars.ContextVar[int | None] = contextvars.ContextVar("deflate_level", default=None)


def deterministic_bytes(document, level: int | None = DEFLATE_LEVEL) -> bytes:
    """The document (python-docx `Document` or docxtpl template) as .docx bytes, free of timestamps, its parts
    compressed at zlib `level` (None: python-docx's default)."""
    _install_level()
    raw = io.BytesIO()
    token = _LEVEL.set(level)
    try:
        document.save(raw)
    finally:
        _LEVEL.reset(token)
    return fixed_timestamps(raw.getvalue())


def _install_level() -> None:
    """Let `_LEVEL` choose python-docx's compression level. It offers no option: its zip file is opened inside
    `docx.opc.phys_pkg._ZipPkgWriter`, by the name `ZipFile` of its module, which this replaces once."""
    from docx.opc import phys_pkg

    if phys_pkg.ZipFile is not _zip_file:
        phys_pkg.ZipFile = _zip_file


def _zip_file(*args, **kwargs) -> zipfile.ZipFile:
    level = _LEVEL.get()
    return zipfile.ZipFile(*args, **kwargs) if level is None else zipfile.ZipFile(*args, compresslevel=level, **kwargs)


def fixed_timestamps(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 00:00, as made on one system with one file mode."""
    out = bytearray(data)
    end = out.rfind(_END)
    if end < 0:
        raise ValueError("not a zip archive")
    count, size, start = struct.unpack_from("<HII", out, end + 10)
    position = start
    for _ in range(count):
        if out[position : position + 4] != _CENTRAL:
            raise ValueError("unexpected zip layout")
        struct.pack_into("<HH", out, position + 12, _DOS_TIME, _DOS_DATE)
        # Python records the system it ran on ("made by" 0 on Windows, 3 elsewhere) and file modes:
        # written the same everywhere, so a plan gives the same file on every clerk's computer.
        (made_by,) = struct.unpack_from("<H", out, position + 4)
        struct.pack_into("<H", out, position + 4, (3 << 8) | (made_by & 0xFF))
        struct.pack_into("<I", out, position + 38, 0o644 << 16)
        (local,) = struct.unpack_from("<I", out, position + 42)
        if out[local : local + 4] != _LOCAL:
            raise ValueError("unexpected zip layout")
        struct.pack_into("<HH", out, local + 10, _DOS_TIME, _DOS_DATE)
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, position + 28)
        position += 46 + name_length + extra_length + comment_length
    return bytes(out)


def save_deterministic(document, path: Path) -> None:
    """Write a template (tools/templates): at python-docx's own compression, as the committed templates were made."""
    write_atomic(path, deterministic_bytes(document, level=None))
