"""kehoach info: what an e-office registry asks about a plan, as text, JSON and CSV (for Excel)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from kehoach.features.libreoffice import install_hint
from support import PLAN_2024, invoke

PLAN = PLAN_2024.read_text(encoding="utf-8")
HAS_SOFFICE = shutil.which("soffice") is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed")
SUMMARY = ("Triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều thuộc Dự án 6 - Chương trình MTQG "
           "giảm nghèo bền vững năm 2024 trên địa bàn huyện")
RECIPIENTS = ["TT Huyện uỷ - TT HĐND huyện", "Lãnh đạo UBND huyện",
              "BCĐ thực hiện các Chương trình MTQG giai đoạn 2021-2025 huyện", "UBND các xã, thị trấn"]
# The install line for this machine's system (each system's line: tests/test_libreoffice.py).
NO_PAGES = "chưa đếm được vì máy chưa cài LibreOffice; cách cài: " + " ".join(install_hint().split())


def run(*args: str):
    return invoke(list(args))


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "ke-hoach.yaml").write_text(PLAN, encoding="utf-8")
    draft = PLAN.replace("\nso: 185\n", "\n").replace("\nngay: 05/7/2024\n", "\nnam: 2024\n")
    (tmp_path / "du-thao.yaml").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def no_libreoffice(folder, monkeypatch):
    monkeypatch.setenv("PATH", str(folder / "bin"))


@needs_soffice
def test_text_with_the_page_count_of_the_rendered_document(folder):
    result = run("info", "ke-hoach.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Cơ quan ban hành: ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG\n"
        "Loại văn bản:     Kế hoạch\n"
        "Số, ký hiệu:      185/KH-UBND\n"
        "Ngày ban hành:    05/7/2024 (ngày 05 tháng 7 năm 2024)\n"
        f"Trích yếu:        {SUMMARY}\n"
        "Người ký:         Đinh Văn Sơn, PHÓ CHỦ TỊCH\n"
        f"Nơi nhận:         {RECIPIENTS[0]}\n"
        + "".join(f"                  {name}\n" for name in RECIPIENTS[1:])
        + "Số trang:         5\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["du-thao.yaml", "ke-hoach.yaml"]  # nothing left behind


def test_json(folder, no_libreoffice):
    result = run("info", "ke-hoach.yaml", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == f"Số trang: {NO_PAGES}\n"
    assert json.loads(result.stdout) == {
        "co_quan": "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG",
        "loai": "Kế hoạch",
        "so": "185",
        "ky_hieu": "KH-UBND",
        "so_ky_hieu": "185/KH-UBND",
        "ngay": "2024-07-05",
        "ngay_nd30": "ngày 05 tháng 7 năm 2024",
        "trich_yeu": SUMMARY,
        "chuc_vu_nguoi_ky": "PHÓ CHỦ TỊCH",
        "nguoi_ky": "Đinh Văn Sơn",
        "noi_nhan": RECIPIENTS,
        "so_trang": None,
    }


@needs_soffice
def test_json_page_count(folder):
    assert json.loads(run("info", "ke-hoach.yaml", "-f", "json").stdout)["so_trang"] == 5


def test_a_draft_has_no_number_and_no_date_and_text_says_why_pages_are_missing(folder, no_libreoffice):
    result = run("info", "du-thao.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[2:4] == ["Số, ký hiệu:      chưa có số (bản dự thảo); ký hiệu KH-UBND",
                          "Ngày ban hành:    chưa có (bản dự thảo, dự kiến năm 2024)"]
    assert lines[-1] == f"Số trang:         {NO_PAGES}"
    data = json.loads(run("info", "du-thao.yaml", "-f", "json").stdout)
    assert (data["so"], data["so_ky_hieu"], data["ngay"], data["ngay_nd30"]) == (None, None, None, None)


def test_csv_for_excel(folder, no_libreoffice):
    result = run("info", "ke-hoach.yaml", "--format", "csv")
    assert result.exit_code == 0
    text = result.stdout  # as written: CSV rows end in CRLF
    # «;»: the list separator of Windows with Vietnamese settings, where «,» is the decimal comma.
    assert text.startswith("\ufeffCơ quan ban hành;Loại văn bản;Số;")
    assert text.endswith("\r\n") and text.count("\r\n") == 2 and text.count("\n") == 2
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert rows == [
        ["Cơ quan ban hành", "Loại văn bản", "Số", "Ký hiệu", "Số, ký hiệu", "Ngày ban hành", "Ngày ghi trên văn bản",
         "Trích yếu", "Chức vụ người ký", "Người ký", "Nơi nhận", "Số trang"],
        ["ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG", "Kế hoạch", "185", "KH-UBND", "185/KH-UBND", "2024-07-05",
         "ngày 05 tháng 7 năm 2024", SUMMARY, "PHÓ CHỦ TỊCH", "Đinh Văn Sơn", "; ".join(RECIPIENTS), ""],
    ]


def test_csv_to_a_file_is_utf8_with_a_byte_order_mark(folder, no_libreoffice):
    result = run("info", "du-thao.yaml", "-f", "csv", "-o", "so.csv")
    assert (result.exit_code, result.stdout) == (0, "Đã ghi so.csv.\n")
    data = (folder / "so.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))[1]
    assert row[2:7] == ["", "KH-UBND", "", "", ""]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["khong-co.yaml"], "khong-co.yaml: không tìm thấy tệp «khong-co.yaml»; kiểm tra lại đường dẫn\n"),
    ],
)
def test_unusable_requests(folder, args, message):
    result = run("info", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


REAL = Path(__file__).parent / "real"


@pytest.mark.parametrize(
    ("source", "number_symbol", "symbol"),
    [
        # A legal normative document's number carries its year (ND30 Điều 8; tests/real/11).
        (REAL / "11_TayNinh_36-2013-QD-UBND_decision-body.yaml", "36/2013/QĐ-UBND", "QĐ-UBND"),
        # A Party document: «-» before the kind (HD 36, II.1.3).
        (Path(__file__).parent.parent / "data" / "vi-du" / "ke-hoach-dang-uy-xa.yaml", "12-KH/ĐU", "KH/ĐU"),
    ],
)
def test_the_number_and_symbol_as_the_document_prints_it(tmp_path, monkeypatch, source, number_symbol, symbol):
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    shutil.copy(source, tmp_path / source.name)
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("info", source.name, "-f", "json").stdout)
    assert (data["so_ky_hieu"], data["ky_hieu"]) == (number_symbol, symbol)
    assert f"Số, ký hiệu:      {number_symbol}\n" in run("info", source.name).stdout


# -- LibreOffice started once for a whole folder --------------------------------------------------------

FAKE_SOFFICE = """#!{python}
# A stand-in for LibreOffice: notes each start, and writes for each document a PDF whose page count comes from
# the document's size (different plans, different counts), as soffice --convert-to pdf --outdir would.
import sys
from pathlib import Path

