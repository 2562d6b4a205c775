"""Signals while writing: SIGTERM, SIGHUP or SIGINT arriving while the output's temporary file exists leaves
neither that file nor a damaged output — the old document stays as it was — and a run killed outright
(SIGKILL, which no program can catch) has its temporary file removed by the next write to the folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from hostile.harness import TIMEOUT, _limits, snapshot

#: Runs the real command line in a child whose fsync of the output first sends the child `SIGNAL`: the
#: signal arrives exactly while the temporary file is there, written but not yet renamed.
_SIGNALLED = """
import os, signal, sys
import kehoach.output
number = getattr(signal, sys.argv[1])
real_fsync = os.fsync
def fsync(fd):
    os.kill(os.getpid(), number)
    real_fsync(fd)
kehoach.output.os.fsync = fsync
from kehoach.cli import main
sys.exit(main(sys.argv[2:]))
"""
OLD = b"PK\x03\x04 ban cu cua van thu"  # the document already there: a damaged Word file is still one


def _temporary(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder.path) if name.endswith(".tmp"))


def _run_signalled(folder, name: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONUTF8="1")
    env.pop("KEHOACH_DEBUG", None)
    return subprocess.run([sys.executable, "-c", _SIGNALLED, name, "render", "ke-hoach.yaml"], cwd=folder.path,
                          env=env, capture_output=True, text=True, encoding="utf-8", preexec_fn=_limits,
                          timeout=TIMEOUT)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_termination_while_writing_removes_the_temporary_file(folder, name):
    folder.write("ke-hoach.docx", OLD)
    folder.before = snapshot(folder.path)
    done = _run_signalled(folder, name)
    assert done.returncode == -getattr(signal, name)  # ended by the signal, as a clerk's shell expects
    assert "Traceback" not in done.stderr
    assert _temporary(folder) == []
    folder.unchanged()


def test_ctrl_c_while_writing_says_it_stopped_and_removes_the_temporary_file(folder):
    folder.write("ke-hoach.docx", OLD)
    folder.before = snapshot(folder.path)
    done = _run_signalled(folder, "SIGINT")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "Đã dừng theo yêu cầu; không tệp nào bị thay đổi.\n")
    assert _temporary(folder) == []
    folder.unchanged()


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write(folder):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process id that no longer runs
    left = f".ke-hoach.docx.kehoach-{gone.pid}-abcd1234.tmp"
    folder.write(left, b"PK half a document")
    alive = f".ke-hoach.docx.kehoach-{os.getpid()}-abcd1234.tmp"  # a run still going (this test): kept
    folder.write(alive, b"PK another run")
    done = folder.run("render", "ke-hoach.yaml")
    assert (done.code, done.stderr) == (0, "")
    assert _temporary(folder) == [alive]
