"""The report on a plan's results (`kehoach render --doc bao-cao`), from the `ket_qua` block of the plan file."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from kehoach.errors import InputErrors
from kehoach.check.runner import check_docx
from kehoach.source.plan_file import read_plan_text
from kehoach.render.documents import KINDS, is_draft, render_document
from tools.templates.report import COLUMNS, STYLES, build
from kehoach.render.templates import shipped
from support import ROOT, docx_paragraphs

EXAMPLE = ROOT / "data" / "vi-du-bo-van-ban.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
HEADER = ["STT", "Nội dung", "Đơn vị chủ trì", "Kết quả", "Tình trạng", "Kinh phí đã chi (đồng)"]
LEAD = "Phòng Lao động TB&XH huyện"
ROWS = [
    ["1", "Phóng sự về công tác giảm nghèo trên địa bàn huyện", LEAD,
     "Đã xây dựng 02 phóng sự, phát sóng trên Đài Phát thanh - Truyền hình tỉnh.", "Đã hoàn thành", "16.000.000"],
    ["2", "Phát sóng tin, bài trên hệ thống truyền thanh huyện, xã", LEAD,
     "Đã phát sóng 36 tin, bài; còn 12 tin, bài phát sóng trong tháng 12.", "Đang thực hiện", "7.200.000"],
    ["3", "Đối thoại chính sách về giảm nghèo với cấp xã", LEAD,
     "Chuyển sang Quý I năm 2025 do trùng lịch bầu cử bổ sung.", "Chưa thực hiện", ""],
]
TOTAL = ["Tổng cộng"] * 5 + ["23.200.000"]  # python-docx repeats a merged cell once per column it spans
CITED = "Kế hoạch số 36/KH-UBND ngày 12/3/2024"
ORGAN = "Ủy ban nhân dân huyện Mường Ảng"


BAO_CAO = KINDS["bao-cao"]


def render(text: str = TEXT) -> bytes:
    loaded = read_plan_text(text, "ke-hoach.yaml")
    return render_document(BAO_CAO, loaded, shipped(BAO_CAO.template), is_draft(BAO_CAO, loaded.plan))


def paragraphs(data: bytes):
    return docx_paragraphs(data)


def body_texts(data: bytes) -> list[str]:
    """Each paragraph outside the tables, line breaks shown as "\\n"."""
    found = []
    for p in Document(io.BytesIO(data)).element.body.iterchildren(qn("w:p")):
        found.append("".join("\n" if e.tag == qn("w:br") else e.text or "" for e in p.iter(qn("w:t"), qn("w:br"))))
    return found


def table_rows(data: bytes) -> list[list[str]]:
    tables = Document(io.BytesIO(data)).tables
    assert len(tables) == 3  # header, the results, closing
    return [[cell.text for cell in row.cells] for row in tables[1].rows]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def where(text: str, needle: str, after: str = "") -> str:
    """ke-hoach.yaml:line:column of the first `needle` in `text` (of the text following `after`, if given)."""
    index = text.index(after + needle) + len(after)
    return f"ke-hoach.yaml:{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


@pytest.fixture(scope="module")
def report() -> bytes:
    return render()


# -- the text --------------------------------------------------------------------------------------

def test_the_report_text_around_its_table(report):
    assert body_texts(report) == [
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 36/KH-UBND", f"ngày 12/3/2024 của {ORGAN}", "",  # balanced lines
        "Kính gửi:\n- UBND tỉnh Điện Biên;\n- Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên.",
        f"Thực hiện {CITED} của {ORGAN} về tuyên truyền về giảm nghèo bền vững năm 2024 trên địa bàn huyện, {ORGAN}"
        " báo cáo kết quả thực hiện như sau:",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Đánh giá chung",
        "Các hoạt động tuyên truyền được triển khai kịp thời, đúng đối tượng; nhận thức của cán bộ và Nhân dân về"
        " chính sách giảm nghèo bền vững được nâng lên.",
        "2. Kết quả thực hiện các nhiệm vụ",
        "Bằng chữ: Hai mươi ba triệu hai trăm nghìn đồng.",
        "II. TỒN TẠI, HẠN CHẾ",
        "Hoạt động đối thoại chính sách chưa tổ chức được theo đúng thời gian của Kế hoạch.",
        "III. KIẾN NGHỊ",
        "Đề nghị Sở Lao động - Thương binh và Xã hội tỉnh tiếp tục hỗ trợ tài liệu truyền thông cho cấp xã.",
        f"Trên đây là Báo cáo kết quả thực hiện {CITED} của {ORGAN}./.",
    ]
    texts = [p.text for p in paragraphs(report)]
    assert texts[6:8] == ["Số: 410/BC-UBND", "Mường Ảng, ngày 16 tháng 12 năm 2024"]
    assert texts[-7:] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, LĐTBXH.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                          "PHÓ CHỦ TỊCH", "Đinh Văn Sơn"]


def test_one_row_per_activity_in_the_plans_order_and_the_total_spent(report):
    assert table_rows(report) == [HEADER, *ROWS, TOTAL]


def test_the_table_comes_after_part_one_and_before_the_amount_in_words(report):
    body = Document(io.BytesIO(report)).element.body
    children = [c for c in body.iterchildren(qn("w:p"), qn("w:tbl"))]
    table = [c for c in children if c.tag == qn("w:tbl")][1]
    before, after = children[children.index(table) - 1], children[children.index(table) + 1]
    text = lambda p: "".join(t.text or "" for t in p.iter(qn("w:t")))  # noqa: E731
    assert (text(before), text(after)) == ("2. Kết quả thực hiện các nhiệm vụ",
                                            "Bằng chữ: Hai mươi ba triệu hai trăm nghìn đồng.")


def test_without_assessment_shortcomings_or_amounts_the_parts_close_up():
    start = TEXT.index("  danh_gia_chung:")
    text = TEXT[:start] + TEXT[TEXT.index("  kien_nghi:"):]
    text = edit(text, "      kinh_phi: 16.000.000\n", "")
    text = edit(text, "      kinh_phi: 7.200.000\n", "")
    data = render(text)
    texts = body_texts(data)
    assert texts[6:9] == ["I. KẾT QUẢ THỰC HIỆN", "II. KIẾN NGHỊ",
                          "Đề nghị Sở Lao động - Thương binh và Xã hội tỉnh tiếp tục hỗ trợ tài liệu truyền thông cho"
                          " cấp xã."]
    assert not any(t.startswith(("1. ", "Bằng chữ")) for t in texts)
    assert table_rows(data) == [HEADER, *[row[:5] + [""] for row in ROWS]]


def test_a_report_without_addressee_goes_to_the_plans_recipients():
    text = edit(TEXT, """  kinh_gui:
    - UBND tỉnh Điện Biên
    - Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên
