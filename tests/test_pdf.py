"""kehoach render --pdf: a PDF through LibreOffice beside the .docx, and exact instructions without it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.features import pdf
from kehoach.features.libreoffice import install_hint
from support import PLAN_2024, invoke

HAS_SOFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice and poppler-utils are not installed")
MISSING = (
    "ke-hoach.pdf: chưa tạo được tệp PDF vì máy chưa cài LibreOffice (không tìm thấy lệnh soffice); văn bản Word "
    "vẫn được tạo. Hãy cài LibreOffice rồi chạy lại:\n" + install_hint() + "\n"
)  # install_hint(): this machine's system; each system's line is tested in tests/test_libreoffice.py


def run(*args: str):
    return invoke(list(args))


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "ke-hoach.yaml").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fake_program(folder: Path, name: str, script: str) -> Path:
    """A shell script standing in for `name`, in a folder of its own to put first on PATH."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    program = bin_dir / name
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(0o755)
    return bin_dir


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_soffice
def test_render_pdf_writes_the_pdf_beside_the_document(folder):
    result = run("render", "ke-hoach.yaml", "--pdf")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Đã tạo ke-hoach.docx (bản để trình ký).\nĐã tạo ke-hoach.pdf (5 trang).\n"
    text = " ".join(pdf_text(folder / "ke-hoach.pdf").split())
    for expected in ("ỦY BAN NHÂN DÂN", "Số: 185/KH-UBND", "Mường Ảng, ngày 05 tháng 7 năm 2024", "KẾ HOẠCH",
                     "I. MỤC ĐÍCH, YÊU CẦU", "Đinh Văn Sơn"):
        assert expected in text
    assert pdfinfo_pages(folder / "ke-hoach.pdf") == 5
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.docx", "ke-hoach.pdf", "ke-hoach.yaml"]


@needs_soffice
def test_the_pdf_follows_the_output_option_and_replaces_an_old_pdf(folder):
    (folder / "ra").mkdir()
    (folder / "ra" / "trinh-ky.pdf").write_bytes(b"%PDF-1.4 cu")
    result = run("render", "ke-hoach.yaml", "-o", "ra/trinh-ky.docx", "--pdf")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Đã tạo ra/trinh-ky.pdf (5 trang)."
    assert (folder / "ra" / "trinh-ky.pdf").read_bytes().startswith(b"%PDF-1.")
    assert pdfinfo_pages(folder / "ra" / "trinh-ky.pdf") == 5
    assert sorted(p.name for p in (folder / "ra").iterdir()) == ["trinh-ky.docx", "trinh-ky.pdf"]


@needs_soffice
def test_a_folder_with_pdf(folder):
    (folder / "hai.yaml").write_text((folder / "ke-hoach.yaml").read_text(encoding="utf-8").replace(
        "\nso: 185\n", "\nso: 186\n"), encoding="utf-8")
    result = run("render", ".", "--pdf", "--jobs", "2")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Đã tạo 2 văn bản và 2 tệp PDF.\n", "")
    assert pdfinfo_pages(folder / "hai.pdf") == 5
    assert "Số: 186/KH-UBND" in pdf_text(folder / "hai.pdf")


def test_without_libreoffice_the_document_is_written_and_the_install_line_shown(folder, monkeypatch):
    monkeypatch.setenv("PATH", str(folder / "bin"))  # a PATH without soffice
    result = run("render", "ke-hoach.yaml", "--pdf")
    assert (result.exit_code, result.stdout) == (2, "Đã tạo ke-hoach.docx (bản để trình ký).\n")
    assert result.stderr == MISSING
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.docx", "ke-hoach.yaml"]


def test_without_libreoffice_a_folder_is_rendered_and_the_install_line_shown_once(folder, monkeypatch):
    monkeypatch.setenv("PATH", str(folder / "bin"))
    result = run("render", ".", "--pdf")
    assert result.exit_code == 2
    message = MISSING.removeprefix("ke-hoach.pdf: c")
    assert result.stdout == "Đã tạo 1 văn bản.\nC" + message
    assert (folder / "ke-hoach.docx").is_file()


def test_a_libreoffice_that_hangs_is_stopped(folder, monkeypatch):
    (folder / "ke-hoach.docx").write_bytes(b"PK")
    (folder / "ke-hoach.pdf").write_bytes(b"%PDF cu")
    bin_dir = fake_program(folder, "soffice", "sleep 60")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(pdf.PdfError) as caught:
        pdf.convert(Path("ke-hoach.docx"), timeout=1)
    assert str(caught.value) == ("ke-hoach.pdf: LibreOffice chưa chuyển xong sau 1 giây nên đã bị dừng; hãy chạy "
                                 "lại, hoặc mở văn bản bằng LibreOffice để xem có gì bất thường")
    assert (folder / "ke-hoach.pdf").read_bytes() == b"%PDF cu"


def test_a_libreoffice_that_makes_nothing(folder, monkeypatch):
    (folder / "ke-hoach.docx").write_bytes(b"PK")
    bin_dir = fake_program(folder, "soffice", "echo 'Error: source file could not be loaded' >&2")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = run("render", "ke-hoach.yaml", "--pdf")
    assert (result.exit_code, result.stdout) == (2, "Đã tạo ke-hoach.docx (bản để trình ký).\n")
    assert result.stderr == ("ke-hoach.pdf: LibreOffice không chuyển được văn bản sang PDF (Error: source file could "
                             "not be loaded); hãy mở ke-hoach.docx bằng LibreOffice để xem, rồi chạy lại\n")
    assert not (folder / "ke-hoach.pdf").exists()


@pytest.mark.parametrize(
    ("family", "warned"), [("DejaVu Serif", True), ("Liberation Serif", False), ("Times New Roman", False)]
)
def test_a_font_without_the_widths_of_times_new_roman_is_warned_about(tmp_path, monkeypatch, family, warned):
    bin_dir = fake_program(tmp_path, "fc-match", f"printf '%s' '{family}'")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    expected = (f"cảnh báo: máy chưa có phông Times New Roman hoặc phông cùng cỡ chữ (Liberation Serif), nên "
                f"LibreOffice dùng «{family}» thay thế và chữ trong PDF có thể xuống dòng, sang trang khác bản in từ "
                "Word. Hãy cài phông: sudo apt-get install -y --no-install-recommends fonts-liberation2")
    assert pdf.font_warning() == (expected if warned else None)


def test_page_count_reads_the_page_tree_and_never_guesses():
    tree = (b"%PDF-1.6\n1 0 obj\n<</Type/Page/Parent 3 0 R>>\nendobj\n"
            b"3 0 obj\n<</Type/Pages\n/Kids[ 1 0 R 2 0 R ]\n/Count 2>>\nendobj\n"
            b"4 0 obj\n<</Type/Outlines/Count 7>>\nendobj\n")
    assert pdf.page_count(tree) == 2
    assert pdf.page_count(b"%PDF-1.7\n5 0 obj\n<</Type/ObjStm/N 12>>\nstream\nx\nendstream\nendobj\n") is None
