"""The system's errors while writing, in Vietnamese; a file another program holds (Windows' sharing
violations) is recognised and said by kehoach.sharing, in the same words as when reading.
"""

from __future__ import annotations

import errno

from kehoach.sharing import OPEN_ELSEWHERE, RETRY_PAUSES, held, is_sharing_violation

__all__ = ["BUSY", "RETRY_PAUSES", "is_sharing_violation", "reason"]

BUSY = held("ghi đè")


_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}


def reason(error: OSError) -> str:
    """The OS error in Vietnamese where it is a common one; the system's own words otherwise."""
    if is_sharing_violation(error):
        return f"tệp {OPEN_ELSEWHERE}"
    return _REASONS.get(error.errno, error.strerror or type(error).__name__)
