"""Sizes: each kind of input has a limit far above any real file of its kind, checked before it is read (the
files here are sparse: they take no disk space, and reading them would take the memory the limit protects)."""

from __future__ import annotations

import pytest

from hostile.harness import SHARED_PLAN


def _sparse(path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.truncate(size)


@pytest.mark.parametrize(("args", "name", "size", "message"), [
    (["check", "lon.docx"], "lon.docx", 150 * 1024 * 1024,
     "tệp quá lớn (157.286.400 byte); văn bản hành chính dài nhất cũng chỉ vài MB, giới hạn là 100 MB"),
    (["textconv", "lon.docx"], "lon.docx", 150 * 1024 * 1024,
     "tệp quá lớn (157.286.400 byte); văn bản hành chính dài nhất cũng chỉ vài MB, giới hạn là 100 MB"),
    (["render", "ke-hoach.yaml", "-t", "lon.docx"], "lon.docx", 30 * 1024 * 1024,
     "tệp quá lớn (31.457.280 byte); mẫu Word chỉ vài chục KB, giới hạn là 20 MB"),
    (["render", "lon.yaml"], "lon.yaml", 3 * 1024 * 1024,
     "tệp quá lớn (3.145.728 byte); tệp kế hoạch chỉ vài KB, giới hạn là 2 MB"),
])
def test_an_input_beyond_its_limit(folder, args, name, size, message):
    _sparse(folder.path / name, size)
    done = folder.run(*args)
    assert done.code == 2
    if args[0] == "check":
        assert (done.stdout, done.stderr) == (f"{name}\n  -  lỗi  {message}  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n", "")
    else:
        assert (done.stdout, done.stderr) == ("", f"{name}: {message}\n")
    folder.unchanged()


def test_a_shared_file_beyond_its_limit(folder):
    folder.write("ke-hoach.yaml", SHARED_PLAN)
    _sparse(folder.path / "dung-chung.yaml", 3 * 1024 * 1024)
    done = folder.run("render", "ke-hoach.yaml")
    assert (done.code, done.stdout) == (2, "")
    assert done.stderr == "dung-chung.yaml: tệp quá lớn (3.145.728 byte); tệp dùng chung chỉ vài KB, giới hạn là 2 MB\n"
    folder.unchanged()