""", "")
    data = render(text)
    assert not any(t.startswith("Kính gửi") for t in body_texts(data))
    assert [p.text for p in paragraphs(data)][-8:-4] == [
        "- TT Huyện uỷ - TT HĐND huyện;", "- Lãnh đạo UBND huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT, LĐTBXH."]


def test_one_addressee_stands_on_the_line_of_kinh_gui():
    text = edit(TEXT, """  kinh_gui:
    - UBND tỉnh Điện Biên
    - Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên
""", "  kinh_gui: ubnd-xa\n")
    data = render(text)
    line = next(p for p in paragraphs(data) if p.text.startswith("Kính gửi"))
    assert (line.text, line.para.style_id, line.para.align, line.para.size, line.para.bold, line.para.italic) == (
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn", "KHKinhGui", "center", 14, False, False)


def test_the_clerk_can_write_summary_opening_closing_and_statuses_in_words():
    text = edit(TEXT, "ket_qua:\n  so: 410\n", """ket_qua:
  so: 410
  trich_yeu: Kết quả tuyên truyền về giảm nghèo năm 2024
  mo_dau: "Ủy ban nhân dân huyện báo cáo kết quả thực hiện Kế hoạch số 36/KH-UBND như sau:"
  ket_luan: Ủy ban nhân dân huyện Mường Ảng trân trọng báo cáo./.
