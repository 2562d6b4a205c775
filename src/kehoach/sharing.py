"""A file another program holds open: Windows' sharing and lock violations, recognised, tried again for a
moment, and said in the same words whether kehoach was reading the file or replacing it.

Acrobat, Word, Excel, an antivirus or OneDrive can open a file so that Windows lets no one else read or
replace it (ERROR_SHARING_VIOLATION), or lock a part of it (ERROR_LOCK_VIOLATION). Python raises both as a
PermissionError, which is not a missing right: the clerk's remedy is to close the file, not to ask for rights.
The guarded read (kehoach.source.reading) and the guarded write (kehoach.output) both use what is here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

#: Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program has the file open.
SHARING_VIOLATIONS = (32, 33)
#: Pauses between the tries (seconds), about 1.5 s in all before giving up: antivirus and sync tools let go
#: of a file they scan within a second; a document open in Acrobat or Word stays held, and is reported.
RETRY_PAUSES = (0.1, 0.2, 0.4, 0.8)
#: What holds the file, in the clerk's words; said by every message about a held file.
OPEN_ELSEWHERE = "đang mở trong một chương trình khác"

T = TypeVar("T")


def is_sharing_violation(error: BaseException) -> bool:
    """Whether `error` is Windows refusing a file another program holds (never true elsewhere)."""
    return getattr(error, "winerror", None) in SHARING_VIOLATIONS


def sharing_violation_in(error: BaseException | None) -> OSError | None:
    """The sharing violation that is `error`, or that it was raised from or while handling, if any: a library
    reading an opened file turns the PermissionError it met into its own (zipfile: BadZipFile, «not a zip file»)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OSError) and is_sharing_violation(error):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def retried(call: Callable[[], T]) -> T:
    """`call()`, tried again after each of RETRY_PAUSES while another program holds the file; the last
    sharing violation, or any other error at once, is raised to the caller."""
    import time

    for pause in RETRY_PAUSES:
        try:
            return call()
        except PermissionError as error:
            if not is_sharing_violation(error):
                raise
            time.sleep(pause)
    return call()


def held(cannot: str, what: str = "tệp", name: str = "") -> str:
    """«tệp «x» đang mở trong một chương trình khác (Acrobat, Word, …) nên không đọc được; hãy đóng tệp»:
    `cannot` is what kehoach could not do («đọc», «ghi đè»), `what` names the file («tệp», «thư mục»)."""
    named = f" «{name}»" if name else ""
    return f"{what}{named} {OPEN_ELSEWHERE} (Acrobat, Word, …) nên không {cannot} được; hãy đóng {what}"
