"""The Phụ lục of tasks (ND30 Phụ lục I, III.1): a landscape section with its own page numbers."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from kehoach import profiles
from kehoach.errors import InputError, InputErrors
from kehoach.model.plan import Organ
from kehoach.source.plan_file import read_plan_text
from kehoach.render.docx_writer import render_bytes
from kehoach.render.measure import text_width
from kehoach.render.templates import kind_template
from support import ROOT, render_text

ND30 = profiles.load("nd30")

EXAMPLE = ROOT / "data" / "vi-du-phu-luc.yaml"
HEADER = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian", "Kinh phí (đồng)"]
REFERENCE = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 14 tháng 3 năm 2025 của Ủy ban nhân dân xã Nậm Lịch)"
POINTER = "(Chi tiết tại Phụ lục kèm theo Kế hoạch này)"


@pytest.fixture(scope="module")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(example_text):
    return render_text(example_text)


def texts(document) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def paragraph(document, text: str):
    found = [p for p in document.paragraphs if p.text == text]
    assert len(found) == 1, text
    return found[0]


def look(p) -> tuple:
    """Size, bold, italic and alignment of a paragraph, from its style chain (the template sets no direct format)."""
    style, size, bold, italic, align = p.style, None, None, None, None
    while style is not None:
        size = size or style.font.size
        bold = style.font.bold if bold is None else bold
        italic = style.font.italic if italic is None else italic
        align = style.paragraph_format.alignment if align is None else align
        style = style.base_style
    return size.pt, bool(bold), bool(italic), align


def task_table(document):
    tables = document.tables
    assert len(tables) == 3  # header, closing, and the Phụ lục
    return tables[2]


# -- the table ------------------------------------------------------------------------------------

def test_table_rows_are_the_activities_with_their_units_periods_and_amounts(document):
    rows = [[cell.text for cell in row.cells] for row in task_table(document).rows]
    assert rows == [
        HEADER,
        ["1", "Phát thanh trên hệ thống loa", "Công chức Văn hóa - Xã hội xã", "Đài Truyền thanh xã",
         "Trưởng các bản", "Tháng 5 năm 2025", "1.250.000"],
        ["2", "In và phát tờ rơi đến các hộ gia đình", "Công chức Văn hóa - Xã hội xã",
         "Công chức Văn hóa - Xã hội xã", "Trưởng các bản; Ban Chỉ huy Quân sự xã", "Tháng 5 - 6 năm 2025",
         "2.500.000"],
        ["3", "Diễn tập ứng phó lũ quét tại bản Nậm Lịch", "Ban Chỉ huy Quân sự xã",
         "Ban Chỉ huy Quân sự xã; Trưởng các bản", "Công chức Văn hóa - Xã hội xã", "Quý III năm 2025",
         "15.000.000"],
        ["4", "Họp bản", "Trưởng các bản", "Trưởng các bản", "", "Hằng tháng", ""],
        # python-docx repeats a merged cell's text in each grid column it spans
        ["Tổng cộng"] * 6 + ["18.750.000"],
    ]


def test_the_total_is_also_written_in_words_in_italic(document):
    words = paragraph(document, "Bằng chữ: Mười tám triệu bảy trăm năm mươi nghìn đồng")
    assert look(words)[2] is True
    assert words._p.getprevious().tag == qn("w:tbl")


def test_table_has_borders_a_repeated_header_row_and_amounts_on_the_right(document):
    table = task_table(document)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {(b.tag.split("}")[1], b.get(qn("w:val"))) for b in borders} == {
        (side, "single") for side in ("top", "left", "bottom", "right", "insideH", "insideV")}
    header, *tasks, total = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in tasks + [total])
    for cell in header.cells:
        assert look(cell.paragraphs[0])[1:] == (True, False, WD_ALIGN_PARAGRAPH.CENTER)
    for row in tasks:
        number, content, *_, amount = row.cells
        assert look(number.paragraphs[0])[3] == WD_ALIGN_PARAGRAPH.CENTER
        assert look(content.paragraphs[0])[3] == WD_ALIGN_PARAGRAPH.LEFT
        assert look(amount.paragraphs[0])[0] == ND30.sizes.table.value
        assert look(amount.paragraphs[0])[3] == WD_ALIGN_PARAGRAPH.RIGHT
    label, amount = total._tr.findall(qn("w:tc"))
    assert label.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "6"
    assert look(total.cells[-1].paragraphs[0])[1:] == (True, False, WD_ALIGN_PARAGRAPH.RIGHT)
    widths = [int(w.get(qn("w:w"))) for w in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths == list(ND30.appendix_columns) and sum(widths) == ND30.appendix_text_width


# -- the heading -----------------------------------------------------------------------------------

def test_heading_lines_as_nd30_III_1(document):
    label = paragraph(document, "Phụ lục")
    assert look(label) == (14, True, False, WD_ALIGN_PARAGRAPH.CENTER)
    title = paragraph(document, "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH")
    size, bold, italic, align = look(title)
    assert (size in (13, 14), bold, italic, align) == (True, True, False, WD_ALIGN_PARAGRAPH.CENTER)
    reference = paragraph(document, REFERENCE)
    size, bold, italic, align = look(reference)
    assert (size in (13, 14), bold, italic, align) == (True, False, True, WD_ALIGN_PARAGRAPH.CENTER)
    order = [p.text for p in document.paragraphs]
    start = order.index("Phụ lục")
    assert order[start:start + 4] == ["Phụ lục", title.text, REFERENCE, ""]


def test_a_short_rule_under_the_reference_line_measured_in_the_landscape_page(document):
    reference = paragraph(document, REFERENCE)
    rule = reference._p.getnext()
    assert rule.pPr.pStyle.val == "KHDuongKeNgan"
    ind = rule.pPr.find(qn("w:ind"))
    length = ND30.appendix_text_width - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))
    line = text_width(REFERENCE, 14, bold=False)
    assert line / 3 <= length <= line / 2
    assert int(ind.get(qn("w:left"))) == int(ind.get(qn("w:right")))  # centred on the line


def test_the_title_can_be_given(example_text):
    text = example_text.replace("phu_luc: true", "phu_luc:\n  tieu_de: Các hoạt động tuyên truyền năm 2025")
    assert "CÁC HOẠT ĐỘNG TUYÊN TRUYỀN NĂM 2025" in texts(render_text(text))
    text = example_text.replace("phu_luc: true", "phu_luc: Các hoạt động năm 2025")
    assert "CÁC HOẠT ĐỘNG NĂM 2025" in texts(render_text(text))


def test_the_default_title_names_the_documents_type(example_text):
    text = example_text.replace("so: 12\n", "loai: Chương trình\nso: 12\n", 1)
    titles = [t for t in texts(render_text(text)) if t.startswith("DANH MỤC")]
    assert titles == ["DANH MỤC NHIỆM VỤ THỰC HIỆN CHƯƠNG TRÌNH"]


def test_a_draft_leaves_number_day_and_month_blank(example_text):
    text = example_text.replace("so: 12\nngay: 14/3/2025\n", "nam: 2025\n")
    blank = " " * 8
    assert (f"(Kèm theo Kế hoạch số {blank}/KH-UBND ngày{blank}tháng{blank}năm 2025 của Ủy ban nhân dân xã"
            " Nậm Lịch)") in texts(render_text(text))


# -- the section -----------------------------------------------------------------------------------

def test_the_appendix_is_a_landscape_section_numbered_from_one(document):
    plan_section, appendix = document.sections
    assert plan_section.orientation == WD_ORIENT.PORTRAIT and plan_section.page_width == 11906 * 635
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert (appendix.page_width, appendix.page_height) == (16838 * 635, 11906 * 635)
    assert [m // 635 for m in (appendix.top_margin, appendix.bottom_margin, appendix.left_margin,
                               appendix.right_margin)] == [1134, 1134, 1701, 850]
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert plan_section._sectPr.find(qn("w:pgNumType")) is None  # the Kế hoạch keeps counting from 1
    # The section starts on a new page: the break ends the Kế hoạch right after its signature table.
    assert appendix.start_type == 2  # WD_SECTION.NEW_PAGE
    assert plan_section._sectPr.getparent().getparent().getprevious().tag == qn("w:tbl")


def test_appendix_pages_show_their_number_at_the_top_from_the_second_page(document):
    plan_section, appendix = document.sections
    assert appendix.different_first_page_header_footer
    header = appendix.header
    assert not header.is_linked_to_previous
    assert header.part is not plan_section.header.part  # its own numbering, not the plan's header
    fields = [f.get(qn("w:instr")).strip() for f in header._element.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE"]
    assert header.paragraphs[0].style.name == "KH Số trang"
    assert list(appendix.first_page_header._element.iter(qn("w:fldSimple"))) == []


def test_the_body_points_to_the_appendix_at_the_end_of_the_activities_part(document):
    order = texts(document)
    assert order.count(POINTER) == 1
    assert order[order.index(POINTER) + 1] == "III. TỔ CHỨC THỰC HIỆN"
    pointer = paragraph(document, POINTER)
    assert pointer.style.style_id == "KHNoiDung"


def test_amounts_in_the_body_are_grouped_with_dots(document):
    order = texts(document)
    assert "- Kinh phí: 1.250.000 đồng." in order
    assert "- Kinh phí: 2.500.000 đồng." in order
    assert "- Kinh phí: 15.000.000 đồng." in order


def test_without_any_amount_there_is_no_total(example_text):
    text = "\n".join(line for line in example_text.splitlines() if "kinh_phi:" not in line)
    document = render_text(text)
    rows = [[cell.text for cell in row.cells] for row in task_table(document).rows]
    assert len(rows) == 5 and rows[-1][0] == "4" and not any(r[-1] for r in rows[1:])
    assert not any(t.startswith("Bằng chữ") for t in texts(document))
    assert len(document.sections) == 2 and document.sections[1].orientation == WD_ORIENT.LANDSCAPE


# -- the 2024 plan without phu_luc --------------------------------------------------------------------

def test_a_plan_without_phu_luc_has_one_portrait_section_and_no_appendix(rendered, rendered_bytes):
    assert len(rendered.sections) == 1 and len(rendered.tables) == 2
    assert rendered.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert not any(t.startswith(("Phụ lục", "(Kèm theo", "(Chi tiết tại Phụ lục", "Bằng chữ")) for t in texts(rendered))
    with zipfile.ZipFile(io.BytesIO(rendered_bytes)) as z:  # the Phụ lục's headers are not carried along
        assert sorted(n for n in z.namelist() if n.startswith("word/header")) == ["word/header1.xml",
                                                                                  "word/header2.xml"]
        assert "word/footnotes.xml" not in z.namelist()


def test_rendering_with_an_appendix_is_byte_identical(example_text):
    loaded = read_plan_text(example_text, "ke-hoach.yaml")
    first = render_bytes(loaded.plan, kind_template(), loaded.refs)
    assert render_bytes(loaded.plan, kind_template(), loaded.refs) == first


def test_a_template_without_the_appendix_part_is_refused_rather_than_dropping_it(example_text, tmp_path):
    template = tmp_path / "mau-cu.docx"
    old = Document()
    old.add_paragraph("{{ doc_type }}")
    old.save(template)
    loaded = read_plan_text(example_text, "ke-hoach.yaml")
    with pytest.raises(InputError) as error:
        render_bytes(loaded.plan, template, loaded.refs)
    assert error.value.message.startswith("mẫu Word không có phần Phụ lục nên bảng Phụ lục (khóa phu_luc)"
                                          " không được in; hãy dùng mẫu mặc định templates/ke-hoach.docx")


# -- data errors -------------------------------------------------------------------------------------

def problems(text: str) -> list[str]:
    with pytest.raises(InputErrors) as error:
        read_plan_text(text, "ke-hoach.yaml")
    return [str(e) for e in error.value.errors]


def where(text: str, needle: str) -> str:
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    return f"ke-hoach.yaml:{line}:{index - text.rfind(chr(10), 0, index)}"


@pytest.mark.parametrize(("written", "message"), [
    ("1,250,000", "«1,250,000»: dấu phân cách hàng nghìn là dấu chấm; có phải «1.250.000»?"),
    ("1.250.000,50", "«1.250.000,50»: kinh phí tính bằng đồng, không có phần lẻ sau dấu phẩy; hãy bỏ phần lẻ"),
    ("15 triệu đồng", "«15 triệu đồng» không phải số tiền; hãy viết số đồng bằng chữ số, ví dụ 1.250.000 hoặc"
                      " 1.250.000 đồng"),
    ("-5", "số tiền không được âm"),
])
def test_a_wrong_amount_is_reported_at_its_place(example_text, written, message):
    text = example_text.replace("kinh_phi: 1.250.000", f"kinh_phi: {written}")
    assert problems(text) == [f"{where(text, written)}: {message}"]


def test_appendix_without_activities_is_refused(example_text):
    start = example_text.index("  - muc: Nội dung thực hiện")
    end = example_text.index("  - muc: Tổ chức thực hiện")
    text = example_text[:start] + example_text[end:]
    text = text.replace(" [[phat-thanh]] Phần [[noi-dung]]", "")
    assert problems(text) == [f"{where(text, 'true')}: kế hoạch chưa có hoạt động nào (hoat_dong) để lập bảng"
                              " Phụ lục; hãy thêm hoạt động hoặc bỏ khóa phu_luc"]


def test_an_organ_whose_name_cannot_be_derived_needs_ten_day_du(example_text):
    old = "  ten:\n    - ỦY BAN NHÂN DÂN\n    - XÃ NẬM LỊCH\n"
    assert example_text.count(old) == 1
    text = example_text.replace(old, "  ten: [PHÒNG VĂN HÓA - XÃ HỘI]\n")
    assert problems(text) == [
        f"{where(text, 'true')}: Phụ lục cần tên đầy đủ của cơ quan cho dòng"
        " «(Kèm theo … của …)»; hãy thêm khóa ten_day_du vào co_quan, ví dụ «ten_day_du: Sở Lao động - Thương binh"
        " và Xã hội tỉnh Điện Biên»"]
    text = text.replace("  dia_danh: Nậm Lịch\n", "  dia_danh: Nậm Lịch\n  ten_day_du: Phòng Văn hóa - Xã hội\n")
    assert "(Kèm theo Kế hoạch số 12/KH-UBND ngày 14 tháng 3 năm 2025 của Phòng Văn hóa - Xã hội)" in texts(
        render_text(text))


@pytest.mark.parametrize(("lines", "place", "name"), [
    (["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"], "Mường Ảng", "Ủy ban nhân dân huyện Mường Ảng"),
    (["UỶ BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"], "Điện Biên", "Ủy ban nhân dân tỉnh Điện Biên"),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    (["ỦY BAN NHÂN DÂN", "THỊ TRẤN MƯỜNG ẢNG"], "Mường Ảng", "Ủy ban nhân dân thị trấn Mường Ảng"),
    (["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"], "Điện Biên", None),
    (["SỞ TÀI CHÍNH"], "Điện Biên", None),
])
def test_running_name_of_a_peoples_committee(lines, place, name):
    organ = Organ.model_validate({"ten": lines, "viet_tat": "UBND", "dia_danh": place})
    assert organ.running_name == name


def test_the_example_plan_fits_the_json_schema_editors_use(example_text):
    jsonschema = pytest.importorskip("jsonschema")
    import json

    import yaml
    from support import invoke

    schema = json.loads(invoke(["schema"]).stdout)
    jsonschema.validate(yaml.safe_load(example_text), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(example_text.replace("phu_luc: true", "phu_luc: [1]")), schema)
