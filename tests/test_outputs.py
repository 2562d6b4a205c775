"""Outputs that fit the clerk's tools: -o with the wrong extension refused, the register of a folder as an Excel
workbook, and CSV rows for a folder."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from support import PLAN_2024, invoke

PLAN = PLAN_2024.read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """Plans of a year as a văn thư keeps them: two issued (out of order), a draft, a shared file, and no LibreOffice."""
    (tmp_path / "so").mkdir()
    (tmp_path / "so" / "kh-185.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "so" / "kh-012.yaml").write_text(
        PLAN.replace("\nso: 185\n", "\nso: 12\n").replace("\nngay: 05/7/2024\n", "\nngay: 10/01/2024\n"),
        encoding="utf-8")
    (tmp_path / "so" / "du-thao.yaml").write_text(
        PLAN.replace("\nso: 185\n", "\n").replace("\nngay: 05/7/2024\n", "\nnam: 2025\n"), encoding="utf-8")
    (tmp_path / "so" / "don-vi.yaml").write_text("don_vi:\n  vh:\n    ten: Phòng Văn hóa\n", encoding="utf-8")
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no LibreOffice: pages are not counted
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_render_refuses_an_output_named_as_a_pdf(folder):
    result = invoke(["render", "so/kh-185.yaml", "-o", "trinh-ky.pdf"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("trinh-ky.pdf: tệp ghi ra là văn bản Word nên tên tệp phải có đuôi .docx, tên này đuôi "
                             "«.pdf»; hãy ghi -o trinh-ky.docx; muốn có thêm tệp PDF thì thêm --pdf\n")
    assert not (folder / "trinh-ky.pdf").exists()
    result = invoke(["render", "so/kh-185.yaml", "-o", "trinh-ky"])
    assert result.stderr == ("trinh-ky: tệp ghi ra là văn bản Word nên tên tệp phải có đuôi .docx, tên này không có "
                             "đuôi; hãy ghi -o trinh-ky.docx\n")
    result = invoke(["render", "so/kh-185.yaml", "-o", "TRINH-KY.DOCX"])  # Windows names are any case
    assert result.exit_code == 0 and (folder / "TRINH-KY.DOCX").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["diff", "so/kh-012.yaml", "so/kh-185.yaml", "--docx", "thay-doi.pdf"],
     "thay-doi.pdf: tệp ghi ra là văn bản Word (có đánh dấu thay đổi) nên tên tệp phải có đuôi .docx, tên này đuôi "
     "«.pdf»; hãy ghi --docx thay-doi.docx"),
    (["new", "so/kh-185.yaml", "-o", "ke-hoach-2025.docx"],
     "ke-hoach-2025.docx: tệp ghi ra là tệp kế hoạch YAML nên tên tệp phải có đuôi .yaml hoặc .yml, tên này đuôi "
     "«.docx»; hãy ghi -o ke-hoach-2025.yaml"),
    (["schema", "-o", "ke-hoach.yaml"],
     "ke-hoach.yaml: tệp ghi ra là JSON Schema nên tên tệp phải có đuôi .json, tên này đuôi «.yaml»; hãy ghi -o "
     "ke-hoach.json"),
    (["info", "so/kh-185.yaml", "-f", "csv", "-o", "so.xlsx"],
     "so.xlsx: tệp ghi ra là bảng CSV nên tên tệp phải có đuôi .csv, tên này đuôi «.xlsx»; hãy ghi -o so.csv"),
    (["info", "so", "-f", "xlsx", "-o", "so.csv"],
     "so.csv: tệp ghi ra là sổ Excel nên tên tệp phải có đuôi .xlsx, tên này đuôi «.csv»; hãy ghi -o so.xlsx"),
    (["init", "-y", "ke-hoach.docx"],
     "ke-hoach.docx: tệp ghi ra là tệp kế hoạch YAML nên tên tệp phải có đuôi .yaml hoặc .yml, tên này đuôi "
     "«.docx»; hãy ghi ke-hoach.yaml"),
])
def test_every_output_option_refuses_another_documents_extension(folder, args, message):
    before = sorted(p.name for p in folder.rglob("*"))
    result = invoke(args)
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_info_of_a_folder_as_the_excel_register(folder):
    result = invoke(["info", "so", "--format", "xlsx", "-o", "so-van-ban.xlsx"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Đã ghi so-van-ban.xlsx.\n"
    assert result.stderr.startswith("Số trang: chưa đếm được vì máy chưa cài LibreOffice")
    book = load_workbook(folder / "so-van-ban.xlsx")
    sheet = book["Sổ văn bản đi"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["STT", "Số, ký hiệu văn bản", "Ngày, tháng văn bản", "Tên loại văn bản",
                       "Trích yếu nội dung văn bản", "Người ký", "Chức vụ người ký", "Nơi nhận văn bản",
                       "Đơn vị, người nhận bản lưu", "Số trang", "Ghi chú", "Cơ quan ban hành", "Tệp kế hoạch"]
    assert len(rows) == 4  # three plans; the shared file is not a document
    # In the order of issue: 12 of 10 January, 185 of 5 July, then the draft.
    assert [row[:3] for row in rows[1:]] == [[1, "12/KH-UBND", datetime(2024, 1, 10)],
                                            [2, "185/KH-UBND", datetime(2024, 7, 5)], [3, None, None]]
    first = rows[1]
    assert first[3:7] == ["Kế hoạch", first[4], "Đinh Văn Sơn", "PHÓ CHỦ TỊCH"]
    assert first[4].startswith("Triển khai thực hiện Tiểu dự án 2")
    assert first[7].split("\n")[0] == "TT Huyện uỷ - TT HĐND huyện" and first[8] == "Phòng Lao động TB&XH huyện"
    assert first[9] is None and first[10].startswith("Số trang chưa đếm được")
    assert (first[11], first[12]) == ("ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG", str(Path("so") / "kh-012.yaml"))
    assert rows[3][10].startswith("Dự thảo, dự kiến năm 2025")
    # Real dates shown as a clerk writes them, a frozen and filterable header, widths set.
    assert sheet["C2"].is_date and sheet["C2"].number_format == "dd/mm/yyyy"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M4"
    assert sheet["A1"].font.bold and sheet.column_dimensions["E"].width == 50
    assert sheet.print_title_rows == "$1:$1"


def test_info_of_a_folder_with_a_broken_plan_lists_the_others_and_exits_as_for_that_plan(folder):
    (folder / "so" / "hong.yaml").write_text("co_quan: [\n", encoding="utf-8")
    result = invoke(["info", "so", "-f", "csv"])
    assert result.exit_code == invoke(["info", "so/hong.yaml"]).exit_code == 1  # a mistake in a plan
    assert "so/hong.yaml" in result.stderr
    assert result.stderr.endswith("1 kế hoạch lỗi nên không có trong kết quả; hãy sửa rồi chạy lại.\n")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert [row[4] for row in rows] == ["Số, ký hiệu", "12/KH-UBND", "185/KH-UBND", ""]  # in the order of issue


def test_xlsx_needs_a_file(folder):
    result = invoke(["info", "so", "-f", "xlsx"])
    assert (result.exit_code, result.stderr) == (2, "--format: dạng xlsx là tệp Excel, không in ra màn hình được; hãy "
                                                    "ghi tên tệp bằng -o, ví dụ -o so-van-ban.xlsx\n")


def test_info_of_a_folder_as_text_and_json(folder):
    import json

    result = invoke(["info", "so", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(item["tep"], item["so_ky_hieu"]) for item in data] == [
        (str(Path("so") / "kh-012.yaml"), "12/KH-UBND"), (str(Path("so") / "kh-185.yaml"), "185/KH-UBND"),
        (str(Path("so") / "du-thao.yaml"), None)]
    text = invoke(["info", "so"]).stdout
    assert text.startswith(f"{Path('so') / 'kh-012.yaml'}\nCơ quan ban hành: ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG\n")
    assert text.count("\n\nso") == 2  # three blocks, a blank line between them
