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

The jobs around it have their own modules: `file_kinds` (what an existing file holds, by its content),
`temporary` (the temporary file, its cleanup on signals and by the next run, the rename into place) and
`system_errors` (the system's errors in Vietnamese, and the sharing violations Windows reports).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from kehoach.errors import OutputError
from kehoach.problems import Location
from kehoach.output.file_kinds import KIND_LABELS, existing_kind, kind_of_bytes
from kehoach.output.system_errors import BUSY, is_sharing_violation, reason
from kehoach.output.temporary import CleanOnSignal, make_temp, replace, unlink

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
            raise OutputError(f"không xem được tệp ra ({reason(error)}); hãy chọn nơi ghi khác"
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
    kind = kind or kind_of_bytes(data, path)
    ensure_writable(path, elsewhere, kind, replaces_input)
    with CleanOnSignal() as temps:
        temp = make_temp(path, elsewhere, temps)
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.chmod(temp, os.stat(path).st_mode & 0o7777)  # keep the permissions given to the existing file
            except FileNotFoundError:
                os.chmod(temp, 0o666 & ~_umask())
            replace(temp, path)
        except OSError as error:
            unlink(temp)
            if is_sharing_violation(error):
                raise OutputError(f"{BUSY} rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra tệp khác')}; tệp cũ vẫn giữ "
                                  "nguyên", Location(str(path))) from None
            raise OutputError(f"không ghi được tệp ({reason(error)}); tệp cũ, nếu có, vẫn giữ nguyên. Hãy xử lý"
                              f" lỗi này rồi chạy lại{_or_elsewhere(elsewhere, 'ghi ra nơi khác')}",
                              Location(str(path))) from None
        except BaseException:
            unlink(temp)
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
