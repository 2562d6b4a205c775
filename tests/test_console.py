"""The console on any system: UTF-8 output through a pipe whatever the code page, colours only where they show.

Windows is simulated: a legacy code page with PYTHONIOENCODING=cp1258 (what a Vietnamese Windows gives a pipe),
sys.platform monkeypatched, and a stand-in for the console API (kernel32) recording what kehoach asks of it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

from kehoach import console
from support import PLAN_2024, ROOT

CP1258 = dict(os.environ, PYTHONIOENCODING="cp1258", PYTHONUTF8="0", NO_COLOR="1")


def run_piped(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """`kehoach ARGS` with stdout and stderr through pipes in the Windows code page cp1258."""
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], capture_output=True, env=CP1258,
                          cwd=cwd, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """A copy of the 2024 plan, the next year's plan made from it, and the Word document of the first."""
    folder = tmp_path_factory.mktemp("cp1258")
    plan = folder / "plan_2024.yaml"
    shutil.copy(PLAN_2024, plan)
    done = run_piped("render", str(plan))
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return folder


@pytest.mark.parametrize("args, expected", [
    (["render", "{plan}", "-o", "{folder}/ra.docx"], "Đã tạo"),
    (["check", "{plan}"], "Không có lỗi nào."),
    (["info", "{plan}"], "Trích yếu:"),
    (["info", "{plan}", "--format", "csv"], "Trích yếu"),
    (["info", "{plan}", "--format", "json"], "trich_yeu"),
    (["textconv", "{plan}"], "HUYỆN MƯỜNG ẢNG"),
    (["textconv", "{folder}/plan_2024.docx"], "HUYỆN MƯỜNG ẢNG"),
    (["types"], "Quyết định"),
    (["rules"], "lỗi"),
    (["init", "-y", "--co-quan", "Ủy ban nhân dân xã Nậm Lịch", "{folder}/moi-{n}.yaml"], "Đã tạo"),
    (["info", "{folder}", "-f", "csv"], "Trích yếu"),
    (["diff", "{plan}", str(ROOT / "data" / "vi-du-phu-luc.yaml")], "thay đổi"),
    (["new", "{plan}", "-o", "{folder}/ke-hoach-2025.yaml", "--force"], "Cần xem lại"),
    (["fmt", "--check", "{plan}"], ""),
    (["schema"], "Cơ quan"),
    (["--help"], "Kế hoạch"),
])
def test_every_command_prints_vietnamese_through_a_cp1258_pipe(docs, args, expected):
    args = [a.format(plan=docs / "plan_2024.yaml", folder=docs, n=len(list(docs.iterdir()))) for a in args]
    done = run_piped(*args)
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # UTF-8, not the code page
    assert "UnicodeEncodeError" not in stderr and done.returncode != 70, stderr
    assert done.returncode in (0, 1), stderr
    assert expected in stdout + stderr


def test_an_error_message_through_a_cp1258_pipe_is_utf8(tmp_path):
    done = run_piped("render", str(tmp_path / "không-có.yaml"))
    assert done.returncode == 2
    assert "không" in done.stderr.decode("utf-8")


def test_a_stream_already_in_utf8_and_a_test_buffer_are_left_alone(monkeypatch):
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buffer)
    console.utf8_streams()
    assert sys.stdout is buffer
    wrapped = io.TextIOWrapper(io.BytesIO(), encoding="cp1258")
    monkeypatch.setattr(sys, "stdout", wrapped)
    console.utf8_streams()
    assert wrapped.encoding == "utf-8"
    print("Mường Ảng", file=wrapped)
    wrapped.flush()
    assert wrapped.buffer.getvalue() == "Mường Ảng\n".encode()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1


class FakeKernel32:
    """The three console calls kehoach makes, with the console mode it would find and whether it takes VT."""

    def __init__(self, mode: int = 0x0003, accepts_vt: bool = True, console: bool = True) -> None:
        self.mode, self.accepts_vt, self.console = mode, accepts_vt, console
        self.set_to: int | None = None

    def GetStdHandle(self, number: int) -> int:  # noqa: N802 (the Windows API's name)
        assert number in (-11, -12)
        return 7

    def GetConsoleMode(self, handle: int, mode_ref) -> int:  # noqa: N802
        if not self.console:
            return 0
        mode_ref._obj.value = self.mode
        return 1

    def SetConsoleMode(self, handle: int, mode: int) -> int:  # noqa: N802
        if not self.accepts_vt:
            return 0
        self.set_to = mode
        return 1


@pytest.fixture
def windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setattr(console, "_colour_cache", {})


def test_windows_10_console_gets_virtual_terminal_processing_turned_on(windows, monkeypatch):
    kernel32 = FakeKernel32()
    assert console.enable_virtual_terminal(1, kernel32) is True
    assert kernel32.set_to == 0x0003 | console.ENABLE_VIRTUAL_TERMINAL_PROCESSING
    monkeypatch.setattr(console, "enable_virtual_terminal", lambda fileno: True)
    assert console.colour(FakeTerminal()) is True


def test_old_windows_console_that_refuses_ansi_gets_no_colour(windows, monkeypatch):
    assert console.enable_virtual_terminal(1, FakeKernel32(accepts_vt=False)) is False
    assert console.enable_virtual_terminal(2, FakeKernel32(console=False)) is False  # mintty, a redirected handle
    real = console.enable_virtual_terminal
    monkeypatch.setattr(console, "enable_virtual_terminal", lambda fileno: real(fileno, FakeKernel32(accepts_vt=False)))
    assert console.colour(FakeTerminal()) is False


def test_a_console_already_drawing_ansi_is_not_touched(windows):
    kernel32 = FakeKernel32(mode=0x0007)
    assert console.enable_virtual_terminal(1, kernel32) is True and kernel32.set_to is None


def test_without_the_windows_api_there_is_no_colour(windows):
    # On this machine ctypes has no windll: kehoach must answer "no colour", not fail.
    if hasattr(__import__("ctypes"), "windll"):
        pytest.skip("a real Windows: the API is there")
    assert console.colour(FakeTerminal()) is False


def test_no_color_and_a_pipe_mean_no_colour(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert console.colour(FakeTerminal()) is False
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty value does not count
    monkeypatch.setattr(sys, "platform", "linux")
    assert console.colour(FakeTerminal()) is True
    assert console.colour(io.StringIO()) is False
    monkeypatch.setenv("TERM", "dumb")
    assert console.colour(FakeTerminal()) is False


def test_check_report_has_no_escape_codes_through_a_pipe(tmp_path):
    plan = tmp_path / "loi.yaml"
    plan.write_text(PLAN_2024.read_text(encoding="utf-8").replace("giai đoạn 2021-2025", "giai đoạn 2021-2025  ngày 5 tháng 03", 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kehoach.cli", "check", str(plan)], capture_output=True,
                          env={k: v for k, v in CP1258.items() if k != "NO_COLOR"}, timeout=120)
    assert b"\x1b[" not in done.stdout and "loi.yaml" in done.stdout.decode("utf-8")
