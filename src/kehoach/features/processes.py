"""A program started with everything it starts in turn, so that a timeout can end all of it.

LibreOffice's `soffice` is a launcher: the work is done by `soffice.bin`, its child. Ending the launcher
alone leaves soffice.bin running, holding the document and the profile.
- POSIX: the program gets a session (process group) of its own; `os.killpg` ends the group.
- Windows: the program is put in a job object right after it starts; its children join the job, and
  `TerminateJobObject` ends them all. `taskkill /T` (the tree by parent) is tried as well, for a child
  started before the program joined the job.
"""

from __future__ import annotations

import os
import signal
import subprocess


def start(command: list[str]) -> tuple[subprocess.Popen, object | None]:
    """Start `command` (stdin closed, stdout and stderr piped); returns the process and its job (Windows)."""
    posix = os.name == "posix"
    flags = 0 if posix else getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=posix, creationflags=flags)
    return process, (None if posix else windows_job(process))


def windows_job(process: subprocess.Popen, kernel32=None):
    """A job object holding `process` (kernel32: the Windows API, or a stand-in in tests); None if refused."""
    if kernel32 is None:
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # only on Windows
        except (ImportError, AttributeError, OSError):
            return None
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return None
    if not kernel32.AssignProcessToJobObject(job, int(getattr(process, "_handle", 0) or 0)):
        kernel32.CloseHandle(job)  # already in a job that allows no other (old Windows): taskkill remains
        return None
    return job


def stop(process: subprocess.Popen, job=None, kernel32=None, posix: bool | None = None) -> None:
    """End `process` and every process it started, then collect it (`posix`: the system, for tests)."""
    try:
        if os.name == "posix" if posix is None else posix:
            os.killpg(process.pid, signal.SIGKILL)  # the group `start` created, nothing else
        else:
            if job is not None:
                if kernel32 is None:
                    import ctypes

                    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
                kernel32.TerminateJobObject(job, 1)
                kernel32.CloseHandle(job)
            # /T: the tree of processes started by this one (soffice.bin), /F: without asking them.
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30, check=False)
            process.kill()  # if taskkill itself is missing or refused
    except (OSError, subprocess.SubprocessError):
        pass
    process.communicate()


def close(job, kernel32=None) -> None:
    """Let go of the job of a program that ended by itself."""
    if job is None:
        return
    try:
        if kernel32 is None:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.CloseHandle(job)
    except (ImportError, AttributeError, OSError):
        pass
