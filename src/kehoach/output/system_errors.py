"""The system's errors while writing, in Vietnamese, and Windows' sharing violations (another program holds
the file: Acrobat, Word, an antivirus, OneDrive).
"""

from __future__ import annotations

import errno

#: Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program (Acrobat, Word, an antivirus,
#: OneDrive) has the file open. Antivirus and sync tools let go within a second, so it is tried again.
SHARING_VIOLATIONS = (32, 33)
#: Pauses between the tries (seconds): about 1.5 s in all before giving up.
RETRY_PAUSES = (0.1, 0.2, 0.4, 0.8)
BUSY = "tệp đang mở trong một chương trình khác (Acrobat, Word, …) nên không ghi đè được; hãy đóng tệp"


def is_sharing_violation(error: OSError) -> bool:
    return getattr(error, "winerror", None) in SHARING_VIOLATIONS


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
        return "tệp đang mở trong một chương trình khác"
    return _REASONS.get(error.errno, error.strerror or type(error).__name__)