""")
    text = edit(text, "      tinh_trang: da-xong\n", "      tinh_trang: Đã hoàn thành\n")
    texts = body_texts(render(text))
    assert texts[1:3] == ["Kết quả tuyên truyền về giảm nghèo năm 2024", ""]
    assert texts[4] == "Ủy ban nhân dân huyện báo cáo kết quả thực hiện Kế hoạch số 36/KH-UBND như sau:"
    assert texts[-1] == "Ủy ban nhân dân huyện Mường Ảng trân trọng báo cáo./."
    assert table_rows(render(text))[1][4] == "Đã hoàn thành"



def test_the_status_words_are_the_reports_sentences_and_a_block_rewords_them():
    """«Đã hoàn thành», … are sentences of the report (tinh-trang-<code>, data/kinds/ke-hoach.yaml): the words a clerk
    may write for a status by default, which the `ket_qua` block's `cau_chu` rewords."""
    from kehoach.kinds import catalog
    from kehoach.model.plan import STATUSES

    [spec] = catalog.derived("ket_qua")
    assert {code: spec.sentences[f"tinh-trang-{code}"] for code in STATUSES} == STATUSES
    text = edit(TEXT, "ket_qua:\n  so: 410\n", """ket_qua:
  so: 410
  cau_chu:
    tinh-trang-da-xong: Hoàn thành
    tinh-trang-chua-lam: Chưa triển khai
""")
    assert [row[4] for row in table_rows(render(text))[1:4]] == ["Hoàn thành", "Đang thực hiện", "Chưa triển khai"]

# -- the layout ------------------------------------------------------------------------------------

