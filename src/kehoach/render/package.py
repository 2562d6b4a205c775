"""Saving a .docx so that the same data and template give the same bytes.

python-docx stamps the current time on every zip entry; here each entry is written again with a fixed
timestamp, in the order python-docx wrote them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kehoach.output import write_atomic

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def deterministic_bytes(document) -> bytes:
    """The document (python-docx `Document` or docxtpl template) as .docx bytes, free of timestamps."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def save_deterministic(document, path: Path) -> None:
    write_atomic(path, deterministic_bytes(document))
