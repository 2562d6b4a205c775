"""Every file a clerk names or keeps beside a plan is read through the one guarded read (kehoach.source.reading):
a plan's siblings glanced at by the register check, a Word lock file beside an output, a file the language
server reads from disk. A FIFO, a device or a huge file under such a name is refused or skipped at once; none may
block or exhaust the run. A test over the sources keeps any new plain `open()` from slipping in."""

from __future__ import annotations

import ast
import os
import signal
from contextlib import contextmanager

from hostile.harness import ROOT

_MB = 1024 * 1024


class Blocked(Exception):
    """Not an OSError (as TimeoutError is), which a reader's own `except OSError` would swallow."""


@contextmanager
def at_most(seconds: int):
    """A read that blocks (a FIFO opened without a writer) fails the test instead of hanging it."""
    def expired(signum, frame):
        raise Blocked(f"blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- the register check reads the other plans of the folder -------------------------------------------


def test_fifos_devices_and_huge_files_among_the_sibling_plans(folder):
    """The register check glances at every .yaml beside the plan: none of these may block or fill memory."""
    folder.fifo("ong.yaml")
    os.symlink("/dev/zero", folder.path / "khong.yaml")
    os.symlink("/dev/urandom", folder.path / "ngau-nhien.yaml")
    # Same number as the plan, so that it would be read in full: over the limit of a plan, it is skipped.
    folder.write("lon.yaml", "so: 12\n" + "# " + "x" * (3 * _MB) + "\n")
    done = folder.run("check", "ke-hoach.yaml")
    assert (done.code, done.stdout, done.stderr) == (0, "Không có lỗi nào.\n", "")
    folder.unchanged()


def test_a_sibling_swapped_for_a_fifo_after_the_listing_is_not_opened_blocking(tmp_path, monkeypatch):
    """The listing saw a regular file; by the time it is read it is a FIFO (a race, or a clerk's script)."""
    from kehoach.rules import register_number_used as rule

    os.mkfifo(tmp_path / "ong.yaml")
    (tmp_path / "ke-hoach.yaml").write_text("so: 12\n", encoding="utf-8")
    status = (tmp_path / "ke-hoach.yaml").stat()

    class Listed:  # what os.scandir said a moment before the swap
        def __init__(self, name):
            self.name = name

        def stat(self):
            return status

        def is_file(self):
            return True

    class Listing(list):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(rule.os, "scandir", lambda folder: Listing([Listed("ong.yaml"), Listed("ke-hoach.yaml")]))
    rule._LISTINGS.clear()
    with at_most(5):
        numbers, _ = rule._listing(tmp_path)
    assert numbers == {"ke-hoach.yaml": 12}  # the FIFO refused, never opened for a blocking read


# -- a Word lock file beside the output -----------------------------------------------------------------


def test_a_fifo_named_as_words_lock_file(folder):
    """`~$ke-hoach.docx` says the document is open; its owner is read from it, never from a FIFO."""
    folder.fifo("~$ke-hoach.docx")
    done = folder.run("render", "ke-hoach.yaml", timeout=20)
    assert (done.code, done.stdout) == (2, "")
    assert done.stderr.startswith("ke-hoach.docx: tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa "
                                  "«~$ke-hoach.docx»); hãy đóng tệp rồi chạy lại")
    folder.unchanged()


def test_a_device_named_as_libreoffices_lock_file(folder):
    os.symlink("/dev/zero", folder.path / ".~lock.ke-hoach.docx#")
    done = folder.run("render", "ke-hoach.yaml", timeout=20)
    assert (done.code, done.stdout) == (2, "")
    assert "(có tệp khóa «.~lock.ke-hoach.docx#»)" in done.stderr
    folder.unchanged()


# -- the language server reads a plan from disk when the editor does not have it open --------------------


def test_the_language_server_never_blocks_on_a_fifo(tmp_path):
    from kehoach.features.lsp.analysis import Workspace

    os.mkfifo(tmp_path / "ong.yaml")
    (tmp_path / "lon.yaml").write_bytes(b"# " + b"x" * (3 * _MB))
    workspace = Workspace([tmp_path])
    with at_most(5):
        assert workspace.text(tmp_path / "ong.yaml") is None
        assert workspace.text(tmp_path / "lon.yaml") is None
        checked = workspace.check(tmp_path / "ong.yaml")  # reported as `kehoach check` reports it
    assert [p.rule for p in checked.report.problems] == ["file-unreadable"]


# -- no other way to read --------------------------------------------------------------------------------

#: The reads outside kehoach.source.reading, each of a file no clerk names: (module, call) → why it is safe.
NOT_A_CLERKS_FILE = {
    ("cli/app.py", "os.open"): "the null device, opened to write",
    ("conventions/doctypes.py", "(_DATA / 'loai_van_ban.csv').read_text"): "kehoach's own data",
    ("kinds/catalog.py", "path.read_text"): "kehoach's own data (data/kinds/)",
    ("profiles/__init__.py", "path.read_text"): "kehoach's own data (data/profiles/)",
    ("render/measure.py", "(_DATA / 'times_widths.json').read_text"): "kehoach's own data",
    ("features/libreoffice.py", "Path('/etc/os-release').read_text"): "the system's own file",
    ("features/office.py", "open"): "/proc/PID/stat, the system's own",
    ("features/office.py", "record.read_text"): "kehoach's records in its own private state folder",
    ("features/office.py", "target.read_bytes"): "the PDF LibreOffice wrote into kehoach's own temporary folder",
    ("features/pdf.py", "produced.read_bytes"): "the PDF LibreOffice wrote into kehoach's own temporary folder",
    ("inspect/package.py", "zipfile.ZipFile"): "the handle the guarded read opened (read_docx)",
    ("inspect/package.py", "self._zip.open"): "a member of that archive, its sizes checked by check_archive",
    ("lockfiles.py", "(Path(entry.path) / 'comm').read_text"): "/proc, the system's own",
    ("output/__init__.py", "open"): "kehoach's own temporary file, opened to write",
    ("output/file_kinds.py", "os.open"): "an existing output already known to be a regular file; non-blocking",
    ("output/file_kinds.py", "zipfile.ZipFile"): "an existing output already known to be a regular file",
    ("render/package.py", "zipfile.ZipFile"): "python-docx's writer, writing a document into memory",
    ("render/template_cache.py", "os.open"): "kehoach's own cache, owner and mode checked; no link, non-blocking",
    ("render/template_cache.py", "os.fdopen"): "the same cache file",
}
_READS = {"open", "read_text", "read_bytes", "ZipFile", "fdopen"}
#: Calls that are the guarded read under another name, wherever they are made.
_GUARDED = {"Package.open"}  # kehoach.inspect.package: a .docx through read_docx


def test_no_file_is_read_around_the_guarded_read():
    source = ROOT / "src" / "kehoach"
    found = set()
    for path in sorted(source.rglob("*.py")):
        module = path.relative_to(source).as_posix()
        if module == "source/reading.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in _READS and ast.unparse(node.func) not in _GUARDED:
                    found.add((module, ast.unparse(node.func)))
    # A new read of a clerk's file must go through kehoach.source.reading (read_input, open_input, read_docx).
    assert sorted(found - set(NOT_A_CLERKS_FILE)) == []
    assert sorted(set(NOT_A_CLERKS_FILE) - found) == []  # the list says what is there, no more
