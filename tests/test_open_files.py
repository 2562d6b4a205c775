"""Documents held by another program: a short retry and «tệp đang mở» for Windows sharing violations (simulated),
and lock files named with whose they are, whether they are stale, and the command that deletes them."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from kehoach import lockfiles, output
from kehoach.output import system_errors
from kehoach.errors import OutputError
from support import PLAN_2024, invoke

OLD = b"PK old document"


class SharingViolation(PermissionError):
    """What Windows raises when Acrobat or Word holds the file: winerror 32 (errno 13)."""

    winerror = 32


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
