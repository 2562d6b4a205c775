"""The `kehoach render` command as a clerk meets it: exact messages, exit codes, and files left alone.

Most runs go through support.invoke (in-process, so a failure can be injected); two go through a
real `python -m kehoach.cli` to prove that nothing but the message reaches stderr.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import kehoach
import kehoach.output
from support import PLAN_2024, ROOT, docx_paragraphs, invoke
from kehoach.render.context import BLANK
from kehoach.render.templates import kind_template

PLAN = PLAN_2024.read_text(encoding="utf-8")
OLD = b"PK\x03\x04 ban cu cua van thu, khong duoc ghi de"  # stands for a document the clerk already has
SANDBOX_ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
]
#: Where make_template puts a tag, as a template failure names it: the part, the paragraph and its first words.
WHERE = {
    SANDBOX_ESCAPES[0]: "phần thân văn bản, đoạn 3 «{{ line }}{{ ''.__class__.__mro__[1].__subclasses__() }}{% …»",
    SANDBOX_ESCAPES[1]: "phần thân văn bản, đoạn 3 «{{ line }}{{ cycler.__init__.__globals__.os.popen('id').rea…»",
    "{{ khong_co }}": "phần thân văn bản, đoạn 3 «{{ line }}{{ khong_co }}{% endfor %}»",
    "{{ organ.khong_co }}": "phần thân văn bản, đoạn 3 «{{ line }}{{ organ.khong_co }}{% endfor %}»",
}


def run(*args: str):
    result = invoke(list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"not exactly one {old!r} in the plan"
    return text.replace(old, new)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def texts(path: Path) -> list[str]:
    return [p.text for p in docx_paragraphs(path)]


def make_template(path: Path, tag: str) -> Path:
    """The default template with `tag` added inside the run of the first `{{ line }}` (the organ's name)."""
    with zipfile.ZipFile(kind_template()) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                run_text = "<w:t>{{ line }}</w:t>"
                assert xml.count(run_text) == 2  # organ lines, then summary lines
                data = xml.replace(run_text, f"<w:t>{{{{ line }}}}{escape(tag)}</w:t>", 1).encode("utf-8")
            out.writestr(info, data)
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A folder holding the example plan as ke-hoach.yaml, made the current folder (messages use relative names)."""
    (tmp_path / "ke-hoach.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    return tmp_path


# -- success ----------------------------------------------------------------------------------------


def test_default_output_is_beside_the_plan(tmp_path, monkeypatch):
    plans = tmp_path / "ho-so"
    plans.mkdir()
    plan = plans / "ke-hoach.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("render", str(plan))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Đã tạo {plans / 'ke-hoach.docx'} (bản để trình ký).\n"
    assert sorted(p.name for p in plans.iterdir()) == ["ke-hoach.docx", "ke-hoach.yaml"]
    assert list(elsewhere.iterdir()) == []
    document = texts(plans / "ke-hoach.docx")
    assert "Số: 185/KH-UBND" in document
    assert "DỰ THẢO" not in document


def test_output_option(folder):
    (folder / "ra").mkdir()
    result = run("render", "ke-hoach.yaml", "-o", "ra/ban-in.docx")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Đã tạo ra/ban-in.docx (bản để trình ký).\n", "")
    assert (folder / "ra" / "ban-in.docx").is_file()
    assert not (folder / "ke-hoach.docx").exists()
    assert temp_files(folder / "ra") == []


def test_an_existing_output_is_replaced_on_success(folder):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    result = run("render", "ke-hoach.yaml", "--output", "ke-hoach.docx")
    assert result.exit_code == 0
    assert (folder / "ke-hoach.docx").read_bytes() != OLD
    assert "KẾ HOẠCH" in texts(folder / "ke-hoach.docx")
    assert temp_files(folder) == []


def test_rendering_twice_gives_the_same_bytes(folder):
    assert run("render", "ke-hoach.yaml", "-o", "mot.docx").exit_code == 0
    assert run("render", "ke-hoach.yaml", "-o", "hai.docx").exit_code == 0
    first = (folder / "mot.docx").read_bytes()
    assert first == (folder / "hai.docx").read_bytes()
    assert run("render", "ke-hoach.yaml", "-o", "mot.docx").exit_code == 0
    assert (folder / "mot.docx").read_bytes() == first


def test_a_plan_without_number_and_date_is_a_draft(folder):
    draft = edit(edit(PLAN, "\nso: 185\n", "\n"), "\nngay: 05/7/2024\n", "\n")
    (folder / "du-thao.yaml").write_text(draft, encoding="utf-8")
    result = run("render", "du-thao.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Đã tạo du-thao.docx (bản dự thảo, chưa có số và ngày).\n"
    assert "bản dự thảo" in result.stdout
    document = texts(folder / "du-thao.docx")
    assert "DỰ THẢO" in document
    assert f"Số: {BLANK}/KH-UBND" in document  # the number is left blank for the registry clerk
    assert not any("185" in line for line in document[:10])


def test_a_user_template_copied_from_the_default_works(folder):
    """The control for the template tests below: the copying itself does not break the template."""
    make_template(folder / "mau.docx", "")
    result = run("render", "ke-hoach.yaml", "--template", "mau.docx", "-o", "ra.docx")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "ỦY BAN NHÂN DÂN" in texts(folder / "ra.docx")


# -- the plan file ----------------------------------------------------------------------------------


def test_missing_plan_file(folder):
    result = run("render", "khong-co.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "khong-co.yaml: không tìm thấy tệp «khong-co.yaml»; kiểm tra lại đường dẫn\n"
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.yaml"]


def test_invalid_yaml_is_reported_at_its_position_and_nothing_is_written(folder):
    broken = edit(PLAN, "  viet_tat: UBND\n", "  viet_tat: UBND: huyện\n")
    (folder / "ke-hoach.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("  viet_tat: UBND: huyện") + 1
    result = run("render", "ke-hoach.yaml")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"ke-hoach.yaml:{line}:17: lỗi cú pháp YAML: dấu hai chấm (:) không đúng chỗ; "
        "nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.yaml"]


def test_every_problem_of_an_invalid_plan_is_listed(folder):
    broken = edit(PLAN, "\nngay: 05/7/2024\n", "\nngay: 30/02/2024\n")
    broken = edit(broken, "    - KT. CHỦ TỊCH\n", "    - KT CHỦ TỊCH\n")
    (folder / "ke-hoach.yaml").write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    date_line, authority_line = lines.index("ngay: 30/02/2024") + 1, lines.index("    - KT CHỦ TỊCH") + 1
    result = run("render", "ke-hoach.yaml")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"ke-hoach.yaml:{date_line}:7: ngày «30/02/2024» không có trên lịch; hãy kiểm tra lại ngày và tháng\n"
        f"ke-hoach.yaml:{authority_line}:7: dòng thẩm quyền «KT CHỦ TỊCH» phải bắt đầu bằng TM., KT., Q., TL. "
        "hoặc TUQ. rồi đến chức danh; có phải «KT. CHỦ TỊCH»?\n"
    )
    assert not (folder / "ke-hoach.docx").exists()


# -- an existing output survives every failure ------------------------------------------------------


def _bad_yaml(folder: Path) -> list[str]:
    (folder / "ke-hoach.yaml").write_text(edit(PLAN, "  viet_tat: UBND\n", "  viet_tat: [UBND\n"), encoding="utf-8")
    return []


def _invalid_plan(folder: Path) -> list[str]:
    (folder / "ke-hoach.yaml").write_text(edit(PLAN, "  - van_ban: kh-54-2024\n", "  - van_ban: kh-55\n"),
                                          encoding="utf-8")
    return []


def _not_a_docx(folder: Path) -> list[str]:
    (folder / "mau.docx").write_text("Đây là một tệp văn bản, chỉ được đổi tên thành .docx\n", encoding="utf-8")
    return ["--template", "mau.docx"]


def _sandbox_escape(folder: Path) -> list[str]:
    make_template(folder / "mau.docx", SANDBOX_ESCAPES[0])
    return ["--template", "mau.docx"]


def _undefined_name(folder: Path) -> list[str]:
    make_template(folder / "mau.docx", "{{ khong_co }}")
    return ["--template", "mau.docx"]


@pytest.mark.parametrize("failure", [_bad_yaml, _invalid_plan, _not_a_docx, _sandbox_escape, _undefined_name])
def test_a_failed_run_leaves_the_existing_output_byte_identical(folder, failure):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    extra = failure(folder)
    result = run("render", "ke-hoach.yaml", *extra)
    # Errors in the plan exit with 1; a template that cannot be used with 2 (README).
    assert (result.exit_code, result.stdout) == (1 if failure in (_bad_yaml, _invalid_plan) else 2, "")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert (folder / "ke-hoach.docx").read_bytes() == OLD
    assert temp_files(folder) == []


def _fail_fsync(error: BaseException):
    def fsync(fd):
        raise error
    return fsync


def test_a_write_that_fails_midway_removes_its_temporary_file(folder, monkeypatch):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    monkeypatch.setattr(kehoach.output.os, "fsync", _fail_fsync(OSError(errno.ENOSPC, "No space left on device")))
    result = run("render", "ke-hoach.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "ke-hoach.docx: không ghi được tệp (ổ đĩa đã đầy); tệp cũ, nếu có, vẫn giữ nguyên. Hãy xử lý lỗi này rồi "
        "chạy lại, hoặc ghi ra nơi khác bằng -o\n"
    )
    assert (folder / "ke-hoach.docx").read_bytes() == OLD
    assert temp_files(folder) == []


def test_ctrl_c_while_writing_leaves_nothing_behind(folder, monkeypatch):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    monkeypatch.setattr(kehoach.output.os, "fsync", _fail_fsync(KeyboardInterrupt()))
    result = run("render", "ke-hoach.yaml")
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == "Đã dừng theo yêu cầu; không tệp nào bị thay đổi.\n"
    assert (folder / "ke-hoach.docx").read_bytes() == OLD
    assert temp_files(folder) == []


# -- documents open in Word or LibreOffice ----------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "lock"),
    [
        ("kh.docx", "~$kh.docx"),  # Word, short name: "~$" before the name
        ("ke-hoach-2024.docx", "~$-hoach-2024.docx"),  # Word, long name: "~$" over the first two characters
        ("ke-hoach-2024.docx", "~$ke-hoach-2024.docx"),
        ("kh.docx", ".~lock.kh.docx#"),  # LibreOffice
    ],
)
def test_a_document_open_in_word_is_not_overwritten(folder, output, lock):
    (folder / output).write_bytes(OLD)
    (folder / lock).write_bytes(b"nguoi dung")
    result = run("render", "ke-hoach.yaml", "-o", output)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{output}: tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa «{lock}»); "
        "hãy đóng tệp rồi chạy lại, hoặc ghi ra tệp khác bằng -o. Nếu không ai đang mở tệp, tệp khóa còn sót lại sau "
        f"khi Word hoặc LibreOffice bị tắt đột ngột: hãy xóa tệp khóa bằng lệnh: rm -- '{lock}'\n"
    )
    assert (folder / output).read_bytes() == OLD
    assert (folder / lock).read_bytes() == b"nguoi dung"
    assert temp_files(folder) == []


def test_the_lock_of_another_document_does_not_block(folder):
    (folder / "~$khac.docx").write_bytes(b"nguoi dung")
    (folder / ".~lock.khac.docx#").write_bytes(b"nguoi dung")
    result = run("render", "ke-hoach.yaml", "-o", "kh.docx")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (folder / "kh.docx").is_file()


# -- where the output goes --------------------------------------------------------------------------


@pytest.mark.parametrize("output", ["ke-hoach.yaml", "./ke-hoach.yaml"])
def test_output_equal_to_the_plan_is_refused(folder, output):
    result = run("render", "ke-hoach.yaml", "-o", output)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{Path(output)}: tệp ra trùng với tệp kế hoạch; hãy chọn tên .docx khác\n"
    assert (folder / "ke-hoach.yaml").read_text(encoding="utf-8") == PLAN


def test_output_into_a_missing_folder(folder):
    result = run("render", "ke-hoach.yaml", "-o", "chua-co/kh.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "chua-co/kh.docx: không có thư mục «chua-co»; hãy tạo thư mục hoặc chọn nơi ghi khác\n"
    assert not (folder / "chua-co").exists()


def test_output_that_is_a_folder(folder):
    (folder / "ra").mkdir()
    result = run("render", "ke-hoach.yaml", "-o", "ra")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "ra: đường dẫn ra là một thư mục; hãy ghi tên tệp .docx\n"
    assert list((folder / "ra").iterdir()) == []


# -- user templates ---------------------------------------------------------------------------------


def test_template_file_missing(folder):
    result = run("render", "ke-hoach.yaml", "--template", "khong-co.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "khong-co.docx: không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template\n"
    assert not (folder / "ke-hoach.docx").exists()


def test_template_that_is_a_text_file_renamed_docx(folder):
    _not_a_docx(folder)
    result = run("render", "ke-hoach.yaml", "-t", "mau.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "mau.docx: không mở được mẫu Word: tệp không phải văn bản Word .docx (có thể là tệp .doc cũ hoặc tệp khác "
        "được đổi tên); hãy mở mẫu bằng Word, lưu lại dạng .docx rồi chạy lại\n"
    )
    assert not (folder / "ke-hoach.docx").exists()


def test_template_that_is_a_zip_but_not_a_word_document(folder):
    with zipfile.ZipFile(folder / "mau.docx", "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải Word")
    result = run("render", "ke-hoach.yaml", "-t", "mau.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "mau.docx: không mở được mẫu Word: tệp không phải văn bản Word .docx hợp lệ hoặc đã bị hỏng; "
        "hãy mở mẫu bằng Word, lưu lại dạng .docx rồi chạy lại\n"
    )


@pytest.mark.parametrize(("tag", "attribute"), list(zip(SANDBOX_ESCAPES, ["__class__", "__init__"])))
def test_template_reaching_into_python_is_refused(folder, tag, attribute):
    make_template(folder / "mau.docx", tag)
    result = run("render", "ke-hoach.yaml", "--template", "mau.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"mau.docx: {WHERE[tag]}: mẫu Word có thẻ truy cập thuộc tính nội bộ «{attribute}» của Python, bị từ chối vì lý do an "
        "toàn; hãy xóa thẻ này khỏi mẫu\n"
    )
    assert not (folder / "ke-hoach.docx").exists()


@pytest.mark.parametrize("tag", ["{{ khong_co }}", "{{ organ.khong_co }}"])
def test_template_with_an_undefined_name(folder, tag):
    make_template(folder / "mau.docx", tag)
    result = run("render", "ke-hoach.yaml", "--template", "mau.docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"mau.docx: {WHERE[tag]}: mẫu Word dùng tên «khong_co» không có trong dữ liệu kế hoạch; "
        "hãy sửa hoặc xóa thẻ {{ … }} này trong mẫu\n"
    )
    assert not (folder / "ke-hoach.docx").exists()


# -- help and version -------------------------------------------------------------------------------


def test_help():
    result = run("--help")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "render" in result.stdout
    assert "Soạn Kế hoạch" in result.stdout


def test_render_help():
    result = run("render", "--help")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "--template" in result.stdout and "--output" in result.stdout


def test_version():
    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"kehoach {kehoach.__version__}\n", "")


# -- a real process ---------------------------------------------------------------------------------


def run_process(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["PYTHONUTF8"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "kehoach.cli", *args],
        cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_process_success_and_version(folder):
    done = run_process(folder, "render", "ke-hoach.yaml")
    assert (done.returncode, done.stdout, done.stderr) == (0, "Đã tạo ke-hoach.docx (bản để trình ký).\n", "")
    assert (folder / "ke-hoach.docx").read_bytes() == _render_in_process(folder)
    version = run_process(folder, "--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, f"kehoach {kehoach.__version__}\n", "")


def _render_in_process(folder: Path) -> bytes:
    assert run("render", "ke-hoach.yaml", "-o", "cung-tien-trinh.docx").exit_code == 0
    return (folder / "cung-tien-trinh.docx").read_bytes()


def test_process_errors_reach_stderr_without_traceback(folder):
    (folder / "ke-hoach.docx").write_bytes(OLD)
    broken = edit(PLAN, "    id: kinh-phi\n", "    id: Kinh-Phí\n")
    (folder / "ke-hoach.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("    id: Kinh-Phí") + 1
    done = run_process(folder, "render", "ke-hoach.yaml")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"ke-hoach.yaml:{line}:9: mã «Kinh-Phí» không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu "
        "gạch ngang; hãy viết lại, ví dụ «kinh-phi»\n"
    )
    make_template(folder / "mau.docx", SANDBOX_ESCAPES[1])
    (folder / "ke-hoach.yaml").write_text(PLAN, encoding="utf-8")
    escape_run = run_process(folder, "render", "ke-hoach.yaml", "--template", "mau.docx")
    assert (escape_run.returncode, escape_run.stdout) == (2, "")
    assert escape_run.stderr == (
        f"mau.docx: {WHERE[SANDBOX_ESCAPES[1]]}: mẫu Word có thẻ truy cập thuộc tính nội bộ «__init__» của Python, "
        "bị từ chối vì lý do an toàn; "
        "hãy xóa thẻ này khỏi mẫu\n"
    )
    assert "Traceback" not in done.stderr + escape_run.stderr
    assert (folder / "ke-hoach.docx").read_bytes() == OLD
    assert temp_files(folder) == []
