"""Compiled Word templates kept between runs, in the user's cache folder.

docxtpl hands the whole XML of a Word template to Jinja's `from_string`, and compiling it is the costliest
step of filling it (about 14 ms of a `kehoach render` of the 2024 plan, which then runs the compiled code in
under 1 ms). The same template gives the same XML, so its compiled code is kept on disk, named by a hash of
that XML, and the next run loads it instead. Jinja's own bytecode cache does the storing: it writes
atomically, and a file from another Python or Jinja version, or a damaged one, is ignored and replaced.

The folder: `KEHOACH_CACHE_DIR` if set (empty: no cache), else the platform's cache folder for user data.
A folder that cannot be written only costs the compile; it is never an error. A folder other users can
write in is not used at all: what is loaded from it runs as code.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from kehoach import __version__

#: How many files of each kind are kept: a template gives one per part (document, headers, footers,
#: properties: 7 for the default), so about 14 templates, the default three, a clerk's own and older
#: versions of one being edited; each file is a few kB (20 kB for the default document).
KEEP = 100
_PATTERN = "kehoach-%s.jinja"


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


def compiled(environment: jinja2.Environment, source: str) -> CodeType:
    """The compiled code of `source` in `environment`: from the cache folder, or compiled and stored there."""
    folder = usable_folder()
    if folder is None:
        return environment.compile(source)
    cache = FileSystemBytecodeCache(str(folder), _PATTERN)
    # The name says what the code depends on besides the source: the versions and the environment's kind.
    name = "|".join((__version__, jinja2.__version__, type(environment).__name__, str(environment.autoescape),
                     hashlib.sha256(source.encode("utf-8")).hexdigest()))
    try:
        bucket = cache.get_bucket(environment, name, None, source)
    except OSError:  # unreadable
        return environment.compile(source)
    if bucket.code is not None:
        return bucket.code
    bucket.code = environment.compile(source)
    try:
        cache.set_bucket(bucket)
        _prune(folder)
    except OSError:  # a read-only or full disk: the next run compiles again
        pass
    return bucket.code


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
    result = _load(stored) if stored is not None else None
    if result is None:
        result = patch(source)
        if stored is not None:
            _store(stored, result)
    if len(_PATCHED) >= 16:  # a few templates, each with its headers and footers
        _PATCHED.clear()
    _PATCHED[key] = result
    return result


_PATCHED: dict[str, str] = {}
_PATCHED_PATTERN = "kehoach-%s.xml"


def _load(path: Path) -> str | None:
    """The text stored at `path`, if it is there and whole: its first line is the checksum of the rest."""
    try:
        with open(path, encoding="utf-8", newline="") as f:  # newline="": the XML's own line ends, untouched
            checksum, _, text = f.read().partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return text if _checksum(text) == checksum else None


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _store(path: Path, text: str) -> None:
    """Written whole or not at all (another kehoach may be reading it); a failure only costs the next run."""
    temp = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent, suffix=".tmp",
                                         delete=False) as f:
            temp = f.name
            f.write(f"{_checksum(text)}\n{text}")
        os.replace(temp, path)
        _prune(path.parent, _PATCHED_PATTERN)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _prune(folder: Path, pattern: str = _PATTERN) -> None:
    """Keep the KEEP most recently written files of a kind, so that editing a template does not fill the disk."""
    files = sorted(folder.glob(pattern % "*"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