def test_the_rendered_report_passes_the_layout_checks_of_the_plan(report, tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(report)
    assert check_docx(path).problems == []
    one = tmp_path / "mot-noi.docx"
    one.write_bytes(render(edit(TEXT, "    - UBND tỉnh Điện Biên\n", "")))
    assert check_docx(one).problems == []


def test_a_summary_that_starts_with_ve_is_not_given_a_second_ve():
    text = TEXT.replace("trich_yeu: Tuyên truyền về giảm nghèo", "trich_yeu: Về tuyên truyền giảm nghèo", 1)
    assert (f"Thực hiện {CITED} của {ORGAN} về tuyên truyền giảm nghèo bền vững năm 2024 trên địa bàn huyện, {ORGAN}"
            " báo cáo kết quả thực hiện như sau:") in body_texts(render(text))


def test_kinh_gui_is_not_body_text_for_the_layout_checks(report, tmp_path):
    from kehoach.rules._docx import read

    path = tmp_path / "bao-cao.docx"
    path.write_bytes(report)
    ctx = read(path, "bao-cao.docx")
    assert [p.clean for p in ctx.addressee] == [
        "Kính gửi: - UBND tỉnh Điện Biên; - Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên."]
    assert ctx.body[0].clean.startswith("Thực hiện Kế hoạch số 36/KH-UBND")


def test_several_addressees_hang_under_the_colon_of_kinh_gui(report):
    from kehoach.render.measure import text_width

    line = next(p for p in paragraphs(report) if p.text.startswith("Kính gửi"))
    hang = text_width("Kính gửi", 14)
    assert (line.para.style_id, line.para.align, line.para.size, line.para.first_line, line.para.left) == (
        "KHKinhGuiNhieuNoi", "left", 14, -hang, 1701 + hang)


def test_table_cells_headers_and_amounts(report):
    document = Document(io.BytesIO(report))
    table = document.tables[1]
    paras = paragraphs(report)
    read = list(dict.fromkeys(p.table for p in paras if p.table is not None))[1]  # the same table, as check reads it
    rows = list(dict.fromkeys(p.cell.row for p in paras if p.table is read))
    assert [c.text for c in table.rows[1].cells] == [next(p for p in paras if p.cell is cell).text
                                                   for cell in rows[1].cells]
    looks = [(p.para.style_id, p.para.size, p.para.bold, p.para.align)
             for p in (next(p for p in paras if p.cell is cell) for cell in rows[1].cells)]  # each cell's first line
    assert looks == [("KHBangGiua", 12, False, "center"), ("KHBangChu", 12, False, "left"),
                     ("KHBangChu", 12, False, "left"), ("KHBangChu", 12, False, "left"),
                     ("KHBangGiua", 12, False, "center"), ("KHBangSo", 12, False, "right")]
    header = table.rows[0]._tr
    assert header.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None  # repeated on every page
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid"))]
    assert sum(widths) == 9355 and widths == [w for *_, w in COLUMNS]
    words = next(p for p in paras if p.text.startswith("Bằng chữ"))
    assert (words.para.italic, words.para.align, words.para.first_line) == (True, "both", 720)


# -- the template ----------------------------------------------------------------------------------

def test_committed_template_is_what_the_builder_makes(tmp_path):
    """templates/bao-cao.docx is regenerated on purpose only: run the builder and review the change."""
    build(tmp_path / "bao-cao.docx")
    assert (tmp_path / "bao-cao.docx").read_bytes() == (ROOT / "templates" / "bao-cao.docx").read_bytes()
    assert shipped(BAO_CAO.template) == (ROOT / "templates" / "bao-cao.docx").resolve()


def test_the_template_shares_the_plans_styles_and_names_its_own_in_vietnamese():
    from tools.templates.plan import STYLES as PLAN_STYLES

    with zipfile.ZipFile(shipped(BAO_CAO.template)) as z:
        styles = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
    known = {s.style_id for s in [*PLAN_STYLES, *STYLES]}
    assert all(f'w:styleId="{s}"' in styles for s in known)
    assert all(s.name.startswith("KH ") for s in STYLES)
    assert set(re.findall(r'w:pStyle w:val="([^"]+)"', document)) <= known


# -- mistakes in the block ---------------------------------------------------------------------------

def problems(text: str) -> list[str]:
    with pytest.raises(InputErrors) as error:
        read_plan_text(text, "ke-hoach.yaml")
    return [f"{e} [{e.rule}]" for e in error.value.errors]


def test_results_of_an_unknown_activity_are_reported_at_its_id():
    text = edit(TEXT, "    phat-song:\n      tinh_trang", "    phat-song-xa:\n      tinh_trang")
    text = edit(text, "    doi-thoai:\n      tinh_trang", "    noi-dung:\n      tinh_trang")
    text = edit(text, "  - muc: Nội dung thực hiện\n", "  - muc: Nội dung thực hiện\n    id: noi-dung\n")
    assert problems(text) == [
        f"{where(text, 'phat-song-xa')}: dẫn chiếu «phat-song-xa» không trỏ tới hoạt động nào; hãy dùng mã (id) của"
        " một hoạt động trong noi_dung, hoặc thêm id cho hoạt động đó (có phải «phat-song»?) [ref-undefined]",
        f"{where(text, 'noi-dung:' + chr(10) + '      tinh_trang')}: mã «noi-dung» không phải mã của một hoạt động; ket_qua.hoat_dong chỉ"
        " ghi kết quả của các hoạt động (hoat_dong) trong noi_dung [ref-undefined]",
    ]


@pytest.mark.parametrize(("written", "message"), [
    ("xong", "tình trạng «xong» không có; hãy ghi da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc chua-lam"
             " (Chưa thực hiện); có phải «da-xong»?"),
    ("tạm dừng", "tình trạng «tạm dừng» không có; hãy ghi da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc"
                 " chua-lam (Chưa thực hiện)"),
    ("dang lam", "tình trạng «dang lam» không có; hãy ghi da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc"
                 " chua-lam (Chưa thực hiện); có phải «dang-lam»?"),
    ("true", "cần một tình trạng: da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc chua-lam (Chưa thực"
             " hiện)"),
])
def test_a_status_is_one_of_three(written, message):
    text = edit(TEXT, "      tinh_trang: dang-lam\n", f"      tinh_trang: {written}\n")
    assert problems(text) == [f"{where(text, written, after='tinh_trang: ')}: {message} [schema-type]"]


def test_an_amount_spent_is_written_as_the_plans_amounts():
    text = edit(TEXT, "      kinh_phi: 7.200.000\n", "      kinh_phi: 7,200,000\n")
    assert problems(text) == [f"{where(text, '7,200,000')}: «7,200,000»: dấu phân cách hàng nghìn là dấu chấm; có"
                              " phải «7.200.000»? [schema-type]"]


def test_a_report_needs_the_organs_name_in_running_text():
    text = edit(TEXT, "    - ỦY BAN NHÂN DÂN\n    - HUYỆN MƯỜNG ẢNG\n", "    - PHÒNG VĂN HÓA - XÃ HỘI\n")
    assert problems(text) == [
        f"{where(text, 'so: 410')}: Báo cáo cần tên đầy đủ của cơ quan cho trích yếu «Kết quả thực hiện Kế hoạch"
        " số … của …»; hãy thêm khóa ten_day_du vào co_quan, ví dụ «ten_day_du: Sở Lao động - Thương binh và Xã hội"
        " tỉnh Điện Biên» [schema-type]"]


def test_every_activity_of_the_plan_needs_its_result():
    text = edit(TEXT, """    doi-thoai:
      tinh_trang: chua-lam
      ket_qua: Chuyển sang Quý I năm 2025 do trùng lịch bầu cử bổ sung.
""", "")
    text = edit(text, """    phong-su:
      tinh_trang: da-xong
      ket_qua: Đã xây dựng 02 phóng sự, phát sóng trên Đài Phát thanh - Truyền hình tỉnh.
      kinh_phi: 16.000.000
""", "")
    text = edit(edit(text, "        id: phong-su\n", ""), "[[phong-su]]", "1")
    with pytest.raises(InputErrors) as error:
        render(text)
    assert [str(e) for e in error.value.errors] == [
        f"{where(text, 'hoat_dong: Phóng sự')}: hoạt động «Phóng sự về công tác giảm nghèo trên địa bàn huyện» chưa"
        " có mã (id) nên chưa ghi được kết quả vào Báo cáo; hãy thêm id cho hoạt động này rồi ghi kết quả của nó vào"
        " ket_qua.hoat_dong",
        f"{where(text, 'hoat_dong: Đối thoại')}: hoạt động «Đối thoại chính sách về giảm nghèo với cấp xã» (mã"
        " doi-thoai) chưa có kết quả trong ket_qua.hoat_dong; hãy thêm «doi-thoai: {tinh_trang: …, ket_qua: …}» vào"
        " ket_qua.hoat_dong",
    ]


def test_references_in_the_report_are_checked_like_the_plans():
    text = edit(TEXT, "    - UBND tỉnh Điện Biên\n", "    - ubnd-tinh\n")
    text = edit(text, "      Các hoạt động tuyên truyền", "      Theo mục [[phong-sux]], các hoạt động tuyên truyền")
    assert problems(text) == [
        f"{where(text, 'ubnd-tinh')}: dẫn chiếu «ubnd-tinh» không trỏ tới đơn vị nào; hãy khai báo mã này trong don_vi"
        " (có phải «ubnd-xa»?) [ref-undefined]",
        f"{where(text, '[[phong-sux]]')}: dẫn chiếu [[phong-sux]] không trỏ tới mục, văn bản hay đơn vị nào; hãy dùng mã"
        " (id) của một mục, văn bản hoặc đơn vị đã khai báo (có phải «phong-su»?) [ref-undefined]",
    ]


# -- titles kehoach composes -------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "lines"), [
    # Between phrases, never inside «Chương trình» or «tuyên truyền», a number on the line of its «số», «ngày».
    ("Về việc ban hành Kế hoạch triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều\nthuộc Dự án"
     " 6 - Chương trình MTQG giảm nghèo bền vững\nnăm 2024 trên địa bàn huyện",
     ["Về việc ban hành Kế hoạch triển khai thực hiện Tiểu dự án 2:", "Truyền thông về giảm nghèo đa chiều",
      "thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững", "năm 2024 trên địa bàn huyện"]),
    ("Kết quả thực hiện Kế hoạch số 185/KH-UBND ngày 05/7/2024 của Ủy ban nhân dân huyện Mường Ảng",
     ["Kết quả thực hiện Kế hoạch số 185/KH-UBND", "ngày 05/7/2024 của Ủy ban nhân dân huyện Mường Ảng"]),
    ("Về việc ban hành Kế hoạch tuyên truyền về giảm nghèo bền vững năm 2024 trên địa bàn huyện",
     ["Về việc ban hành Kế hoạch tuyên truyền", "về giảm nghèo bền vững năm 2024 trên địa bàn huyện"]),
    # A comma may stand inside a set phrase («phòng, chống»): a line rather starts on a word that opens a phrase.
    ("Về việc ban hành Kế hoạch tuyên truyền phòng, chống thiên tai năm 2025",
     ["Về việc ban hành Kế hoạch tuyên truyền phòng, chống thiên tai", "năm 2025"]),
    ("Kết quả thực hiện năm 2024", ["Kết quả thực hiện năm 2024"]),
])
def test_a_composed_title_is_broken_between_phrases_as_a_clerk_would(title, lines):
    from kehoach import profiles
    from kehoach.render.measure import text_width
    from kehoach.render.wrap import balanced_lines

    assert balanced_lines(title, 14, bold=True) == lines
    assert all(text_width(line, 14, bold=True) <= profiles.load("nd30").text_width for line in lines)


def test_where_no_phrase_fits_a_title_breaks_anywhere_rather_than_overflow():
    from kehoach.render.wrap import balanced_lines

    words = " ".join(["Nghiêng"] * 12)
    lines = balanced_lines(words, 14, bold=True, width=3000)
    assert " ".join(lines) == words and len(lines) > 1
