"""The one guarded way to write an output file: all or nothing, and never over a file the clerk needs.

Every command that writes (render, diff --docx, new, fmt, init, info, schema, pdf) goes through
`write_atomic`, which refuses, before anything is written:
- a name the file system cannot hold (empty, with a NUL byte, longer than the system allows);
- anything that is not a regular file (a folder, a device such as /dev/null, a FIFO, a socket);
- any input of the run (the plan, its shared files, the template: kehoach.source.reading remembers them,
  by real path and by device and inode, so a link or another spelling of the name is caught too);
- an existing file of another kind than the command writes (a plan replaced by a Word file, a Word
  file by a PDF), judged by its content, not only by its name;
- a document open in Word or LibreOffice (their lock file beside it).
The bytes then go to a temporary file beside the output, which replaces it in one rename; the temporary
file is removed on any error and on SIGTERM, SIGHUP and SIGINT, and one left by a killed run is removed by
the next write to the same folder.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

from kehoach.errors import Location, OutputError

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
_TEMP_SUFFIX = ".tmp"
_NAME_HINT = {None: ".docx", "docx": ".docx", "pdf": ".pdf", "yaml": ".yaml", "json": ".json", "csv": ".csv"}


def lock_files(path: Path) -> list[Path]:
    """The lock files Word and LibreOffice keep beside a document while it is open."""
    name = path.name
    candidates = [f"~${name}", f".~lock.{name}#"]
    # Word's owner file replaces the first two letters of a long name ("plan_2024.docx" → "~$an_2024.docx").
    # Where "long" starts is not documented; a 7-letter stem is said to lose one letter, so both are checked.
    if len(path.stem) >= 7:
        candidates += [f"~${name[2:]}", f"~${name[1:]}"]
    return [path.with_name(c) for c in candidates]


def ensure_writable(path: Path, elsewhere: str | None = "-o", kind: str | None = None,
                    replaces_input: bool = False) -> None:
    """Refuse, with a Vietnamese message, every output `write_atomic` would refuse (see the module's doc).

    `elsewhere`: the option of the command that writes to another file (-o, --docx), which the messages
    suggest; None where the command has none (a file rewritten in place, documents written beside plans).
    `kind`: what the command writes (a key of KIND_LABELS); None: not checked here (write_atomic knows it
    from the bytes). `replaces_input`: the command rewrites its input in place (kehoach fmt).
    """
    where = Location(os.fspath(path).replace("\x00", "\\0"))
    _check_name(path, where, elsewhere)
    for lock in lock_files(path):
        try:
            locked = lock.exists()
        except OSError:  # a lock name longer than the system allows: there is no such lock
            locked = False
        if locked:
            raise OutputError(_locked(lock, elsewhere), Location(str(path)))
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        if error.errno == errno.ENOTDIR:
            status = None  # a parent is a file: reported as «no such folder» below
        else:
            raise OutputError(f"không xem được tệp ra ({_reason(error)}); hãy chọn nơi ghi khác"
                              f"{_or_elsewhere(elsewhere, 'ghi ra tệp khác')}", where) from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(f"đường dẫn ra là một thư mục; hãy ghi tên tệp {_NAME_HINT.get(kind, '')}".rstrip(),
                              where)
        if not stat.S_ISREG(status.st_mode):
            from kehoach.source.reading import special_kind

            raise OutputError(f"«{path}» là {special_kind(status.st_mode)}, không phải tệp thường; kehoach chỉ ghi ra"
                              f" tệp thường và không thay nó bằng tệp khác. Hãy chọn tên tệp khác{_after(elsewhere)}",
                              where)
        if not replaces_input:
            _refuse_input(path, where, elsewhere)
        if kind is not None:
            _refuse_other_kind(path, status, kind, where, elsewhere)
    if not path.parent.is_dir():
        raise OutputError(f"không có thư mục «{path.parent}»; hãy tạo thư mục hoặc chọn nơi ghi khác", where)


def write_atomic(path: Path, data: bytes, elsewhere: str | None = "-o", kind: str | None = None,
                 replaces_input: bool = False) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a half.

    Everything `ensure_writable` refuses is refused first; `kind` defaults to the kind of `data` (a Word
    file, a PDF, or text of the kind the output's name says). The bytes go to a temporary file in the
    same folder, which then replaces `path` in one rename.
    """
    kind = kind or _kind_of_bytes(data, path)
    ensure_writable(path, elsewhere, kind, replaces_input)
    with _CleanOnSignal() as temps:
        temp = _make_temp(path, elsewhere, temps)
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.chmod(temp, os.stat(path).st_mode & 0o7777)  # keep the permissions given to the existing file
            except FileNotFoundError:
                os.chmod(temp, 0o666 & ~_umask())
            _replace(temp, path)
        except OSError as error:
            _unlink(temp)
            if is_sharing_violation(error):
                raise OutputError(f"{BUSY} rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra tệp khác')}; tệp cũ vẫn giữ "
                                  "nguyên", Location(str(path))) from None
            raise OutputError(f"không ghi được tệp ({_reason(error)}); tệp cũ, nếu có, vẫn giữ nguyên. Hãy xử lý"
                              f" lỗi này rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra nơi khác')}",
                              Location(str(path))) from None
        except BaseException:
            _unlink(temp)
            raise


# -- names -------------------------------------------------------------------------------------------

_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                               *(f"LPT{i}" for i in range(1, 10))})


