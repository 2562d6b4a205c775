"""Input files that are not regular files: a FIFO, a device, a socket, a folder — as the plan, a shared file,
a template, a document to check or to print as text. None may block or hang the run: each is refused at
once with a message, exit 2, and nothing is written."""

from __future__ import annotations

import os
import socket

import pytest

from hostile.harness import SHARED, SHARED_PLAN

_FIFO = ("«{name}» là một ống dẫn (FIFO), không phải tệp thường; kehoach chỉ đọc tệp thường (đọc từ đó có thể treo"
         " máy); hãy chỉ ra {what}")
_DEVICE = ("«{name}» là một thiết bị, không phải tệp thường; kehoach chỉ đọc tệp thường (đọc từ đó có thể treo máy);"
           " hãy chỉ ra {what}")


def test_a_fifo_as_the_plan_to_render(folder):
    folder.fifo("ong.yaml")
    done = folder.run("render", "ong.yaml")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "ong.yaml: " + _FIFO.format(name="ong.yaml", what="tệp kế hoạch .yaml") + "\n")
    folder.unchanged()


def test_a_fifo_as_the_plan_to_check(folder):
    folder.fifo("ong.yaml")
    done = folder.run("check", "ong.yaml")
    assert (done.code, done.stderr) == (2, "")
    assert done.stdout == ("ong.yaml\n  -  lỗi  " + _FIFO.format(name="ong.yaml", what="tệp kế hoạch .yaml")
                           + "  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n")
    folder.unchanged()


def test_a_device_as_the_plan(folder):
    done = folder.run("render", "/dev/zero", "-o", "ra.docx")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "/dev/zero: " + _DEVICE.format(name="/dev/zero", what="tệp kế hoạch .yaml") + "\n")
    folder.unchanged()


def test_a_fifo_as_a_shared_file(folder):
    folder.write("ke-hoach.yaml", SHARED_PLAN)
    folder.fifo("dung-chung.yaml")
    done = folder.run("render", "ke-hoach.yaml")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "dung-chung.yaml: " + _FIFO.format(name="dung-chung.yaml", what="tệp dùng chung .yaml") + "\n")
    folder.unchanged()


def test_a_fifo_in_a_shared_folder_is_not_a_shared_file(folder):
    """A folder named by dung_chung gives its regular .yaml files; a FIFO there is not read at all."""
    folder.write("ke-hoach.yaml", SHARED_PLAN.replace("dung_chung: dung-chung.yaml", "dung_chung: chung"))
    folder.write("chung/van-ban.yaml", SHARED)
    folder.fifo("chung/ong.yaml")
    done = folder.run("render", "ke-hoach.yaml")
    assert (done.code, done.stderr) == (0, "")
    folder.unchanged("ke-hoach.docx")


def test_a_fifo_as_the_template(folder):
    folder.fifo("ong.docx")
    done = folder.run("render", "ke-hoach.yaml", "-t", "ong.docx")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "ong.docx: " + _FIFO.format(name="ong.docx", what="mẫu Word") + "\n")
    folder.unchanged()


def test_a_folder_as_the_template(folder):
    (folder.path / "mau").mkdir()
    done = folder.run("render", "ke-hoach.yaml", "-t", "mau")
    assert (done.code, done.stdout, done.stderr) == (2, "", "mau: «mau» là một thư mục, không phải tệp; hãy chỉ ra mẫu"
                                                              " Word\n")
    folder.unchanged()


def test_a_socket_as_the_template(folder):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder.path / "ong.docx"))
        done = folder.run("render", "ke-hoach.yaml", "-t", "ong.docx")
    finally:
        server.close()
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "ong.docx: «ong.docx» là một socket, không phải tệp thường; kehoach chỉ đọc tệp thường (đọc từ đó có thể"
               " treo máy); hãy chỉ ra mẫu Word\n")


def test_a_fifo_as_a_document_to_check(folder):
    folder.fifo("ong.docx")
    done = folder.run("check", "ong.docx")
    assert (done.code, done.stderr) == (2, "")
    assert done.stdout == ("ong.docx\n  -  lỗi  " + _FIFO.format(name="ong.docx", what="văn bản Word")
                           + "  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n")
    folder.unchanged()


@pytest.mark.parametrize("name", ["ong.docx", "ong.yaml"])
def test_a_fifo_to_print_as_text(folder, name):
    folder.fifo(name)
    done = folder.run("textconv", name)
    what = "văn bản Word" if name.endswith(".docx") else "tệp kế hoạch .yaml"
    assert (done.code, done.stdout, done.stderr) == (2, "", f"{name}: " + _FIFO.format(name=name, what=what) + "\n")
    folder.unchanged()


def test_a_fifo_to_format(folder):
    folder.fifo("ong.yaml")
    done = folder.run("fmt", "ong.yaml")
    assert done.code == 2
    assert _FIFO.format(name="ong.yaml", what="tệp kế hoạch .yaml") in done.stderr
    folder.unchanged()


_CONFIG_REMEDY = "hãy thay nó bằng một tệp cấu hình thường (hoặc xóa nó nếu không cần)"


