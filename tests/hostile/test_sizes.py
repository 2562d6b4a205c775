"""Sizes: each kind of input has a limit far above any real file of its kind, checked before it is read (the
files here are sparse: they take no disk space, and reading them would take the memory the limit protects)."""

from __future__ import annotations

import os
import random
import zipfile
from xml.sax.saxutils import escape

import pytest

from hostile.harness import PLAN, SHARED_PLAN, word_file


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


def test_a_long_document_with_photos_is_checked_within_the_limits(folder):
    """A plan of 12,000 body paragraphs in 144,000 runs (15 MB of XML, near the archive's limit for text) and
    75 MB of photos: the check streams the text and never inflates the photos, so it stays inside the harness's
    300 MB and gives the findings of the short original — none; textconv prints its 12,000 more lines. (python-docx,
    reading it whole, ran out of memory there and called the file damaged.)"""
    assert folder.run("render", "ke-hoach.yaml").code == 0
    photos = {f"anh{n}.png": os.urandom(25 * 1024 * 1024) for n in range(3)}
    words = PLAN.split()
    pick = random.Random(2025)

    def run() -> str:  # a few words with their own formatting, as Word splits a typed paragraph
        return f'<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{escape(" ".join(pick.choices(words, k=4)))} </w:t></w:r>'

    def longer(xml: bytes) -> bytes:
        opening = '<w:p><w:pPr><w:pStyle w:val="KHNoiDung"/></w:pPr>'  # a body paragraph, as kehoach writes it
        start = xml.index(opening.encode())  # before the first one
        more = "".join(opening + "".join(run() for _ in range(12)) + "</w:p>" for _ in range(12_000))
        return xml[:start] + more.encode() + xml[start:]

    word_file(folder.path / "ke-hoach.docx", folder.path / "dai.docx", photos, longer)
    with zipfile.ZipFile(folder.path / "dai.docx") as archive:
        assert 14 * 1024 * 1024 < archive.getinfo("word/document.xml").file_size < 16 * 1024 * 1024
    done = folder.run("check", "dai.docx")
    assert (done.code, done.stdout, done.stderr) == (0, "Không có lỗi nào.\n", "")
    short, long = folder.run("textconv", "ke-hoach.docx"), folder.run("textconv", "dai.docx")
    assert (long.code, long.stderr) == (0, "")
    assert len(long.stdout.splitlines()) == len(short.stdout.splitlines()) + 12_000
    folder.unchanged()
