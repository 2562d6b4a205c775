"""Compiled Word templates kept between runs, in the user's cache folder — and trusted only when checked.

docxtpl hands the whole XML of a Word template to Jinja's `from_string`, and compiling it is the costliest
step of filling it (about 14 ms of a `kehoach render` of the 2024 plan, which then runs the compiled code in
under 1 ms). The same template gives the same XML, so its compiled code is kept on disk, named by a hash of
that XML, and the next run loads it instead.

What is loaded from the cache runs as code, so nothing is loaded before it passes every check (`_load`):
- the folder is this user's and no one else can write in it (else the cache is not used at all);
- the file is a regular file (not a link), owned by this user, not writable by group or others;
- its header holds a SHA-256 over its name and its content: a file damaged, cut short, or copied under
  another template's name fails, and is compiled again and replaced.
Only then is the code read with `marshal`; nothing in the cache is ever unpickled (Jinja's own bytecode
cache unpickles before it checks anything, so it is not used).

The folder: `KEHOACH_CACHE_DIR` if set (empty: no cache), else the platform's cache folder for user data.
A folder that cannot be written only costs the compile; it is never an error.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import CodeType

import jinja2

from kehoach import __version__

#: How many files of each kind are kept: a template gives one per part (document, headers, footers,
#: properties: 7 for the default), so about 14 templates, the default three, a clerk's own and older
#: versions of one being edited; each file is a few kB (20 kB for the default document).
KEEP = 100
_PATTERN = "kehoach-%s.code"
_MAGIC = b"kehoach-cache-1\n"
_MAX_FILE = 16 * 1024 * 1024  # a compiled part is tens of kB; anything larger is not ours
#: Bumped when what a template compiles to changes without a version change (render.sandbox's code generator).
_FORMAT = "bounded-1"


def cache_folder() -> Path | None:
    """Where compiled templates are kept (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows).

    Written out rather than taken from platformdirs, whose import alone costs about 8 ms of every render.
    """
    override = os.environ.get("KEHOACH_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "kehoach" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kehoach"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kehoach"


def usable_folder() -> Path | None:
    """The cache folder, made if need be, when only this user can write in it; else None (no cache).

    What is loaded from it runs as code, so a folder where another user could put files is not used.
    """
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:  # a file in its place, or no right to make it
        return None
    if os.name == "posix" and (status.st_uid != os.getuid() or status.st_mode & 0o022):
        return None
    return folder


def compiled(environment: jinja2.Environment, source: str,
             compile: Callable[[str], CodeType] | None = None) -> CodeType:
    """The compiled code of `source` in `environment`: from the cache folder, or compiled (with `compile`,
    default `environment.compile`) and stored there."""
    compile = compile or environment.compile
    folder = usable_folder()
    if folder is None:
        return compile(source)
    # The name says what the code depends on besides the source: the versions and the environment's kind.
    key = hashlib.sha256("|".join((__version__, jinja2.__version__, sys.implementation.cache_tag, _FORMAT,
                                   type(environment).__name__, str(environment.autoescape), source))
                         .encode("utf-8", "surrogatepass")).hexdigest()
    stored = folder / (_PATTERN % key)
    payload = _load(stored)
    if payload is not None:
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):  # checked, so only another Python's marshal format
            pass
    code = compile(source)
    _store(stored, marshal.dumps(code), _PATTERN)
    return code


def patched(source: str, patch: Callable[[str], str], patcher_version: str) -> str:
    """`patch(source)`: docxtpl's preparation of a part's XML for Jinja (tags Word split across runs joined,
    `{%p %}` paragraphs unwrapped: about 6 ms of regular expressions for the default template), kept like the
    compiled code: in memory for the next plan of a batch, and in the cache folder for the next run.
    `patcher_version`: docxtpl's version, since another one may patch otherwise."""
    key = hashlib.sha256("|".join((__version__, patcher_version, source)).encode("utf-8")).hexdigest()
    if key in _PATCHED:
        return _PATCHED[key]
    folder = usable_folder()
    stored = folder / (_PATCHED_PATTERN % key) if folder is not None else None
    payload = _load(stored) if stored is not None else None
    result = payload.decode("utf-8", "surrogatepass") if payload is not None else None
    if result is None:
        result = patch(source)
        if stored is not None:
            _store(stored, result.encode("utf-8", "surrogatepass"), _PATCHED_PATTERN)
    if len(_PATCHED) >= 16:  # a few templates, each with its headers and footers
        _PATCHED.clear()
    _PATCHED[key] = result
    return result


_PATCHED: dict[str, str] = {}
_PATCHED_PATTERN = "kehoach-%s.xml"


def _load(path: Path) -> bytes | None:
    """The content stored at `path`, only if the file is trusted and whole (see the module's doc); else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError:  # absent, a link (O_NOFOLLOW), unreadable
        return None
    try:
        status = os.fstat(fd)
        if not trusted(status) or status.st_size > _MAX_FILE:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(_MAX_FILE + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    header = len(_MAGIC) + 64
    if not data.startswith(_MAGIC) or len(data) < header:
        return None
    digest, payload = data[len(_MAGIC):header], data[header:]
    return payload if hmac.compare_digest(digest, _digest(path.name, payload)) else None


def trusted(status: os.stat_result) -> bool:
    """A regular file of this user that no one else can write (on Windows, where files have no such
    owner and mode, the folder's place in the user's profile is what protects it)."""
    if not stat.S_ISREG(status.st_mode):
        return False
    if os.name != "posix":
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _digest(name: str, payload: bytes) -> bytes:
    """The SHA-256 of a file's name and content, in hex: binds the content to the name it is stored under."""
    return hashlib.sha256(name.encode("utf-8") + b"\0" + payload).hexdigest().encode("ascii")


def _store(path: Path, payload: bytes, pattern: str) -> None:
    """Written whole or not at all (another kehoach may be reading it); a failure only costs the next run."""
    temp = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".tmp", delete=False) as f:
            temp = f.name  # mkstemp's mode: 0600, this user's
            f.write(_MAGIC + _digest(path.name, payload) + payload)
        os.replace(temp, path)
        _prune(path.parent, pattern)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _prune(folder: Path, pattern: str = _PATTERN) -> None:
    """Keep the KEEP most recently written files of a kind, so that editing a template does not fill the disk."""
    files = sorted(folder.glob(pattern % "*"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