def _check_name(path: Path, where: Location, elsewhere: str | None) -> None:
    """Refuse a name no file system holds, before any system call stumbles on it."""
    text = os.fspath(path)
    if "\x00" in text:
        raise OutputError("tên tệp ra có ký tự NUL (\\0), không hệ thống tệp nào chứa được; hãy đặt tên khác"
                          + _after(elsewhere), where)
    if text in ("", ".") or path.name in ("", ".", ".."):
        raise OutputError("thiếu tên tệp ra (tên trống hoặc chỉ là một thư mục); hãy ghi tên tệp"
                          + _after(elsewhere), where)
    name_max, path_max = _limits(path.parent)
    size = len(os.fsencode(path.name))
    if size > name_max:
        raise OutputError(f"tên tệp ra dài {size} byte, quá giới hạn {name_max} byte của hệ thống tệp; hãy đặt tên"
                          f" ngắn hơn{_after(elsewhere)}", where)
    full = len(os.fsencode(os.path.abspath(text)))
    if full > path_max:
        raise OutputError(f"đường dẫn tệp ra dài {full} byte, quá giới hạn {path_max} byte của hệ thống; hãy ghi ra"
                          f" thư mục gần hơn{_after(elsewhere)}", where)
    if os.name == "nt":
        stem = path.name.split(".")[0].rstrip(" ").upper()
        if stem in _WINDOWS_RESERVED or any(c in path.name for c in '<>:"|?*') or path.name.endswith((" ", ".")):
            raise OutputError(f"Windows không cho đặt tên tệp «{path.name}»; hãy đặt tên khác" + _after(elsewhere),
                              where)


def _limits(folder: Path) -> tuple[int, int]:
    """The longest file name and path the system takes (255 and 4096 where it cannot say)."""
    if os.name == "nt":
        return 255, 32767
    folder = folder if folder.is_dir() else Path(".")
    try:
        return os.pathconf(folder, "PC_NAME_MAX"), os.pathconf(folder, "PC_PATH_MAX")
    except (OSError, ValueError):
        return 255, 4096


# -- what may be replaced --------------------------------------------------------------------------

def _refuse_input(path: Path, where: Location, elsewhere: str | None) -> None:
    from kehoach.source.reading import input_label

    label = input_label(path)
    if label is not None:
        raise OutputError(f"tệp ra «{path}» là {label} mà lệnh này đang đọc; kehoach không ghi đè lên tệp đầu vào."
                          f" Hãy chọn tên tệp khác{_after(elsewhere)}", where)


def _kind_of_bytes(data: bytes, path: Path) -> str:
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


def _refuse_other_kind(path: Path, status: os.stat_result, kind: str, where: Location,
                       elsewhere: str | None) -> None:
    found = existing_kind(path, status)
    if found is None or found == kind:
        return
    if kind in ("json", "csv", "text", "yaml") and found == "text":
        return  # a text file with no telling name (notes.txt, a .md) may be replaced by text
    raise OutputError(f"«{path}» đã có và là {KIND_LABELS[found]}, còn lệnh này ghi {KIND_LABELS[kind]}; kehoach"
                      f" không ghi đè để khỏi mất tệp đó. Hãy chọn tên tệp khác{_after(elsewhere)}", where)


