"""Read a plan from a file or from a git revision written `REV:path` (`HEAD~1:data/plan_2024.yaml`).

git is run from the current directory, without a shell, so the revision and path are never
interpreted by anything but git. A path that exists on disk always wins over the `REV:path` form,
and `C:\\…` is a Windows drive, not a revision.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.source.decoding import decode
from kehoach.source.load import MAX_BYTES, load_yaml_text
from kehoach.source.plan_file import LoadedPlan, read_plan, validate

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_RULE = "file-unreadable"  # the rule id of problems with the input itself (kehoach.rules)


def split_revision(spec: str) -> tuple[str, str] | None:
    """(revision, path) when `spec` names a file in a git revision, None when it names a file on disk."""
    if ":" not in spec or _DRIVE.match(spec) or Path(spec).exists():
        return None
    revision, path = spec.split(":", 1)
    return revision, path


def read_plan_at(spec: str) -> LoadedPlan:
    """The plan in the file `spec`, or in `REV:path` as git holds it; messages name it `spec`."""
    parts = split_revision(spec)
    if parts is None:
        return read_plan(Path(spec), spec)
    data = show(*parts, display=spec)
    return validate(load_yaml_text(decode(data, spec), spec))


def show(revision: str, path: str, display: str) -> bytes:
    """The bytes of `path` in `revision` (`git cat-file`: raw bytes, no textconv or filters)."""
    where = Location(display)
    if revision.startswith("-"):  # would be read by git as an option
        raise InputError(f"«{revision}» không phải tên một phiên bản git; hãy viết dạng PHIÊN_BẢN:đường/dẫn,"
                         " ví dụ HEAD~1:data/plan_2024.yaml", where, _RULE)
    # git paths use "/" everywhere, even on Windows.
    obj = f"{revision}:{path.replace(chr(92), '/')}"
    kind = _git(["cat-file", "-t", obj], where)
    if kind.returncode != 0:
        raise _why(kind.stderr, revision, path, where)
    if kind.stdout.strip() != b"blob":
        raise InputError(f"«{path}» trong phiên bản «{revision}» là một thư mục, không phải tệp; hãy chỉ ra tệp"
                         " kế hoạch .yaml", where, _RULE)
    content = _git(["cat-file", "blob", obj], where)
    if content.returncode != 0:
        raise _why(content.stderr, revision, path, where)
    if len(content.stdout) > MAX_BYTES:
        raise InputError("tệp quá lớn; tệp kế hoạch chỉ vài KB, giới hạn là 2 MB", where, _RULE)
    return content.stdout


def commit_date(revision: str) -> str | None:
    """The date of the commit `revision` names, in UTC as Word writes a revision's date; None if git cannot say
    (and for `:path`, the staged version, which has no commit yet)."""
    from datetime import datetime, timezone

    if not revision or revision.startswith("-"):
        return None
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cI", revision, "--"], capture_output=True,
                              text=True, check=False, stdin=subprocess.DEVNULL)
        when = datetime.fromisoformat(done.stdout.strip()) if done.returncode == 0 else None
    except (OSError, ValueError):
        return None
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


def _git(args: list[str], where: Location) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("không tìm thấy chương trình git để đọc phiên bản cũ; hãy cài git, hoặc lưu phiên bản"
                         " cũ ra một tệp rồi so sánh hai tệp", where, _RULE) from None
    except OSError as error:
        raise InputError(f"không chạy được git ({error.strerror or error})", where, _RULE) from None


def _why(stderr: bytes, revision: str, path: str, where: Location) -> InputError:
    """git's English refusal as a Vietnamese message: not a repository, no such revision, no such file."""
    text = stderr.decode("utf-8", "replace").lower()
    if "not a git repository" in text:
        return InputError("thư mục hiện tại không nằm trong một kho git nên không đọc được phiên bản"
                          f" «{revision}»; hãy chạy lệnh trong thư mục của kho", where, _RULE)
    check = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{revision or 'HEAD'}^{{commit}}"],
                           capture_output=True, check=False)
    if revision and check.returncode != 0:
        return InputError(f"kho git không có phiên bản «{revision}»; hãy kiểm tra lại (ví dụ HEAD~1, tên nhánh"
                          " hoặc mã commit, xem bằng «git log --oneline»)", where, _RULE)
    version = revision or "vùng chuẩn bị (index)"  # «:path» is the staged copy
    return InputError(f"phiên bản «{version}» không có tệp «{path}»; đường dẫn tính từ thư mục gốc của kho (hoặc"
                      " bắt đầu bằng ./ để tính từ thư mục hiện tại)", where, _RULE)
