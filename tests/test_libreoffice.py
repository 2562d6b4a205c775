"""LibreOffice found wherever it is installed, the install line for each system, and no soffice left running.

Windows is simulated: a stand-in for the winreg module holding the keys an installer writes, Windows paths
(PureWindowsPath) as the files that exist, and the environment variables Windows sets.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from kehoach.features import libreoffice, pdf, processes

WINDOWS_ENV = {"PATH": "", "ProgramFiles": r"C:\Program Files", "ProgramFiles(x86)": r"C:\Program Files (x86)",
               "ProgramW6432": r"C:\Program Files", "LOCALAPPDATA": r"C:\Users\vanthu\AppData\Local",
               "SystemDrive": "C:"}


class FakeWinreg:
    """The part of winreg kehoach uses, holding {(hive, key): default value}."""

    HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER = "HKLM", "HKCU"

    def __init__(self, values: dict[tuple[str, str], str]) -> None:
        self.values = values
        self.opened: list[tuple[str, str]] = []

    def OpenKey(self, hive, key):  # noqa: N802 (winreg's names)
        self.opened.append((hive, key))
        if (hive, key) not in self.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return _Key(self.values[(hive, key)])

    def QueryValueEx(self, key, name):  # noqa: N802
        assert name == ""  # the default value
        return key.value, 1


class _Key:
    def __init__(self, value: str) -> None:
        self.value = value

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def find_on_windows(existing: set[str], registry=None) -> str | None:
    return libreoffice.find("win32", WINDOWS_ENV, lambda p: p in existing, registry or FakeWinreg({}))


def test_windows_registry_app_paths_wins_over_the_usual_folders():
    program = r"E:\Ung dung\LibreOffice\program\soffice.exe"
    registry = FakeWinreg({("HKLM", libreoffice.APP_PATHS): f'"{program}"'})
    found = find_on_windows({program, r"C:\Program Files\LibreOffice\program\soffice.exe"}, registry)
    assert found == program
    assert registry.opened[0] == ("HKLM", r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe")


def test_windows_per_user_install_is_found_in_the_registry_or_in_local_app_data():
    program = r"D:\LO\program\soffice.exe"
    assert find_on_windows({program}, FakeWinreg({("HKCU", libreoffice.APP_PATHS): program})) == program
    folder_key = FakeWinreg({("HKCU", libreoffice.UNO_INSTALL): r"D:\LO\program"})
    assert find_on_windows({program}, folder_key) == program
    per_user = r"C:\Users\vanthu\AppData\Local\Programs\LibreOffice\program\soffice.exe"
    assert find_on_windows({per_user}) == per_user


@pytest.mark.parametrize("program", [
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",  # a 32-bit build
    r"D:\Program Files\LibreOffice\program\soffice.exe",  # installed on another drive
    r"E:\LibreOffice\program\soffice.exe",
])
def test_windows_usual_folders_on_any_drive(program):
    assert find_on_windows({program}) == program


def test_windows_without_libreoffice_and_without_winreg():
    assert find_on_windows(set()) is None
    # On a system without winreg (this one, unless it is Windows) the registry is simply not asked.
    assert list(libreoffice.registry_places()) == [] or os.name == "nt"


def test_path_comes_first_everywhere(tmp_path):
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    environ = dict(WINDOWS_ENV, PATH=str(tmp_path))
    assert libreoffice.find("linux", environ) == str(program)


def test_macos_applications_folders():
    bundle = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert libreoffice.find("darwin", {"PATH": "", "HOME": "/Users/vt"}, lambda p: p == bundle) == bundle
    mine = "/Users/vt/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert libreoffice.find("darwin", {"PATH": "", "HOME": "/Users/vt"}, lambda p: p == mine) == mine
    assert libreoffice.find("linux", {"PATH": ""}, lambda p: True) is None  # Linux packages use PATH


def test_install_line_for_each_system():
    assert libreoffice.install_hint("win32") == (
        "  Windows: mở PowerShell và gõ «winget install -e --id TheDocumentFoundation.LibreOffice» (hoặc «choco "
        "install -y libreoffice-fresh» nếu máy dùng Chocolatey), hoặc tải bộ cài tại https://www.libreoffice.org/"
        "download/; cài xong không cần sửa PATH")
    assert libreoffice.install_hint("darwin") == ("  macOS: brew install --cask libreoffice (cần Homebrew), hoặc tải bộ"
                                                  " cài tại https://www.libreoffice.org/download/")
    ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
    assert libreoffice.install_hint("linux", ubuntu) == (
        "  Debian, Ubuntu: sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2")
    assert libreoffice.install_hint("linux", 'ID="rocky"\nID_LIKE="rhel centos fedora"\n') == (
        "  Fedora, RHEL: sudo dnf install -y libreoffice-writer liberation-serif-fonts")
    other = libreoffice.install_hint("linux", "ID=arch\n")
    assert "apt-get" in other and "trình quản lý gói" in other


def test_the_missing_message_on_windows_has_no_apt_get(monkeypatch):
    monkeypatch.setattr(libreoffice.sys, "platform", "win32")
    message = pdf.missing_message()
    assert "winget install" in message and "apt-get" not in message and "sudo" not in message


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to see which processes run")
def test_on_timeout_soffice_and_the_soffice_bin_it_started_are_both_ended(tmp_path, monkeypatch):
    # As the real one: soffice (a script) starts soffice.bin (here a sleep) and waits for it.
    children = tmp_path / "pids"
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {children}\necho $$ >> {children}\nwait\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(program))
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(pdf.PdfError, match="chưa chuyển xong sau 1 giây"):
        pdf.pdf_bytes(tmp_path / "a.docx", timeout=1)
    pids = [int(line) for line in children.read_text(encoding="ascii").split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if _alive(pid)] == []


class FakeProcess:
    pid = 4242
    _handle = 77  # the process handle subprocess keeps on Windows
    killed = False

    def kill(self):
        self.killed = True

    def communicate(self):
        return b"", b""


class FakeKernel32:
    """The job-object calls kehoach makes, recorded."""

    def __init__(self, assign_ok: bool = True) -> None:
        self.calls: list[tuple] = []
        self.assign_ok = assign_ok

    def __getattr__(self, name):
        def call(*args):
            self.calls.append((name, *args))
            return {"CreateJobObjectW": 9, "AssignProcessToJobObject": int(self.assign_ok)}.get(name, 1)
        return call


def test_on_windows_soffice_joins_a_job_and_the_job_and_tree_are_ended(monkeypatch):
    kernel32 = FakeKernel32()
    job = processes.windows_job(FakeProcess(), kernel32)
    assert job == 9 and kernel32.calls == [("CreateJobObjectW", None, None), ("AssignProcessToJobObject", 9, 77)]
    runs = []
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: runs.append(args))
    process = FakeProcess()
    processes.stop(process, job, kernel32, posix=False)
    assert kernel32.calls[2:] == [("TerminateJobObject", 9, 1), ("CloseHandle", 9)]
    assert runs == [["taskkill", "/F", "/T", "/PID", "4242"]] and process.killed


def test_on_windows_without_a_job_taskkill_still_ends_the_tree(monkeypatch):
    kernel32 = FakeKernel32(assign_ok=False)
    assert processes.windows_job(FakeProcess(), kernel32) is None
    assert kernel32.calls[-1] == ("CloseHandle", 9)
    runs = []
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: runs.append(args))
    processes.stop(FakeProcess(), None, posix=False)
    assert runs == [["taskkill", "/F", "/T", "/PID", "4242"]]