with open({log!r}, "a", encoding="utf-8") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
out = Path(sys.argv[sys.argv.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for name in sys.argv[sys.argv.index("--outdir") + 2:]:
    pages = Path(name).stat().st_size % 1000 + 1
    (out / (Path(name).stem + ".pdf")).write_bytes(b"%%PDF-1.4\\n1 0 obj << /Type /Pages /Count %d >> endobj\\n" % pages)
"""


@pytest.fixture
def fake_soffice(folder, monkeypatch, tmp_path_factory) -> Path:
    """A fake soffice first on PATH; returns the log with one line per start."""
    import sys

    outside = tmp_path_factory.mktemp("fake-soffice")  # not in the folder, whose files the tests list
    bin_folder = outside / "bin"
    bin_folder.mkdir()
    log = outside / "soffice.log"
    script = bin_folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}:/usr/bin:/bin")
    return log


def starts(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def test_a_folder_starts_libreoffice_once_and_each_plan_keeps_its_own_page_count(folder, fake_soffice):
    (folder / "them").mkdir()
    another = PLAN.replace("\nso: 185\n", "\nso: 186\n").replace("Đinh Văn Sơn", "Lò Văn Pánh")
    (folder / "them" / "ke-hoach.yaml").write_text(another, encoding="utf-8")  # same name in another folder
    each = {}
    for plan in ["ke-hoach.yaml", "du-thao.yaml", "them/ke-hoach.yaml"]:
        one = run("info", "-f", "json", plan)
        assert one.exit_code == 0, one.stderr
        each[plan] = json.loads(one.stdout)["so_trang"]
    assert starts(fake_soffice) == 3  # one start per single plan, as before
    assert len(set(each.values())) >= 2  # the fake gives different plans different counts

    fake_soffice.unlink()
    result = run("info", "-f", "json", ".")
    assert (result.exit_code, result.stderr) == (0, "")
    assert {row["tep"]: row["so_trang"] for row in json.loads(result.stdout)} == each
    assert starts(fake_soffice) == 1  # the whole folder: LibreOffice started once
    assert sorted(p.name for p in folder.iterdir()) == ["du-thao.yaml", "ke-hoach.yaml", "them"]  # nothing left


def test_a_document_libreoffice_could_not_convert_says_why_and_the_others_are_counted(folder, fake_soffice):
    script = fake_soffice.parent / "bin" / "soffice"
    # This LibreOffice converts only the first document of its command line.
    script.write_text(script.read_text(encoding="utf-8").replace('sys.argv.index("--outdir") + 2:]',
                                                                 'sys.argv.index("--outdir") + 2:][:1]'),
                      encoding="utf-8")
    result = run("info", "-f", "json", ".")
    assert result.exit_code == 0
    rows = {row["tep"]: row["so_trang"] for row in json.loads(result.stdout)}
    assert sorted(rows.values(), key=str) == sorted([None, rows["du-thao.yaml"] or rows["ke-hoach.yaml"]], key=str)
    assert result.stderr == ("Số trang: chưa đếm được: LibreOffice không chuyển được văn bản sang PDF (không có thông"
                             " báo)\n")
    assert starts(fake_soffice) == 1


def test_a_folder_without_libreoffice_gives_every_plan_the_reason(folder, no_libreoffice):
    result = run("info", ".")
    assert result.exit_code == 0
    assert result.stdout.count(f"Số trang:         {NO_PAGES}") == 2


@needs_soffice
def test_a_folder_with_the_real_libreoffice_counts_as_one_plan_does(folder):
    result = run("info", "-f", "json", ".")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = {row["tep"]: row["so_trang"] for row in json.loads(result.stdout)}
    assert rows == {"ke-hoach.yaml": 5, "du-thao.yaml": json.loads(run("info", "-f", "json", "du-thao.yaml").stdout)[
        "so_trang"]}
