"""Files held by another program: a short retry and «tệp đang mở» for Windows sharing violations (simulated), when
writing a document and when reading a plan, a shared file or a .docx; and lock files named with whose they are,
whether they are stale, and the command that deletes them."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from kehoach import lockfiles, output, sharing
from kehoach.output import system_errors
from kehoach.errors import OutputError
from kehoach.source import reading
from hostile.harness import SHARED, SHARED_PLAN
from support import PLAN_2024, invoke

OLD = b"PK old document"


class SharingViolation(PermissionError):
    """What Windows raises when Acrobat or Word holds the file: winerror 32 (errno 13)."""

    winerror = 32


class LockViolation(PermissionError):
    """Windows' ERROR_LOCK_VIOLATION: another program locked a part of the file (errno 13)."""

    winerror = 33


class AccessDenied(PermissionError):
    winerror = 5


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "ke-hoach.yaml").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    return slept


def replace_failing(monkeypatch, error: type[OSError], times: int) -> list[int]:
    """os.replace failing `times` times with `error`, then working; returns the list of tries."""
    tries: list[int] = []
    real = os.replace

    def flaky(src, dst):
        tries.append(1)
        if len(tries) <= times:
            raise error(13, "The process cannot access the file because it is being used by another process")
        real(src, dst)

    monkeypatch.setattr(output.os, "replace", flaky)
    return tries


