"""The one guarded way to read an input file: regular files only, bounded in size, remembered as inputs.

Every file a run reads — the plan, its shared files (`dung_chung`), a Word template, a document to check —
comes through `read_input`. It refuses what is not a regular file before opening it (a FIFO or a terminal
would block the run forever, a device would never end), opens without blocking in case the file was
swapped for a FIFO in between, and reads at most the limit of its kind, so that no input can hang the run
or exhaust memory. A Word file is also checked as an archive (`check_archive`) before anything inflates it.

It also remembers what it read (`is_input`): the guarded write (kehoach.output) refuses to replace any input
of the run, whatever name the clerk gives it (a link, `./p.yaml`, another spelling of the same path).
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import BinaryIO, NamedTuple

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.sharing import held, is_sharing_violation, retried

_FILE = "file-unreadable"  # the rule id of problems with a file itself (kehoach.rules)

MB = 1024 * 1024


class Kind(NamedTuple):
    """A kind of input: what a clerk calls it, and how large it may be."""

    label: str  # «tệp kế hoạch», as the messages name it
    limit: int  # bytes on disk
    why: str  # why the limit is enough, said after it
    instead: str = ""  # what to do when it is not a regular file (default: name one)

    @property
    def remedy(self) -> str:
        return self.instead or f"hãy chỉ ra {self.label}"


#: The limits, each far above what a real file of its kind needs.
KINDS = {
    "plan": Kind("tệp kế hoạch .yaml", 2 * MB, "tệp kế hoạch chỉ vài KB"),
    "shared": Kind("tệp dùng chung .yaml", 2 * MB, "tệp dùng chung chỉ vài KB"),
    # Found by its name beside the plans, not named by the clerk: what to do is to replace or remove it.
    "config": Kind("tệp cấu hình", 1 * MB, "tệp cấu hình chỉ vài dòng",
                   "hãy thay nó bằng một tệp cấu hình thường (hoặc xóa nó nếu không cần)"),
    "template": Kind("mẫu Word", 20 * MB, "mẫu Word chỉ vài chục KB"),
    "docx": Kind("văn bản Word", 100 * MB, "văn bản hành chính dài nhất cũng chỉ vài MB"),
    # Word's or LibreOffice's lock beside a document, read for its owner's name (kehoach.lockfiles).
    "lock": Kind("tệp khóa", 64 * 1024, "tệp khóa chỉ vài trăm byte"),
    # ~/.bashrc, ~/.zshrc, the PowerShell profile: kehoach --install-completion adds a line to it.
    "startup": Kind("tệp khởi động của trình dòng lệnh", 4 * MB, "tệp khởi động chỉ vài KB",
                    "kehoach không sửa nó; hãy dùng «kehoach --show-completion» rồi tự chép đoạn mã vào tệp khởi"
                    " động của trình dòng lệnh"),
}

#: A Word file is a zip archive; what its members may add up to once inflated (checked before inflating).
MAX_MEMBERS = 2000  # a document with hundreds of pictures has a few hundred
MAX_INFLATED = 120 * MB  # all members together: python-docx keeps every part in memory
MAX_XML = 16 * MB  # the XML parts together, parsed into trees 10–15 times their size (a 600-page text: 20 MB)
MAX_RATIO = 100  # a member over 1 MB inflating more than this is a zip bomb, not a document
_RATIO_FROM = 1 * MB

#: Opening never blocks: if the file was swapped for a FIFO since the stat, opening it returns at once.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_NOCTTY", 0))

_INPUTS: dict[tuple[int, int], tuple[Path, str]] = {}  # (device, inode) -> (path, label)
_INPUT_PATHS: dict[str, str] = {}  # resolved path -> label


def size_text(size: int) -> str:
    """«2.097.152 byte»: the Vietnamese thousands separator."""
    return f"{size:,}".replace(",", ".") + " byte"


def _megabytes(size: int) -> str:
    return f"{size / MB:g} MB".replace(".", ",")


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "một thư mục"
    if stat.S_ISFIFO(mode):
        return "một ống dẫn (FIFO)"
    if stat.S_ISSOCK(mode):
        return "một socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    return "không phải tệp thường"


def read_input(path: Path, kind: str = "plan", display: str | None = None, where: Location | None = None) -> bytes:
    """The bytes of input `path` of `kind` (a key of KINDS); InputError, in Vietnamese, when it cannot be used.

    `display`: the name the messages use (default: the path); `where`: where the messages point (default:
    the file itself; a shared file is reported where the plan names it).
    """
    spec = KINDS[kind]
    name = display if display is not None else str(path)
    where = where or Location(name)
    with open_input(path, kind, display, where) as handle:
        def read_whole() -> bytes:  # from the start again when tried again (a part locked by another program)
            handle.seek(0)
            return handle.read(spec.limit + 1)  # bounded: a file growing while read cannot exhaust memory

        try:
            data = retried(read_whole)
        except OSError as error:
            raise InputError(cannot_read(name, error), where, _FILE) from None
    if len(data) > spec.limit:
        raise InputError(_too_large(spec, None), where, _FILE)
    return data


def open_input(path: Path, kind: str = "plan", display: str | None = None,
               where: Location | None = None) -> BinaryIO:
    """Input `path` of `kind` opened for reading, once it is known to be a regular file within its kind's
    limit (as `read_input`, which reads it whole); for a reader that needs only parts of a large file."""
    spec = KINDS[kind]
    name = display if display is not None else str(path)
    where = where or Location(name)
    text = os.fspath(path)
    if "\x00" in text:
        shown = name.replace("\x00", "\\0")
        raise InputError(f"đường dẫn «{shown}» có ký tự NUL (\\0), không hệ thống tệp nào"
                         f" chứa được; hãy sửa đường dẫn {spec.label}", where, _FILE)
    if not text:
        raise InputError(f"thiếu tên {spec.label}; hãy ghi đường dẫn tệp", where, _FILE)
    try:
        status = os.stat(text)
        _refuse_special(status, name, spec, where)
        if status.st_size > spec.limit:
            raise InputError(_too_large(spec, status.st_size), where, _FILE)
        # Tried again for a moment while another program holds it (Windows: an antivirus scanning it).
        fd = retried(lambda: os.open(text, _OPEN_FLAGS))
        try:
            opened = os.fstat(fd)
            _refuse_special(opened, name, spec, where)
            if opened.st_size > spec.limit:
                raise InputError(_too_large(spec, opened.st_size), where, _FILE)
        except BaseException:
            os.close(fd)
            raise
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(text):
            raise InputError(f"«{name}» là một liên kết (symlink) tới tệp không có; {spec.remedy}", where,
                             _FILE) from None
        raise InputError(f"không tìm thấy tệp «{name}»; kiểm tra lại đường dẫn", where, _FILE) from None
    except OSError as error:
        raise InputError(cannot_read(name, error), where, _FILE) from None
    except ValueError:  # a path the system cannot take (a NUL byte reached through another spelling)
        raise InputError(f"đường dẫn «{name}» không hợp lệ; hãy sửa đường dẫn {spec.label}", where, _FILE) from None
    remember(Path(text), spec.label, opened)
    return os.fdopen(fd, "rb")


def _too_large(spec: Kind, size: int | None) -> str:
    limit = _megabytes(spec.limit)
    got = f"{size_text(size)}" if size is not None else f"hơn {size_text(spec.limit)}"
    return f"tệp quá lớn ({got}); {spec.why}, giới hạn là {limit}"


def _refuse_special(status: os.stat_result, name: str, spec: Kind, where: Location) -> None:
    what = special_kind(status.st_mode)
    if what is None:
        return
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"«{name}» là một thư mục, không phải tệp; {spec.remedy}", where, _FILE)
    raise InputError(f"«{name}» là {what}, không phải tệp thường; kehoach chỉ đọc tệp thường (đọc từ đó có thể"
                     f" treo máy); {spec.remedy}", where, _FILE)


def cannot_read(name: str, error: OSError, what: str = "tệp") -> str:
    """Why the file (or folder: `what`) `name` cannot be read, and what the clerk can do about it (the same words
    wherever one is read: a plan, a shared file or folder, a Word document, a folder configuration). A file
    another program holds (Windows) is said as the guarded write says it, not as a missing right."""
    if is_sharing_violation(error):
        return f"{held('đọc', what, name)} rồi chạy lại"
    if isinstance(error, PermissionError):
        return (f"không có quyền đọc {what} «{name}»; hãy xin quyền đọc {what} này (Windows: chuột phải vào {what} →"
                f" Thuộc tính → Bảo mật; Linux, macOS: chmod u+r), hoặc chép {what} sang một thư mục của mình rồi chạy"
                " lại")
    return (f"không đọc được {what} «{name}» ({_os_reason(error)}); nếu {what} nằm trên ổ mạng hay USB, hãy kiểm tra"
            f" kết nối, hoặc chép {what} vào máy rồi chạy lại")


def _os_reason(error: OSError) -> str:
    import errno

    reasons = {errno.ENAMETOOLONG: "tên tệp quá dài", errno.ELOOP: "liên kết (symlink) vòng quanh",
               errno.EIO: "lỗi đọc ổ đĩa", errno.EBUSY: "tệp đang bận", errno.ETIMEDOUT: "hết thời gian chờ ổ mạng",
               errno.ESTALE: "tệp trên ổ mạng không còn", errno.ENXIO: "thiết bị không còn"}
    return reasons.get(error.errno, error.strerror or type(error).__name__)


def remember(path: Path, label: str, status: os.stat_result | None = None) -> None:
    """Note `path` as an input of this run, by its real path and by its device and inode (links, hard links)."""
    try:
        status = status or os.stat(path)
        # The first reading names it: a shared file is also glanced at as a plan by the register check.
        _INPUTS.setdefault((status.st_dev, status.st_ino), (path, label))
        _INPUT_PATHS.setdefault(os.path.realpath(path), label)
    except (OSError, ValueError):
        pass


def input_label(path: Path) -> str | None:
    """What `path` was read as in this run («tệp kế hoạch», «mẫu Word», …); None when it is not an input."""
    try:
        label = _INPUT_PATHS.get(os.path.realpath(path))
        if label is not None:
            return label
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    found = _INPUTS.get((status.st_dev, status.st_ino))
    return found[1] if found else None


def forget_inputs() -> None:
    """Start a new run in the same process (the language server, tests): nothing read so far is an input."""
    _INPUTS.clear()
    _INPUT_PATHS.clear()


def check_archive(data: bytes | BinaryIO, name: str, where: Location | None = None) -> None:
    """Refuse a Word file whose archive would inflate beyond the limits, before anything inflates it.

    The sizes are those the archive declares; Python's zipfile never inflates a member beyond its declared
    size, so a lying archive is cut short there. A file that is not an archive at all passes: the reader
    that opens it says so in its own words.
    """
    import zipfile

    where = where or Location(name)
    source = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    try:
        members = zipfile.ZipFile(source).infolist()  # the archive's directory only: nothing is inflated
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    finally:
        if source is data:
            data.seek(0)
    if len(members) > MAX_MEMBERS:
        raise InputError(f"tệp nén có {len(members)} thành phần, quá giới hạn {MAX_MEMBERS}; đây không phải văn bản"
                         " Word bình thường, hãy mở bằng Word rồi lưu lại dạng .docx", where, _FILE)
    total = xml = 0
    for member in members:
        total += member.file_size
        if member.filename.endswith((".xml", ".rels")):
            xml += member.file_size
        if member.file_size > _RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise InputError(f"thành phần «{member.filename}» nén {size_text(member.compress_size)} nhưng bung ra"
                             f" {size_text(member.file_size)} (hơn {MAX_RATIO} lần): tệp này là «bom nén», không phải"
                             " văn bản Word; hãy kiểm tra nguồn của tệp", where, _FILE)
    if total > MAX_INFLATED:
        raise InputError(f"tệp bung ra {size_text(total)}, quá giới hạn {_megabytes(MAX_INFLATED)}; hãy giảm dung"
                         " lượng hình ảnh trong văn bản (Word: Compress Pictures) rồi chạy lại", where, _FILE)
    if xml > MAX_XML:
        raise InputError(f"phần chữ của văn bản bung ra {size_text(xml)}, quá giới hạn {_megabytes(MAX_XML)}; hãy"
                         " tách văn bản thành nhiều tệp", where, _FILE)


def read_docx(path: Path, kind: str = "docx", display: str | None = None) -> BinaryIO:
    """A Word file opened through `open_input` and checked as an archive, ready for python-docx or docxtpl.

    It is read from the file as python-docx needs its parts, not held in memory whole beside them."""
    name = display if display is not None else str(path)
    handle = open_input(path, kind, name)
    try:
        check_archive(handle, name)
    except BaseException:
        handle.close()
        raise
    return handle
