"""`kehoach render --watch` with a real LibreOffice: every save gives an updated PDF, errors keep the last good
document, and no LibreOffice is left running after Ctrl+C or kill -9."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kehoach.features import office
from kehoach.features.pdf import find_soffice
from support import shared_workspace

KEHOACH = Path(sys.executable).parent / "kehoach"

needs_office = pytest.mark.skipif(
    find_soffice() is None or office.uno_python() is None or shutil.which("pdftotext") is None or os.name != "posix",
    reason="needs LibreOffice (soffice), python3-uno and pdftotext, on Linux or macOS (.ci/run installs them)")


class Watch:
    """A `kehoach render --watch` process, its output read line by line."""

    def __init__(self, plan: Path, runtime: Path) -> None:
        env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), PYTHONUTF8="1")
        self.process = subprocess.Popen([str(KEHOACH), "render", "--watch", plan.name], cwd=plan.parent, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lines: queue.Queue = queue.Queue()
        for stream, name in ((self.process.stdout, "out"), (self.process.stderr, "err")):
            threading.Thread(target=self._read, args=(stream, name), daemon=True).start()

    def _read(self, stream, name: str) -> None:
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def wait_for(self, text: str, timeout: float = 90) -> list[tuple[str, str]]:
        """Every line up to and including the first one holding `text`."""
        seen, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line[1]:
                return seen
        raise AssertionError(f"no line with {text!r} within {timeout} s; seen: {seen}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8").stdout


def _groups(runtime: Path) -> list[int]:
    records = list((runtime / "kehoach").glob("preview-*.json"))
    return [g["group"] for r in records for g in json.loads(r.read_text())["groups"]]


def _members(group: int) -> list[int]:
    """The live processes of a process group."""
    done = subprocess.run(["ps", "-eo", "pid=,pgid=,stat="], capture_output=True, text=True)
    return [int(pid) for pid, pgid, stat in (line.split()[:3] for line in done.stdout.splitlines())
            if int(pgid) == group and not stat.startswith("Z")]


def _save(path: Path, old: str, new: str) -> None:
    """What an editor does: write a new file and rename it over the old one."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(temporary, path)


@needs_office
def test_each_save_updates_the_pdf_and_errors_keep_the_last_good_document(tmp_path):
    (tmp_path / "plans").mkdir()
    plan, shared = shared_workspace(tmp_path / "plans")
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    pipes_before = set(_office_pipes())
    watch = Watch(plan, runtime)
    try:
        seen = watch.wait_for("Đang theo dõi")
        assert ("out", "Đang theo dõi 2 tệp; mỗi lần lưu, văn bản được tạo lại. Nhấn Ctrl+C để dừng.") in seen
        assert any("Đã cập nhật plan.docx, plan.pdf" in line for _, line in seen)
        pdf, docx = plan.with_suffix(".pdf"), plan.with_suffix(".docx")
        assert "Đinh Văn Sơn" in _pdf_text(pdf)
        groups = _groups(runtime)
        assert len(groups) == 2 and all(_members(g) for g in groups)  # soffice and its bridge, running

        _save(plan, "ho_ten: Đinh Văn Sơn", "ho_ten: Lò Văn Minh")
        watch.wait_for("Đã cập nhật plan.docx, plan.pdf")
        assert "Lò Văn Minh" in _pdf_text(pdf)
        # A save of the shared file updates the plan's document too.
        _save(shared, "về việc giao dự toán thu, chi ngân sách", "về việc giao dự toán thu, chi ngân sách mới")
        watch.wait_for("Đã cập nhật plan.docx, plan.pdf")
        assert _groups(runtime) == groups  # the same LibreOffice all along

        before = docx.read_bytes(), pdf.read_bytes()
        _save(plan, "- KT. CHỦ TỊCH", "- KT CHỦ TỊCH")
        seen = watch.wait_for("giữ nguyên văn bản lần trước")
        line = plan.read_text(encoding="utf-8").split("\n").index("    - KT CHỦ TỊCH") + 1
        assert ("err", f"{plan.name}:{line}:7: dòng thẩm quyền «KT CHỦ TỊCH» phải bắt đầu bằng TM., KT., Q., TL. hoặc"
                f" TUQ. rồi đến chức danh; có phải «KT. CHỦ TỊCH»?") in seen
        assert seen[-1][1].endswith("Kế hoạch còn 1 lỗi: giữ nguyên văn bản lần trước; sửa rồi lưu lại.")
        assert (docx.read_bytes(), pdf.read_bytes()) == before
        _save(plan, "- KT CHỦ TỊCH", "- KT. CHỦ TỊCH")
        watch.wait_for("Đã cập nhật plan.docx, plan.pdf")

        watch.process.send_signal(signal.SIGINT)  # Ctrl+C
        watch.wait_for("Đã dừng theo dõi.")
        assert watch.process.wait(timeout=30) == 0
        assert not any(_members(g) for g in groups)
        assert _groups(runtime) == []
        # LibreOffice was let finish its shutdown, so it removed the socket files of its pipes: the one kehoach
        # named for this session and its own single-instance one (killed at once, it left both in /tmp).
        assert not list(Path("/tmp").glob(f"OSL_PIPE_{os.getuid()}_kehoach-preview-{watch.process.pid}-*"))
        assert [p for p in _office_pipes() if p not in pipes_before and "SingleOfficeIPC" in p.name] == []
    finally:
        watch.stop()