@pytest.mark.parametrize(("make", "what"), [
    (lambda folder: folder.fifo(".kehoach.yaml"), "là một ống dẫn (FIFO), không phải tệp thường; kehoach chỉ đọc tệp"
                                                  " thường (đọc từ đó có thể treo máy)"),
    (lambda folder: (folder.path / ".kehoach.yaml").mkdir(), "là một thư mục, không phải tệp"),
    (lambda folder: os.symlink("khong-co.yaml", folder.path / ".kehoach.yaml"),
     "là một liên kết (symlink) tới tệp không có"),
], ids=["fifo", "folder", "broken-link"])
def test_a_folder_configuration_that_cannot_be_read_is_said_never_skipped(folder, make, what):
    """As a broken configuration is: the plans would otherwise be checked with other rules than the clerk set.
    A FIFO in its place is refused before it is opened: nothing blocks."""
    make(folder)
    config = folder.path / ".kehoach.yaml"
    message = f"«{config}» {what}; {_CONFIG_REMEDY}"
    done = folder.run("check", "ke-hoach.yaml")
    assert (done.code, done.stderr) == (2, "")
    assert done.stdout == f"ke-hoach.yaml\n  {config}  lỗi  {message}  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n"
    done = folder.run("render", "ke-hoach.yaml")
    assert (done.code, done.stdout, done.stderr) == (2, "", f"{config}: {message}\n")
    folder.unchanged()


def test_a_folder_configuration_without_the_right_to_read_it(tmp_path, monkeypatch):
    """(Simulated: the tests may run as root, who reads every file.)"""
    import kehoach.source.reading as reading
    from support import PLAN_2024, invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "ke-hoach.yaml").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".kehoach.yaml").write_text("quy_tac: {text-quotes: tat}\n", encoding="utf-8")
    real_open = os.open

    def refusing(path, *args, **kwargs):
        if str(path).endswith(".kehoach.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", refusing)
    result = invoke(["check", "ke-hoach.yaml"])
    config = tmp_path / ".kehoach.yaml"
    assert (result.exit_code, result.stdout) == (2, f"ke-hoach.yaml\n  {config}  lỗi  {_NO_RIGHT.format(name=config)}"
                                                    "  [file-unreadable]\n\n1 lỗi trong 1 tệp.\n")


_NO_RIGHT = ("không có quyền đọc tệp «{name}»; hãy xin quyền đọc tệp này (Windows: chuột phải vào tệp → Thuộc tính → "
             "Bảo mật; Linux, macOS: chmod u+r), hoặc chép tệp sang một thư mục của mình rồi chạy lại")
_IO_ERROR = ("không đọc được tệp «{name}» (lỗi đọc ổ đĩa); nếu tệp nằm trên ổ mạng hay USB, hãy kiểm tra kết nối, hoặc chép"
             " tệp vào máy rồi chạy lại")


@pytest.mark.parametrize(("error", "message"), [(PermissionError(13, "Permission denied"), _NO_RIGHT),
                                                (OSError(5, "Input/output error"), _IO_ERROR)], ids=["right", "disk"])
@pytest.mark.parametrize("which", ["plan", "shared"])
def test_a_file_that_cannot_be_read_says_what_to_do(tmp_path, monkeypatch, error, message, which):
    """(Simulated.) The plan itself, or a shared file it names: why, in Vietnamese, and what the clerk can do; exit 2."""
    import kehoach.source.reading as reading
    from support import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "dung-chung.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "ke-hoach.yaml").write_text(SHARED_PLAN, encoding="utf-8")
    real_open = os.open
    target = "ke-hoach.yaml" if which == "plan" else "dung-chung.yaml"

    def refusing(path, *args, **kwargs):
        if str(path).endswith(target):
            raise error
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", refusing)
    result = invoke(["check", "ke-hoach.yaml"])
    assert result.exit_code == 2
    assert f"  lỗi  {message.format(name=target)}  [file-unreadable]\n" in result.stdout


@pytest.mark.parametrize(("name", "message"), [
    (".", "«.» là một thư mục, không phải tệp; hãy chỉ ra văn bản Word"),
    ("ong.docx", _FIFO.format(name="ong.docx", what="văn bản Word")),
])
def test_import_of_what_is_not_a_word_file(folder, name, message):
    if name != ".":
        folder.fifo(name)
    done = folder.run("import", name)
    assert (done.code, done.stdout, done.stderr) == (2, "", f"{name}: {message}\n")
    folder.unchanged()


def test_import_of_an_empty_name_is_a_usage_error(folder):
    done = folder.run("import", "")
    assert (done.code, done.stdout, done.stderr) == (2, "", (
        "Cách dùng: kehoach import [TÙY CHỌN] TỆP.docx\nXem «kehoach import --help».\n\nLỗi: Giá trị không hợp lệ cho"
        " «TỆP.docx»: đường dẫn để trống; hãy ghi tên tệp hoặc thư mục («.» là thư mục hiện tại)\n"))
    folder.unchanged()


def test_a_shared_folder_that_cannot_be_listed_says_what_to_do(tmp_path, monkeypatch):
    """(Simulated.) `dung_chung: chung/` names a folder the clerk may not read: where, why, and what to do."""
    import kehoach.source.registry as registry
    from support import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "chung").mkdir()
    (tmp_path / "chung" / "van-ban.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "ke-hoach.yaml").write_text(SHARED_PLAN.replace("dung_chung: dung-chung.yaml", "dung_chung: chung"),
                                            encoding="utf-8")
    assert invoke(["check", "ke-hoach.yaml"]).exit_code == 0

    def refusing(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(registry.os, "scandir", refusing)
    result = invoke(["check", "ke-hoach.yaml"])
    message = _NO_RIGHT.format(name="chung").replace("tệp", "thư mục")
    assert (result.exit_code, f"  lỗi  {message}  [file-unreadable]\n" in result.stdout) == (2, True), result.stdout
