"""One LibreOffice kept running for a session (`kehoach render --watch`), so that each save becomes a PDF in
a fraction of a second instead of a LibreOffice start-up (about 1 s) every time.

soffice runs headless with a profile of its own, listening on a named pipe; kehoach.features.office_bridge,
run by a Python that has LibreOffice's `uno` module, hands it each conversion. Why a bridge of our own and
not unoserver: both need `uno`, which exists only for the system's Python (Debian's python3-uno) or the one
LibreOffice ships (Windows, macOS), never in kehoach's virtualenv; unoserver would then have to be installed
into that other Python by hand, while the bridge is one standard-library file kehoach carries. CI and a
Debian clerk need `apt-get install python3-uno` (next to LibreOffice) and nothing from pip.

Nothing is left running, nor left in /tmp: `close` (Ctrl+C too) lets LibreOffice shut down, which removes its
pipes' socket files, then ends the process group soffice and the bridge share;
if kehoach is killed outright, the bridge sees its input end and ends the group; and every start reads the
pid files of earlier sessions (in the user's runtime or cache folder) and ends a group whose owner is gone,
once the start time proves the process is the one recorded and not a new one that got the same pid.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import PdfError
from kehoach.problems import Location
from kehoach.features.pdf import find_soffice, missing_message

#: How long one conversion may take before LibreOffice is considered stuck (and restarted).
CONVERT_SECONDS = 60
#: How long LibreOffice may take to start and accept the bridge.
START_SECONDS = 90
#: How long LibreOffice may take to shut down when the session ends: one left to finish removes its pipes
#: (/tmp/OSL_PIPE_…, two socket files per session) and its profile's lock; one killed at once leaves them.
END_SECONDS = 5
PID_PREFIX = "preview-"
BRIDGE = Path(__file__).with_name("office_bridge.py")
UNO_HINT = ("để PDF cập nhật nhanh sau mỗi lần lưu, kehoach cần mô-đun uno của LibreOffice (Debian, Ubuntu: "
            "sudo apt-get install -y python3-uno); tạm thời mỗi lần lưu sẽ khởi động LibreOffice một lần (chậm hơn)")


def state_folder() -> Path:
    """Where this user's running sessions are recorded: the runtime folder, else the cache folder."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(
            os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "kehoach"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start_time(pid: int) -> str | None:
    """When process `pid` started, as the system says it (None when not running or not known).

    Compared with the recorded one, it tells the recorded process from a new one that reuses its pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # Field 3 is the state (Z: ended, waiting for its parent to read its status), field 22 the start time
        # in clock ticks after boot.
        return None if fields[0] == "Z" else fields[19]
    except (OSError, IndexError):
        pass
    if os.name == "posix" and not os.path.isdir("/proc"):  # macOS, BSD
        try:
            done = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True, timeout=10)
            return done.stdout.strip() or None
        except (OSError, subprocess.SubprocessError):
            return None
    return None


def end_orphans(folder: Path | None = None) -> list[int]:
    """End the LibreOffice groups of earlier sessions whose kehoach is gone; their process group ids."""
    folder = folder or state_folder()
    ended = []
    for record in folder.glob(f"{PID_PREFIX}*.json"):
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            owner = int(data["owner"])
            groups = [(int(g["group"]), g.get("start")) for g in data["groups"]]
        except (OSError, ValueError, KeyError, TypeError):
            record.unlink(missing_ok=True)
            continue
        if data.get("owner_start") is not None and start_time(owner) == data["owner_start"]:
            continue  # a session still running (another terminal)
        for group, started in groups:
            if started is not None and start_time(group) == started:  # the very process recorded
                _kill_group(group)
                ended.append(group)
        if data.get("profile"):
            shutil.rmtree(data["profile"], ignore_errors=True)
        record.unlink(missing_ok=True)
    return ended


def _kill_group(group: int) -> None:
    if hasattr(os, "killpg"):
        try:
            os.killpg(group, signal.SIGKILL)
        except OSError:
            pass
    else:  # Windows: the tree under the recorded process
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(group)], capture_output=True)


def _wait_ended(office: subprocess.Popen, seconds: float) -> None:
    """Wait, at most `seconds`, until soffice has exited and (POSIX) no process of its group is left: soffice.bin
    outlives the launcher kehoach started while it removes its pipes."""
    import time

    deadline = time.monotonic() + seconds
    try:
        office.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return
    while hasattr(os, "killpg") and time.monotonic() < deadline:
        try:
            os.killpg(office.pid, 0)
        except OSError:  # no process of the group is left
            return
        time.sleep(0.05)


def uno_python() -> str | None:
    """A Python that can `import uno`: KEHOACH_UNO_PYTHON, LibreOffice's own, or the system's python3."""
    soffice = find_soffice()
    candidates = [os.environ.get("KEHOACH_UNO_PYTHON")]
    if soffice:
        program = Path(soffice).resolve().parent
        candidates += [str(program / "python.exe"), str(program / "python"), str(program.parent / "Resources" / "python")]
    candidates += ["/usr/bin/python3", shutil.which("python3")]
    for python in dict.fromkeys(c for c in candidates if c):
        if Path(python).is_file():
            try:
                done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30)
            except (OSError, subprocess.SubprocessError):
                continue
            if done.returncode == 0:
                return python
    return None


class Office:
    """A running LibreOffice and its bridge; `convert` a .docx into PDF bytes. Use as a context manager."""

    def __init__(self) -> None:
        self.soffice = find_soffice()
        self.python = uno_python() if self.soffice else None
        self.work: Path | None = None
        self.office: subprocess.Popen | None = None
        self.bridge: subprocess.Popen | None = None
        self.record: Path | None = None

    @property
    def fast(self) -> bool:
        """True when conversions go to one running LibreOffice (else each starts its own)."""
        return self.python is not None

    def __enter__(self) -> Office:
        end_orphans()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        if self.soffice is None:
            raise PdfError(missing_message(), Location("soffice"))
        self.work = Path(tempfile.mkdtemp(prefix="kehoach-preview-"))
        pipe = f"kehoach-preview-{os.getpid()}-{self.work.name}"
        posix = os.name == "posix"
        self.office = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={(self.work / 'profile').as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=posix)
        # A group of its own too (a process cannot join a group of another session); it ends soffice's group.
        self.bridge = subprocess.Popen([self.python, str(BRIDGE), pipe, str(self.office.pid)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
                                       start_new_session=posix)
        self._write_record([self.office.pid, self.bridge.pid])
        if not self._answer(START_SECONDS).get("ready"):
            self.close()
            raise PdfError("LibreOffice không khởi động được để tạo PDF; hãy chạy lại", Location(self.soffice))

    def _write_record(self, groups: list[int]) -> None:
        self.record = state_folder() / f"{PID_PREFIX}{os.getpid()}-{groups[0]}.json"
        self.record.write_text(json.dumps({
            "owner": os.getpid(), "owner_start": start_time(os.getpid()),
            "groups": [{"group": g, "start": start_time(g)} for g in groups], "profile": str(self.work)}),
            encoding="utf-8")

    def _answer(self, timeout: float) -> dict:
        """The bridge's next answer (an empty dict when it ended or took longer than `timeout`)."""
        import selectors

        if self.bridge is None or self.bridge.stdout is None:
            return {}
        if os.name == "posix":
            with selectors.DefaultSelector() as selector:
                selector.register(self.bridge.stdout, selectors.EVENT_READ)
                if not selector.select(timeout):
                    return {}
        line = self.bridge.stdout.readline()
        try:
            return json.loads(line) if line else {}
        except ValueError:
            return {}

    def convert(self, docx: Path) -> bytes:
        """The PDF of `docx`; raise PdfError. Starts LibreOffice on first use, and again if it has died."""
        if not self.fast:
            from kehoach.features.pdf import pdf_bytes

            return pdf_bytes(docx)
        for attempt in (1, 2):
            if self.bridge is None or self.bridge.poll() is not None or self.office.poll() is not None:
                self.close()
                try:
                    self.start()
                except PdfError:
                    if attempt == 2:
                        raise
                    self.python = None  # that python's uno does not reach this LibreOffice: one start per save
                    return self.convert(docx)
            target = self.work / "preview.pdf"
            target.unlink(missing_ok=True)
            try:
                self.bridge.stdin.write(json.dumps({"docx": str(docx.resolve()), "pdf": str(target)}) + "\n")
                self.bridge.stdin.flush()
            except OSError:
                answer = {}
            else:
                answer = self._answer(CONVERT_SECONDS)
            if answer.get("ok") and target.is_file():
                return target.read_bytes()
            if answer.get("error"):
                raise PdfError(f"LibreOffice không chuyển được văn bản sang PDF ({answer['error']})",
                               Location(str(docx.with_suffix(".pdf"))))
            self.close()  # no answer: LibreOffice stuck or gone; start afresh once
        raise PdfError("LibreOffice không trả lời khi chuyển văn bản sang PDF; hãy lưu lại để thử lần nữa",
                       Location(str(docx.with_suffix(".pdf"))))

    def close(self) -> None:
        """End LibreOffice and the bridge (their whole process group), and forget the session."""
        bridge_alive = self.bridge is not None and self.bridge.poll() is None
        for process in (self.bridge, self.office):
            if process is not None and process.stdin is not None:
                try:
                    process.stdin.close()
                except OSError:
                    pass
        if self.office is not None:
            if bridge_alive:  # its input ended, the bridge asks LibreOffice to shut down: let it (office_bridge._end)
                _wait_ended(self.office, END_SECONDS)
            _kill_group(self.office.pid)
            if self.bridge is not None:
                _kill_group(self.bridge.pid)
            for process in (self.bridge, self.office):
                if process is not None:
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
        if self.record is not None:
            self.record.unlink(missing_ok=True)
        self.office = self.bridge = self.work = self.record = None