def _office_pipes() -> list[Path]:
    """The socket files LibreOffice makes in /tmp for its pipes (sal's osl pipes, always in /tmp)."""
    return list(Path("/tmp").glob(f"OSL_PIPE_{os.getuid()}_*"))


@needs_office
def test_after_kill_9_nothing_is_left_running(tmp_path):
    (tmp_path / "plans").mkdir()
    plan, _ = shared_workspace(tmp_path / "plans")
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    watch = Watch(plan, runtime)
    try:
        watch.wait_for("Đang theo dõi")
        groups = _groups(runtime)
        assert groups and all(_members(g) for g in groups)
        watch.process.kill()  # kill -9: no clean-up of its own
        watch.process.wait()
        deadline = time.monotonic() + 30  # the bridge sees its input end and ends LibreOffice
        while any(_members(g) for g in groups) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_members(g) for g in groups)
        assert _groups(runtime) == groups  # the record stays, for the next start to find
    finally:
        watch.stop()
    assert office.end_orphans(runtime / "kehoach") == []  # nothing left to end, and the record goes
    assert _groups(runtime) == []


def test_the_next_start_ends_an_orphan_it_owns_and_nothing_else(tmp_path):
    """An orphan that outlived everything (the bridge killed too): the pid file, checked by start time."""
    orphan = subprocess.Popen(["sleep", "600"], start_new_session=True)
    stranger = subprocess.Popen(["sleep", "600"], start_new_session=True)
    gone = subprocess.Popen(["true"])
    gone.wait()
    try:
        folder = tmp_path / "kehoach"
        folder.mkdir()
        records = {
            # kehoach is gone: its LibreOffice group is ended.
            "preview-1.json": {"owner": gone.pid, "owner_start": "1", "profile": str(tmp_path / "profile"),
                               "groups": [{"group": orphan.pid, "start": office.start_time(orphan.pid)}]},
            # The pid now belongs to another program (another start time): left alone.
            "preview-2.json": {"owner": gone.pid, "owner_start": "1",
                               "groups": [{"group": stranger.pid, "start": "12345"}]},
            # A session still running (this test process is its owner): left alone.
            "preview-3.json": {"owner": os.getpid(), "owner_start": office.start_time(os.getpid()),
                               "groups": [{"group": stranger.pid, "start": office.start_time(stranger.pid)}]},
        }
        for name, record in records.items():
            (folder / name).write_text(json.dumps(record), encoding="utf-8")
        (tmp_path / "profile").mkdir()
        assert office.end_orphans(folder) == [orphan.pid]
        assert orphan.wait(timeout=10) == -signal.SIGKILL
        assert stranger.poll() is None
        assert sorted(p.name for p in folder.iterdir()) == ["preview-3.json"]
        assert not (tmp_path / "profile").exists()
    finally:
        for process in (orphan, stranger):
            process.kill()
            process.wait()


def test_help_imports_neither_the_language_server_nor_the_watcher():
    script = ("import runpy, sys\nsys.argv = ['kehoach', 'render', '--help']\n"
              "try:\n    runpy.run_module('kehoach', run_name='__main__')\nexcept SystemExit:\n"
              "    print(sorted(m for m in ('pygls', 'lsprotocol', 'watchfiles') if m in sys.modules), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.stderr.splitlines()[-1] == "[]"
    assert "--watch" in done.stdout


@pytest.mark.skipif(find_soffice() is None, reason="needs LibreOffice (soffice); .ci/run installs it")
def test_without_uno_the_watch_says_how_to_get_it_and_still_makes_the_pdf(tmp_path, monkeypatch):
    from kehoach.features import preview

    monkeypatch.setattr(office, "uno_python", lambda: None)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    plan = tmp_path / "plan.yaml"
    plan.write_text((Path(__file__).parents[1] / "data" / "plan_2024.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    lines: list[str] = []
    stop = threading.Event()

    def said(line: str) -> None:
        lines.append(line)
        if line.startswith("Đang theo dõi"):
            stop.set()

    watching = threading.Thread(target=preview.watch, args=(plan,), kwargs={"say": said, "warn": said, "stop": stop})
    watching.start()
    watching.join(timeout=180)
    assert not watching.is_alive()
    assert lines[0] == f"Lưu ý: {office.UNO_HINT}."
    assert "Đã cập nhật plan.docx, plan.pdf" in lines[1]
    assert lines[2:] == ["Đang theo dõi 1 tệp; mỗi lần lưu, văn bản được tạo lại. Nhấn Ctrl+C để dừng.",
                         "Đã dừng theo dõi."]
    assert plan.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
