"""Writing output files safely: all or nothing, and never over a document open in Word."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kehoach.errors import Location, OutputError


def lock_files(path: Path) -> list[Path]:
    """The lock files Word and LibreOffice keep beside a document while it is open."""
    name = path.name
    candidates = [f"~${name}", f".~lock.{name}#"]
    # Word's owner file replaces the first two letters of a long name ("plan_2024.docx" → "~$an_2024.docx").
    # Where "long" starts is not documented; a 7-letter stem is said to lose one letter, so both are checked.
    if len(path.stem) >= 7:
        candidates += [f"~${name[2:]}", f"~${name[1:]}"]
    return [path.with_name(c) for c in candidates]


def ensure_writable(path: Path, elsewhere: str | None = "-o") -> None:
    """Refuse to replace a document that is open in Word or LibreOffice.

    `elsewhere`: the option of the command that writes to another file (-o, --docx), which the messages
    suggest; None where the command has none (a file rewritten in place, documents written beside plans).
    """
    for lock in lock_files(path):
        if lock.exists():
            raise OutputError(
                f"tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa «{lock.name}»); "
                f"hãy đóng tệp rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra tệp khác')}",
                Location(str(path)),
            )
    if path.is_dir():
        raise OutputError("đường dẫn ra là một thư mục; hãy ghi tên tệp .docx", Location(str(path)))
    if not path.parent.is_dir():
        raise OutputError(f"không có thư mục «{path.parent}»; hãy tạo thư mục hoặc chọn nơi ghi khác",
                          Location(str(path)))


def write_atomic(path: Path, data: bytes, elsewhere: str | None = "-o") -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a half.

    The bytes go to a temporary file in the same folder, which then replaces `path` in one rename.
    `elsewhere`: as for `ensure_writable`.
    """
    ensure_writable(path, elsewhere)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        advice = f"hãy chọn nơi ghi khác bằng {elsewhere}" if elsewhere else "hãy xử lý lỗi này rồi chạy lại"
        raise OutputError(f"không ghi được vào thư mục «{path.parent}» ({_reason(error)}); {advice}",
                          Location(str(path))) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # Keep the permissions the clerk gave the existing file.
            os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise OutputError(f"không ghi được tệp ({_reason(error)}); tệp cũ, nếu có, vẫn giữ nguyên. Hãy xử lý"
                          f" lỗi này rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra nơi khác')}",
                          Location(str(path))) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _or_elsewhere(option: str | None, action: str) -> str:
    """«, hoặc ghi ra tệp khác bằng -o», or nothing when the command has no such option."""
    return f", hoặc {action} bằng {option}" if option else ""


_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}


def _reason(error: OSError) -> str:
    """The OS error in Vietnamese where it is a common one; the system's own words otherwise."""
    return _REASONS.get(error.errno, error.strerror or type(error).__name__)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
