"""`kehoach check FILE.docx`: the ND30 layout checks on any Word document, through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from helpers import BASE  # noqa: E402
from test_docx_context import remove_paragraph, replace_text, run_properties, set_attributes  # noqa: E402

from support import invoke  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def check(*paths: Path, output: str = "text"):
    return invoke(["check", "--format", output, *map(str, paths)])


def problems(result) -> list[tuple[str, int | None, str]]:
    return [(p["rule"], p["line"], p["message"]) for p in json.loads(result.stdout)["problems"]]


# -- the acceptance cases ----------------------------------------------------------------------------

def test_the_rendered_2024_plan_passes(tmp_path, rendered_bytes):
    path = tmp_path / "ke-hoach-2024.docx"
    path.write_bytes(rendered_bytes)
    result = check(path)
    assert (result.exit_code, result.stdout) == (0, "Không có lỗi nào.\n")


def test_wrong_margins_a_foreign_font_a_padded_month_and_no_archive_line_fail_on_exactly_those(
        tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgMar", left="1440")  # Word's 2,54 cm
    data = run_properties(data, "Trên đây là Kế hoạch", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')
    data = replace_text(data, "ngày 05 tháng 7 năm 2024", "ngày 05 tháng 03 năm 2024")
    data = remove_paragraph(data, "- Lưu: VT, LĐTBXH.")
    path = tmp_path / "sai.docx"
    path.write_bytes(data)
    result = check(path)
    assert result.exit_code == 1
    # A Word document has paragraphs, not lines: positions read «đoạn N».
    assert result.stdout.splitlines()[1:5] == [
        "  -        lỗi       lề trái 25,4 mm; Nghị định 30 quy định lề trái 30–35 mm  [docx-margins]",
        "  đoạn 8   cảnh báo  «Mường Ảng, ngày 05 tháng 03 năm 2024»: tháng 03 thừa số 0: tháng 3 đến 12 viết «3»"
        " (Nghị định 30, Phụ lục I, II.4.b)  [docx-date-zero]",
        "  đoạn 77  lỗi       «Trên đây là Kế hoạch triển khai thực…»: phông chữ Arial; Nghị định 30 quy định phông Times "
        "New Roman (Unicode)  [docx-font]",
        "  đoạn 82  lỗi       «- UBND các xã, thị trấn;»: thiếu dòng «- Lưu: VT, <đơn vị soạn thảo>.» cuối nơi nhận; Nghị "
        "định 30 quy định dòng cuối cùng là nơi lưu văn bản  [docx-recipients]",
    ]
    found = problems(check(path, output="json"))
    assert sorted(rule for rule, _, _ in found) == ["docx-date-zero", "docx-font", "docx-margins", "docx-recipients"]


# -- a document kehoach did not make ----------------------------------------------------------------

def hand_typed(path: Path, *, margins=(2, 2, 3, 1.5), date="Tân Lập, ngày 09 tháng 02 năm 2025",
               number="Số: 07/KH-UBND", name_bold=True, appendix=None) -> Path:
    """A plan typed in Word by a commune clerk: Normal style set to Times New Roman 14, direct formatting
    everywhere, the usual two borderless tables, the motto underlined, a rule of underscores. With `appendix`
    (a function given the document and the new section), a Phụ lục follows in a landscape section of its own."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.element.rPr.rFonts.set(qn("w:cs"), "Times New Roman")
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(6), Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    top, bottom, left, right = margins
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Cm(top), Cm(bottom), Cm(left), Cm(right))
    section.different_first_page_header_footer = True
    page = section.header.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    page._p.append(field)

    def line(container, text, size=14, bold=False, italic=False, underline=False, align=WD_ALIGN_PARAGRAPH.CENTER):
        p = container.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_before = Pt(0)
        run = p.add_run(text)
        run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
        return p

    def two_cells():
        cells = doc.add_table(rows=1, cols=2).rows[0].cells
        for cell in cells:
            cell._tc.remove(cell.paragraphs[0]._p)
        return cells

    organ, national = two_cells()
    line(organ, "ỦY BAN NHÂN DÂN", 13, bold=True)
    line(organ, "XÃ TÂN LẬP", 13, bold=True)
    line(organ, "_______", 13)
    line(organ, number, 13)
    line(national, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    line(national, "Độc lập – Tự do – Hạnh phúc", 14, bold=True, underline=True)
    line(national, "")
    line(national, date, 14, italic=True)
    doc.add_paragraph()
    line(doc, "KẾ HOẠCH", 14, bold=True)
    line(doc, "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025", 14, bold=True)
    line(doc, "__________", 14)
    for text in ("Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;",
                 "Căn cứ Kế hoạch số 15/KH-UBND ngày 03/01/2025 của Ủy ban nhân dân huyện."):
        p = doc.add_paragraph()
        p.alignment, p.paragraph_format.first_line_indent = WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1)
        p.add_run(text).italic = True
    for text in ("Ủy ban nhân dân xã ban hành Kế hoạch tổ chức Ngày hội như sau:", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Phát huy truyền thống đoàn kết của Nhân dân trong xã.",
                 "Tổ chức Ngày hội thiết thực, tiết kiệm, hiệu quả./."):
        p = doc.add_paragraph(text)
        p.alignment, p.paragraph_format.first_line_indent = WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1)
    recipients, signer = two_cells()
    line(recipients, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for text in ("- Ban Thường trực UBMTTQ xã;", "- Các thôn;", "- Lưu: VT, VP."):
        line(recipients, text, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(signer, "TM. ỦY BAN NHÂN DÂN", 14, bold=True)
    line(signer, "CHỦ TỊCH", 14, bold=True)
    for _ in range(3):
        line(signer, "")
    line(signer, "Nguyễn Văn An", 14, bold=name_bold)
    if appendix is not None:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
        line(doc, "Phụ lục", 14, bold=True)
        line(doc, "DANH SÁCH CÁC THÔN THAM GIA NGÀY HỘI", 14, bold=True)
        appendix(doc, section)
    doc.save(path)
    return path


def page_number(paragraph) -> None:
    """A PAGE field (Insert → Page Number) at the end of a python-docx paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def numbered_from_one(doc, section) -> None:
    """The appendix's pages numbered on their own from 1, at the top, centred (Header → Page Number → Format)."""
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)
    section.header.is_linked_to_previous = False
    top = section.header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number(top)


def test_a_plan_typed_by_hand_in_word_passes(tmp_path):
    result = check(hand_typed(tmp_path / "xa-tan-lap.docx"))
    assert (result.exit_code, result.stdout) == (0, "Không có lỗi nào.\n")


def test_a_plan_typed_by_hand_with_the_usual_mistakes(tmp_path):
    path = hand_typed(tmp_path / "xa-tan-lap.docx", margins=(2.54, 2.54, 2.54, 2.54), number="Số: 7/KH-UBND",
                      date="Tân Lập, ngày 9 tháng 2 năm 2025", name_bold=False)
    result = check(path, output="json")
    assert result.exit_code == 1
    assert problems(result) == [
        ("docx-margins", None, "lề dưới 25,4 mm; Nghị định 30 quy định lề dưới 20–25 mm"),
        ("docx-margins", None, "lề phải 25,4 mm; Nghị định 30 quy định lề phải 15–20 mm"),
        ("docx-margins", None, "lề trái 25,4 mm; Nghị định 30 quy định lề trái 30–35 mm"),
        ("docx-margins", None, "lề trên 25,4 mm; Nghị định 30 quy định lề trên 20–25 mm"),
        ("docx-number", 4, "«Số: 7/KH-UBND»: số 7 thiếu số 0; Nghị định 30 quy định số nhỏ hơn 10 ghi thêm số 0: «07»"),
        ("docx-date-zero", 8, "«Tân Lập, ngày 9 tháng 2 năm 2025»: ngày 9 thiếu số 0: ngày dưới 10 viết «09» (Nghị"
                              " định 30, Phụ lục I, II.4.b)"),
        ("docx-date-zero", 8, "«Tân Lập, ngày 9 tháng 2 năm 2025»: tháng 2 thiếu số 0: tháng 1, 2 viết «02» (Nghị"
                              " định 30, Phụ lục I, II.4.b)"),
        ("docx-signer", 28, "«Nguyễn Văn An»: chữ không đậm; Nghị định 30 quy định họ tên người ký in đậm"),
    ]


def test_a_hand_typed_appendix_numbered_on_its_own_passes(tmp_path):
    result = check(hand_typed(tmp_path / "xa-tan-lap.docx", appendix=numbered_from_one))
    assert (result.exit_code, result.stdout) == (0, "Không có lỗi nào.\n")


def test_a_hand_typed_appendix_whose_footer_breaks_the_layout(tmp_path):
    """The second section's footer: the page number put at the foot, a line in Arial and red: each finding says
    which section and which footer, though the first section is right."""
    def appendix(doc, section):
        section.header.is_linked_to_previous = False  # an empty header of its own: the number is at the foot
        section.footer.is_linked_to_previous = False
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page_number(foot)
        note = section.footer.add_paragraph()
        run = note.add_run("Phụ lục kèm theo Kế hoạch số 07/KH-UBND")
        run.font.name, run.font.size, run.font.color.rgb = "Arial", Pt(11), RGBColor(0xFF, 0, 0)

    result = check(hand_typed(tmp_path / "xa-tan-lap.docx", appendix=appendix), output="json")
    assert result.exit_code == 1
    assert problems(result) == [
        ("docx-colour", None, "phần thứ 2 (section) của văn bản: chân trang (Footer) «Phụ lục kèm theo Kế hoạch số "
                              "07/KH-UBND»: chữ màu FF0000; Nghị định 30 quy định chữ màu đen"),
        ("docx-font", None, "phần thứ 2 (section) của văn bản: chân trang (Footer) «Phụ lục kèm theo Kế hoạch số "
                            "07/KH-UBND»: phông chữ Arial; Nghị định 30 quy định phông Times New Roman (Unicode)"),
        ("docx-page-number", None, "phần thứ 2 (section) của văn bản: số trang đặt ở chân trang; Nghị định 30 quy "
                                   "định số trang canh giữa ở phần lề trên (Header)"),
    ]


def test_hand_typed_odd_and_even_pages_need_a_number_on_both(tmp_path):
    """«Different Odd & Even Pages» (a setting of the whole document): the even pages show their own header,
    which must hold the page number too; the odd pages' header is the default one."""
    def appendix(doc, section):
        numbered_from_one(doc, section)
        doc.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.is_linked_to_previous = False
        even = section.even_page_header.paragraphs[0]
        even.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        page_number(even)

    path = hand_typed(tmp_path / "xa-tan-lap.docx", appendix=appendix)
    assert problems(check(path, output="json")) == [
        ("docx-page-number", None, "phần thứ 1 (section) của văn bản: trang chẵn không có số trang: đã bật "
                                   "«Different Odd & Even Pages» (Trang chẵn lẻ khác) mà đầu trang của trang chẵn "
                                   "(Even Page Header) chưa có số trang; Nghị định 30 quy định đánh số trang từ "
                                   "trang 2"),
        ("docx-page-number", None, "phần thứ 2 (section) của văn bản: số trang ở đầu trang của trang chẵn (Even Page "
                                   "Header) chưa canh giữa; Nghị định 30 quy định số trang canh giữa ở phần lề trên"),
    ]


# -- what is not a Word document, and what is not asked for ------------------------------------------

def test_a_file_that_is_not_a_word_document_is_unusable(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_text("không phải tệp Word", encoding="utf-8")
    result = check(path, output="json")
    assert result.exit_code == 2
    assert problems(result) == [
        ("file-unreadable", None, "không mở được tệp này như một văn bản Word .docx (tệp hỏng, hoặc là tệp .doc cũ "
                                  "đổi tên); hãy mở bằng Word rồi lưu lại dạng «Word Document (.docx)»")]


def test_a_missing_word_document(tmp_path):
    result = check(tmp_path / "khong-co.docx", output="json")
    assert (result.exit_code, problems(result)) == (2, [
        ("file-unreadable", None, f"không tìm thấy tệp «{tmp_path / 'khong-co.docx'}»; kiểm tra lại đường dẫn")])


def test_a_folder_gives_only_its_yaml_plans(tmp_path, rendered_bytes):
    (tmp_path / "ke-hoach.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "sai.docx").write_bytes(set_attributes(rendered_bytes, "pgMar", left="1440"))
    result = check(tmp_path)
    assert (result.exit_code, result.stdout) == (0, "Không có lỗi nào.\n")


def test_checking_yaml_plans_never_loads_python_docx():
    code = ("import sys; from pathlib import Path; from kehoach.api import check; "
            "check([Path('data/plan_2024.yaml')]); print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('docx', 'lxml')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"


def test_the_folders_config_applies_to_word_documents_too(tmp_path, rendered_bytes):
    (tmp_path / ".kehoach.yaml").write_text("quy_tac:\n  docx-margins: canh-bao\n  docx-end-mark: tat\n",
                                            encoding="utf-8")
    data = set_attributes(rendered_bytes, "pgMar", left="1440")
    data = replace_text(data, "đã đề ra./.", "đã đề ra.")
    path = tmp_path / "sai.docx"
    path.write_bytes(data)
    result = check(path, output="json")
    assert result.exit_code == 0
    assert [(p["rule"], p["severity"]) for p in json.loads(result.stdout)["problems"]] == [("docx-margins", "warning")]
