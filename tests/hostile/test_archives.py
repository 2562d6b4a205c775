"""Word files as archives: a .docx is a zip, and a small one can inflate to gigabytes. Members, inflated size
and compression ratio are checked from the archive's directory before anything inflates, for the document to
check, the one to print as text, and the template."""

from __future__ import annotations

import zipfile

import pytest

from hostile.harness import TEMPLATE, word_file

_BOMB = ("thành phần «word/bom.xml» nén {packed} byte nhưng bung ra 209.715.200 byte (hơn 100 lần): tệp này là «bom"
         " nén», không phải văn bản Word; hãy kiểm tra nguồn của tệp")


def _with_members(path, members: dict[str, bytes] | None = None, count: int = 0, size: int = 0) -> None:
    """The default template plus `members`, or plus `count` members of `size` zero bytes each."""
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info.filename))
        for name, data in (members or {}).items():
            out.writestr(name, data)
        for n in range(count):
            out.writestr(f"word/media/phan-{n}.bin", bytes(size))


def _bomb(path) -> str:
    _with_members(path, {"word/bom.xml": bytes(200 * 1024 * 1024)})  # 200 MB of zeros: about 200 kB packed
    with zipfile.ZipFile(path) as archive:
        packed = archive.getinfo("word/bom.xml").compress_size
    return _BOMB.format(packed=f"{packed:,}".replace(",", "."))


def test_a_zip_bomb_as_a_document_to_check(folder):
    message = _bomb(folder.path / "bom.docx")
    done = folder.run("check", "bom.docx")
    assert (done.code, done.stderr) == (2, "")
    assert done.stdout == f"bom.docx\n  -  lỗi  {message}  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n"
    folder.unchanged()


def test_a_zip_bomb_to_print_as_text(folder):
    message = _bomb(folder.path / "bom.docx")
    done = folder.run("textconv", "bom.docx")
    assert (done.code, done.stdout, done.stderr) == (2, "", f"bom.docx: {message}\n")
    folder.unchanged()


def test_a_zip_bomb_as_the_template(folder):
    message = _bomb(folder.path / "bom.docx")
    done = folder.run("render", "ke-hoach.yaml", "-t", "bom.docx")
    assert (done.code, done.stdout, done.stderr) == (2, "", f"bom.docx: {message}\n")
    folder.unchanged()


def test_too_many_members(folder):
    _with_members(folder.path / "nhieu.docx", count=2000)
    done = folder.run("check", "nhieu.docx")
    assert (done.code, done.stderr) == (2, "")
    with zipfile.ZipFile(folder.path / "nhieu.docx") as archive:
        count = len(archive.infolist())
    assert done.stdout == (f"nhieu.docx\n  -  lỗi  tệp nén có {count} thành phần, quá giới hạn 2000; đây không phải văn"
                           " bản Word bình thường, hãy mở bằng Word rồi lưu lại dạng .docx  [file-unreadable]\n\n"
                           "1 lỗi trong 1 tệp.\n")


def test_members_each_small_that_inflate_too_much_together(folder):
    """Each member under the ratio's threshold, all of them together far beyond memory."""
    _with_members(folder.path / "lon.docx", count=200, size=1024 * 1024)
    done = folder.run("check", "lon.docx")
    assert (done.code, done.stderr) == (2, "")
    with zipfile.ZipFile(folder.path / "lon.docx") as archive:
        total = sum(info.file_size for info in archive.infolist())
    shown = f"{total:,}".replace(",", ".")
    assert done.stdout == (f"lon.docx\n  -  lỗi  tệp bung ra {shown} byte, quá giới hạn 120 MB; hãy giảm dung lượng"
                           " hình ảnh trong văn bản (Word: Compress Pictures) rồi chạy lại  [file-unreadable]\n\n"
                           "1 lỗi trong 1 tệp.\n")


def test_a_member_that_lies_about_its_size_is_never_inflated_beyond_it(folder):
    """The directory says the document's text is 20 bytes; it inflates to 200 MB: reading stops at 20 (a
    damaged file, said so), never at 200 MB."""
    path = folder.path / "doi.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                out.writestr("word/document.xml", bytes(200 * 1024 * 1024))
            else:
                out.writestr(info, source.read(info.filename))
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    small = (20).to_bytes(4, "little")
    at = data.find(b"PK\x03\x04")
    while at != -1:  # the local header: its uncompressed size
        if data[at + 30:at + 30 + len(name)] == name:
            data[at + 22:at + 26] = small
        at = data.find(b"PK\x03\x04", at + 4)
    at = data.find(b"PK\x01\x02")
    while at != -1:  # the central directory entry: its uncompressed size
        if data[at + 46:at + 46 + len(name)] == name:
            data[at + 24:at + 28] = small
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    done = folder.run("check", "doi.docx")
    assert (done.code, done.stderr) == (2, "")
    assert done.stdout == ("doi.docx\n  -  lỗi  không mở được tệp này như một văn bản Word .docx (tệp hỏng, hoặc là tệp"
                           " .doc cũ đổi tên); hãy mở bằng Word rồi lưu lại dạng «Word Document (.docx)»"
                           "  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n")


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04", b"not a zip at all"])
def test_a_document_that_is_no_archive(folder, content):
    folder.write("hong.docx", content)
    done = folder.run("check", "hong.docx")
    assert (done.code, done.stderr) == (2, "")
    assert "không mở được tệp này như một văn bản Word .docx" in done.stdout


def test_a_damaged_photo_is_never_inflated_by_the_check(folder):
    """The layout checks read the text, the styles and the headers; a photo's bytes are never inflated, so a photo
    damaged inside the archive (its data altered after packing: inflating it fails) leaves the check unchanged."""
    assert folder.run("render", "ke-hoach.yaml").code == 0
    path = folder.path / "anh-hong.docx"
    word_file(folder.path / "ke-hoach.docx", path, {"anh.png": bytes(range(256)) * 4096})
    with zipfile.ZipFile(path) as archive:
        photo = archive.getinfo("word/media/anh.png")
        start = photo.header_offset + 30 + len(photo.filename.encode()) + len(photo.extra)
    data = bytearray(path.read_bytes())
    data[start + 1000:start + 1010] = b"hong-hong!"  # stored: the bytes change, their CRC no longer matches
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive, pytest.raises(zipfile.BadZipFile):
        archive.read("word/media/anh.png")
    done = folder.run("check", "anh-hong.docx")
    assert (done.code, done.stdout, done.stderr) == (0, "Không có lỗi nào.\n", "")
    folder.unchanged()