def _after(elsewhere: str | None) -> str:
    return f" sau {elsewhere}" if elsewhere else ""


# -- the temporary file ------------------------------------------------------------------------------

def _make_temp(path: Path, elsewhere: str | None, temps: set[str]) -> str:
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
        raise OutputError(f"không ghi được vào thư mục «{path.parent}» ({_reason(error)}); {advice}",
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
            _unlink(os.path.join(folder, name))


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


class _CleanOnSignal:
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
            _unlink(temp)
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


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _locked(lock: Path, elsewhere: str | None) -> str:
    """The message for a document with a lock file beside it: whose, stale or not, and how to delete it."""
    from kehoach.lockfiles import describe, removal_command

    whose, stale = describe(lock)
    whose = f", {whose}" if whose else ""
    delete = f"hãy xóa tệp khóa bằng lệnh: {removal_command(lock)}"
    if stale:
        return (f"tệp khóa «{lock.name}» còn sót lại{whose}: LibreOffice trên máy này không còn chạy nên không ai đang "
                f"mở tệp; {delete} rồi chạy lại")
    return (f"tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa «{lock.name}»{whose}); hãy đóng tệp rồi chạy "
            f"lại{_or_elsewhere(elsewhere, 'ghi ra tệp khác')}. Nếu không ai đang mở tệp, tệp khóa còn sót lại sau khi "
            f"Word hoặc LibreOffice bị tắt đột ngột: {delete}")


def _or_elsewhere(option: str | None, action: str) -> str:
    """«, hoặc ghi ra tệp khác bằng -o», or nothing when the command has no such option."""
    return f", hoặc {action} bằng {option}" if option else ""


#: Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program (Acrobat, Word, an antivirus,
#: OneDrive) has the file open. Antivirus and sync tools let go within a second, so it is tried again.
SHARING_VIOLATIONS = (32, 33)
#: Pauses between the tries (seconds): about 1.5 s in all before giving up.
RETRY_PAUSES = (0.1, 0.2, 0.4, 0.8)
BUSY = "tệp đang mở trong một chương trình khác (Acrobat, Word, …) nên không ghi đè được; hãy đóng tệp"


def _replace(temp: Path, path: Path) -> None:
    """os.replace, tried again for a short while when another program holds `path` open (Windows)."""
    import time

    for pause in RETRY_PAUSES + (None,):
        try:
            os.replace(temp, path)
            return
        except PermissionError as error:
            if pause is None or not is_sharing_violation(error):
                raise
            time.sleep(pause)


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


def _reason(error: OSError) -> str:
    """The OS error in Vietnamese where it is a common one; the system's own words otherwise."""
    if is_sharing_violation(error):
        return "tệp đang mở trong một chương trình khác"
    return _REASONS.get(error.errno, error.strerror or type(error).__name__)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def require_suffix(path: Path, suffixes: tuple[str, ...], what: str, option: str | None = "-o",
                   hint: str = "") -> None:
    """Refuse a file name whose extension is not that of what is written (`-o trinh-ky.pdf` for a Word file).

    Refused rather than corrected: adding the extension could write over another file the clerk did not
    name, and a name like «trinh-ky.pdf» usually means the clerk wanted something else (here: --pdf).
    `what`: what the file is, in the message («văn bản Word»); `hint`: a sentence to add for this case.
    """
    # A folder, or a file that exists: ensure_writable and write_atomic judge those (an input of the run, a
    # file of another kind), which is the graver mistake to report.
    if path.suffix.lower() in suffixes or path.exists():
        return
    fixed = path.with_name(f"{path.stem if path.suffix else path.name}{suffixes[0]}")
    given = f"đuôi «{path.suffix}»" if path.suffix else "không có đuôi"
    where = f"{option} {fixed}" if option else str(fixed)
    raise OutputError(f"tệp ghi ra là {what} nên tên tệp phải có đuôi {' hoặc '.join(suffixes)}, tên này {given}; hãy "
                      f"ghi {where}{hint}", Location(str(path)))
