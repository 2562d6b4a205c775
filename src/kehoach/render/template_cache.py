"""Compiled Word templates kept between runs, in the user's cache folder.

docxtpl hands the whole XML of a Word template to Jinja's `from_string`, and compiling it is the costliest
step of filling it (about 14 ms of a `kehoach render` of the 2024 plan, which then runs the compiled code in
under 1 ms). The same template gives the same XML, so its compiled code is kept on disk, named by a hash of
that XML, and the next run loads it instead. Jinja's own bytecode cache does the storing: it writes
atomically, and a file from another Python or Jinja version, or a damaged one, is ignored and replaced.

The folder: `KEHOACH_CACHE_DIR` if set (empty: no cache), else the platform's cache folder for user data.
A folder that cannot be written only costs the compile; it is never an error.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from kehoach import __version__

#: How many compiled templates are kept: the default three, a clerk's own, each with its headers and
#: footers, and a few older versions of a template being edited.
KEEP = 32
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


def compiled(environment: jinja2.Environment, source: str) -> CodeType:
    """The compiled code of `source` in `environment`: from the cache folder, or compiled and stored there."""
    folder = cache_folder()
    if folder is None:
        return environment.compile(source)
    cache = FileSystemBytecodeCache(str(folder), _PATTERN)
    # The name says what the code depends on besides the source: the versions and the environment's kind.
    name = "|".join((__version__, jinja2.__version__, type(environment).__name__, str(environment.autoescape),
                     hashlib.sha256(source.encode("utf-8")).hexdigest()))
    try:
        bucket = cache.get_bucket(environment, name, None, source)
    except OSError:  # the cache folder is a file, or unreadable
        return environment.compile(source)
    if bucket.code is not None:
        return bucket.code
    bucket.code = environment.compile(source)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        cache.set_bucket(bucket)
        _prune(folder)
    except OSError:  # a read-only or full disk: the next run compiles again
        pass
    return bucket.code


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently written templates, so that editing a template does not fill the disk."""
    files = sorted(folder.glob(_PATTERN % "*"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