def test_a_file_held_for_a_moment_is_written_after_a_short_retry(folder, monkeypatch, pauses):
    (folder / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 old")
    tries = replace_failing(monkeypatch, SharingViolation, 2)  # an antivirus scanning the old file
    output.write_atomic(folder / "ke-hoach.pdf", b"%PDF new")
    assert (folder / "ke-hoach.pdf").read_bytes() == b"%PDF new"
    assert (len(tries), pauses) == (3, [0.1, 0.2])


def test_a_file_open_in_acrobat_says_tep_dang_mo_and_keeps_the_old_one(folder, monkeypatch, pauses):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    replace_failing(monkeypatch, SharingViolation, 99)
    result = invoke(["render", "ke-hoach.yaml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("ke-hoach.docx: tệp đang mở trong một chương trình khác (Acrobat, Word, …) nên không ghi"
                             " đè được; hãy đóng tệp rồi chạy lại, hoặc ghi ra tệp khác bằng -o; tệp cũ vẫn giữ nguyên\n")
    assert pauses == list(system_errors.RETRY_PAUSES)  # about 1.5 s in all, then the message
    assert (folder / "ke-hoach.docx").read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.docx", "ke-hoach.yaml"]  # no temporary file left


def test_access_denied_is_not_retried(folder, monkeypatch, pauses):
    replace_failing(monkeypatch, AccessDenied, 99)
    with pytest.raises(OutputError, match="không có quyền ghi"):
        output.write_atomic(folder / "x.docx", b"PK")
    assert pauses == []


# -- reading a file another program holds ---------------------------------------------------------------

def open_failing(monkeypatch, target: str, error: type[OSError], times: int) -> list[str]:
    """The guarded read's os.open of a path ending `target` failing `times` times with `error`; the tries."""
    tries: list[str] = []
    real = os.open

    def flaky(path, *args, **kwargs):
        if str(path).endswith(target):
            tries.append("refused" if len(tries) < times else "opened")
            if tries[-1] == "refused":
                raise error(13, "The process cannot access the file because it is being used by another process")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", flaky)
    return tries


def held_to_read(name: str) -> str:
    return (f"tệp «{name}» đang mở trong một chương trình khác (Acrobat, Word, …) nên không đọc được; hãy đóng tệp rồi"
            " chạy lại")


def test_a_plan_held_for_a_moment_is_read_after_a_short_retry(folder, monkeypatch, pauses):
    tries = open_failing(monkeypatch, "ke-hoach.yaml", SharingViolation, 2)  # an antivirus scanning the plan
    result = invoke(["render", "ke-hoach.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert (folder / "ke-hoach.docx").read_bytes()[:2] == b"PK"
    assert (tries[:3], pauses) == (["refused", "refused", "opened"], [0.1, 0.2])


@pytest.mark.parametrize("error", [SharingViolation, LockViolation], ids=["sharing", "lock"])
def test_a_plan_open_in_another_program_says_tep_dang_mo_not_a_missing_right(folder, monkeypatch, pauses, error):
    open_failing(monkeypatch, "ke-hoach.yaml", error, 99)
    result = invoke(["render", "ke-hoach.yaml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"ke-hoach.yaml: {held_to_read('ke-hoach.yaml')}\n"
    assert pauses == list(sharing.RETRY_PAUSES)  # as long as the write side waits, then the message
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.yaml"]


def test_a_shared_file_held_by_another_program_is_said_where_the_plan_names_it(tmp_path, monkeypatch, pauses):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dung-chung.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "ke-hoach.yaml").write_text(SHARED_PLAN, encoding="utf-8")
    open_failing(monkeypatch, "dung-chung.yaml", SharingViolation, 99)
    result = invoke(["check", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert f"  lỗi  {held_to_read('dung-chung.yaml')}  [file-unreadable]\n" in result.stdout


class _LockedOnce:
    """A file whose first read meets a part locked by another program (Windows: LockFileEx), as os.fdopen returns."""

    def __init__(self, handle, reads: list[int]) -> None:
        self.handle, self.reads = handle, reads

    def read(self, size: int = -1) -> bytes:
        self.reads.append(1)
        if len(self.reads) == 1:
            self.handle.read(10)  # part of it was read before the locked part: the retry must start again
            raise LockViolation(13, "The process cannot access the file because another process has locked a portion")
        return self.handle.read(size)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()


def test_a_locked_part_met_while_reading_is_read_again_from_the_start(folder, monkeypatch, pauses):
    reads: list[int] = []
    real = os.fdopen
    monkeypatch.setattr(reading.os, "fdopen", lambda fd, *a, **k: _LockedOnce(real(fd, *a, **k), reads))
    data = reading.read_input(folder / "ke-hoach.yaml", "plan")
    assert data == (folder / "ke-hoach.yaml").read_bytes()  # whole, not missing its first 10 bytes
    assert (len(reads), pauses) == (2, [0.1])


def test_a_word_document_held_by_another_program_to_check_or_import(folder, monkeypatch, pauses):
    assert invoke(["render", "ke-hoach.yaml"]).exit_code == 0
    open_failing(monkeypatch, "ke-hoach.docx", SharingViolation, 99)
    imported = invoke(["import", "ke-hoach.docx", "-o", "lai.yaml"])
    assert (imported.exit_code, imported.stderr) == (2, f"ke-hoach.docx: {held_to_read('ke-hoach.docx')}\n")
    checked = invoke(["check", "ke-hoach.docx"])
    assert checked.exit_code == 2
    assert f"  lỗi  {held_to_read('ke-hoach.docx')}  [file-unreadable]\n" in checked.stdout + checked.stderr
    assert not (folder / "lai.yaml").exists()


def test_access_denied_on_read_is_not_retried_and_says_it_is_a_right(folder, monkeypatch, pauses):
    open_failing(monkeypatch, "ke-hoach.yaml", AccessDenied, 99)
    result = invoke(["render", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("ke-hoach.yaml: không có quyền đọc tệp «ke-hoach.yaml»; hãy xin quyền đọc")
    assert pauses == []


def test_reading_and_writing_say_a_held_file_in_the_same_words():
    busy = system_errors.BUSY
    assert busy == ("tệp đang mở trong một chương trình khác (Acrobat, Word, …) nên không ghi đè được; hãy đóng tệp")
    read = reading.cannot_read("a.yaml", SharingViolation(13, "used by another process"))
    assert read.replace(" «a.yaml»", "").replace("không đọc được", "không ghi đè được") == busy + " rồi chạy lại"


def word_lock(name: str) -> bytes:
    """A Word owner file as Word writes it: the name in ANSI after a length byte, then in UTF-16 at byte 54."""
    ansi = name.encode("cp1252", "replace")
    data = bytes([len(ansi)]) + ansi.ljust(53, b"\0")
    data += len(name).to_bytes(2, "little") + name.encode("utf-16-le")
    return data.ljust(162, b"\0")


def test_a_word_lock_names_its_user_and_how_to_delete_it(folder):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    (folder / "~$-hoach.docx").write_bytes(word_lock("Nguyễn Thị Văn Thư"))
    result = invoke(["render", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "ke-hoach.docx: tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa «~$-hoach.docx», của «Nguyễn Thị Văn"
        " Thư»); hãy đóng tệp rồi chạy lại, hoặc ghi ra tệp khác bằng -o. Nếu không ai đang mở tệp, tệp khóa còn sót"
        " lại sau khi Word hoặc LibreOffice bị tắt đột ngột: hãy xóa tệp khóa bằng lệnh: rm -- '~$-hoach.docx'\n")
    assert (folder / "ke-hoach.docx").read_bytes() == OLD


def test_a_libreoffice_lock_of_another_machine_is_not_judged(folder):
    lock = folder / ".~lock.ke-hoach.docx#"
    lock.write_text(",vanthu,MAY-VAN-THU,06.12.2026 08:15,file:///C:/Users/vanthu/AppData/Roaming/LibreOffice/4;",
                    encoding="utf-8")
    result = invoke(["render", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert "(có tệp khóa «.~lock.ke-hoach.docx#», của «vanthu» trên máy «MAY-VAN-THU» lúc 06.12.2026 08:15)" in \
        result.stderr


def test_a_libreoffice_lock_of_this_machine_with_no_libreoffice_running_is_stale(folder, monkeypatch):
    lock = folder / ".~lock.ke-hoach.docx#"
    lock.write_text(f"Lò Văn Pánh,pank,{socket.gethostname()},06.12.2026 08:15,file:///home/pank/.config/lo;\n",
                    encoding="utf-8")
    monkeypatch.setattr(lockfiles, "libreoffice_running", lambda: False)
    result = invoke(["render", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"ke-hoach.docx: tệp khóa «.~lock.ke-hoach.docx#» còn sót lại, của «Lò Văn Pánh» trên máy «{socket.gethostname()}»"
        " lúc 06.12.2026 08:15: LibreOffice trên máy này không còn chạy nên không ai đang mở tệp; hãy xóa tệp khóa bằng"
        " lệnh: rm -- '.~lock.ke-hoach.docx#' rồi chạy lại\n")
    assert lock.exists()  # never deleted by kehoach
    monkeypatch.setattr(lockfiles, "libreoffice_running", lambda: True)  # open right now: not stale
    assert "tệp đang được mở" in invoke(["render", "ke-hoach.yaml"]).stderr


def test_libreoffice_running_is_read_from_the_process_list():
    if not Path("/proc/self/comm").exists():
        pytest.skip("reads /proc")
    assert lockfiles.libreoffice_running() in (True, False)


def test_the_delete_command_for_powershell_and_for_a_posix_shell():
    lock = Path("Kế hoạch") / "~$an_2024.docx"
    assert lockfiles.removal_command(lock, "linux") == "rm -- 'Kế hoạch/~$an_2024.docx'"
    windows = lockfiles.removal_command(Path("it's") / ".~lock.a.docx#", "win32")
    assert windows == f"Remove-Item -Force -LiteralPath '{Path('it' + chr(39) * 2 + 's') / '.~lock.a.docx#'}'"
    assert lockfiles.removal_command(Path("~$a.docx"), "win32") == "Remove-Item -Force -LiteralPath '~$a.docx'"


def test_unreadable_and_foreign_lock_contents_name_nobody():
    assert lockfiles._word_owner(b"nguoi dung") is None
    assert lockfiles._libreoffice_owner(b"garbage") is None
    assert lockfiles._word_owner(word_lock("Lò Văn Pánh")) == lockfiles.LockOwner("Lò Văn Pánh")


# -- a Word file another program locks after kehoach opened it ------------------------------------------------------

class _LockedAfter:
    """An opened file whose reads are refused (Windows: another program locked it) after its first `free` reads."""

    def __init__(self, handle, free: int, reads: list[int]) -> None:
        self.handle, self.free, self.reads = handle, free, reads

    def read(self, *args) -> bytes:
        self.reads.append(1)
        if len(self.reads) > self.free:
            raise LockViolation(13, "The process cannot access the file because another process has locked a portion")
        return self.handle.read(*args)

    def __getattr__(self, name):
        return getattr(self.handle, name)


def lock_after_open(monkeypatch, kind: str, free: int) -> list[int]:
    """The guarded read's Word files of `kind` ("docx", "template") locked after `free` reads; the reads."""
    reads: list[int] = []
    real = reading.read_docx

    def opened(path, what="docx", display=None):
        handle = real(path, what, display)
        return _LockedAfter(handle, free, reads) if what == kind else handle

    monkeypatch.setattr(reading, "read_docx", opened)
    return reads


def reads_of(argv: list[str], monkeypatch, kind: str) -> int:
    """How many reads a run of `argv` makes of the opened Word file (none refused)."""
    with monkeypatch.context() as patch:
        reads = lock_after_open(patch, kind, 10**6)
        assert invoke(argv).exit_code in (0, 1)
    return len(reads)


@pytest.mark.parametrize("when", ["at-once", "last-part"])
def test_a_word_document_locked_after_it_was_opened_is_said_open_not_damaged(folder, monkeypatch, when):
    """Checked (the streaming reader) or shown to git: «đang mở … hãy đóng tệp», not «not a Word document»."""
    assert invoke(["render", "ke-hoach.yaml"]).exit_code == 0
    for argv in (["check", "ke-hoach.docx"], ["textconv", "ke-hoach.docx"]):
        free = 0 if when == "at-once" else reads_of(argv, monkeypatch, "docx") - 1
        with monkeypatch.context() as patch:
            reads = lock_after_open(patch, "docx", free)
            result = invoke(argv)
        assert len(reads) == free + 1  # the file was opened, and one read refused
        assert result.exit_code == 2, argv
        output = result.stdout + result.stderr
        assert held_to_read("ke-hoach.docx") in output, argv
        assert "không mở được tệp này như một văn bản Word" not in output and "hãy chỉ ra một tệp .docx" not in output


def test_a_template_locked_after_it_was_opened_is_said_open_not_a_missing_right(folder, monkeypatch):
    reads = lock_after_open(monkeypatch, "template", 0)
    result = invoke(["render", "ke-hoach.yaml"])
    assert reads and (result.exit_code, result.stdout) == (2, "")
    template = result.stderr.split(": ", 1)[0]
    assert template.endswith("ke-hoach.docx") and template != "ke-hoach.docx"  # the template, not the output
    assert result.stderr == f"{template}: {held_to_read(template)}\n"
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.yaml"]
