"""The rendered 2024 plan against the ND30 layout rules (nd30.md §1–§6 and every row of §9)."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

from kehoach import profiles
from kehoach.render.measure import text_width
from support import docx_paragraphs, docx_records

ND30 = profiles.load("nd30")

TNR = ("Times New Roman",) * 4
BODY_INDENT = (567 - 34, 720 + 34)  # 1 cm or 1.27 cm, ±0.06 cm (§9)


def only(paras, predicate):
    found = [p for p in paras if predicate(p)]
    assert len(found) == 1, [p.text for p in found]
    return found[0]


def by_text(paras, text):
    return only(paras, lambda p: p.text == text)


def body_paragraphs(paras):
    """Paragraphs of the text proper: after the summary rule, before the closing table."""
    start = next(i for i, p in enumerate(paras) if p.text == "KẾ HOẠCH")
    out = [p for p in paras[start:] if not p.in_table and p.text and p.para.style_id not in ("KHTenLoai", "KHTrichYeu")]
    return out


def following(paras, para):
    return paras[paras.index(para) + 1]


def rule_length(rule, container_width):
    return container_width - rule.para.left - rule.para.right


# -- §1 page --------------------------------------------------------------------------------------

def test_page_is_a4_portrait_with_margins_in_range(rendered):
    sect = rendered.element.body.find(qn("w:sectPr"))
    size = sect.find(qn("w:pgSz"))
    assert abs(int(size.get(qn("w:w"))) - 11906) <= 60 and abs(int(size.get(qn("w:h"))) - 16838) <= 60
    assert size.get(qn("w:orient")) in (None, "portrait")
    margin = {k: int(sect.find(qn("w:pgMar")).get(qn(f"w:{k}"))) for k in ("top", "bottom", "left", "right", "gutter")}
    assert 1134 <= margin["top"] <= 1417
    assert 1134 <= margin["bottom"] <= 1417
    assert 1701 <= margin["left"] + margin["gutter"] <= 1984
    assert 850 <= margin["right"] <= 1134


def theme_font_attributes(document) -> list[str]:
    """Any theme-font attribute (w:asciiTheme, …) left in the styles or the document: each overrides Times."""
    return [k for root in (document.styles.element, document.element) for rfonts in root.iter(qn("w:rFonts"))
            for k in rfonts.attrib if k.endswith("Theme") or k.endswith("theme")]


def test_every_paragraph_is_times_new_roman_in_all_four_slots(rendered, paras):
    assert theme_font_attributes(rendered) == []
    wrong = [(p.text, p.para.fonts) for p in paras if p.text and p.para.fonts != TNR]
    assert wrong == []


def test_text_is_black(rendered):
    colours = {e.get(qn("w:val")) for root in (rendered.element, rendered.styles.element)
               for e in root.iter(qn("w:color"))}
    # Paragraph borders name their colour too; every colour in the document is black or automatic.
    assert colours <= {"auto", "000000"}


# -- §2 header block -------------------------------------------------------------------------------

def test_national_title_and_motto(paras):
    title = by_text(paras, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    look = title.para
    assert (look.size in (12, 13), look.bold, look.italic, look.align) == (True, True, False, "center")
    motto = by_text(paras, "Độc lập - Tự do - Hạnh phúc")
    assert (motto.para.size in (13, 14), motto.para.bold, motto.para.align) == (True, True, "center")


def test_rule_under_motto_is_as_long_as_the_motto(paras):
    motto = by_text(paras, "Độc lập - Tự do - Hạnh phúc")
    rule = following(paras, motto)
    assert "bottom" in rule.para.borders and rule.text == ""
    cell_width = ND30.header_columns[1] - 2 * ND30.tables.cell_margin.value
    expected = text_width(motto.text, motto.para.size, bold=True)
    assert abs(rule_length(rule, cell_width) - expected) <= 0.05 * expected


def test_organ_name_is_bold_upper_case_with_a_short_rule(paras):
    lines = [by_text(paras, "ỦY BAN NHÂN DÂN"), by_text(paras, "HUYỆN MƯỜNG ẢNG")]
    for line in lines:
        look = line.para
        assert (look.size in (12, 13), look.bold, look.italic, look.align) == (True, True, False, "center")
        assert line.text == line.text.upper()
    rule = following(paras, lines[-1])
    assert "bottom" in rule.para.borders and rule.text == ""
    longest = max(text_width(line.text, line.para.size, bold=True) for line in lines)
    cell_width = ND30.header_columns[0] - 2 * ND30.tables.cell_margin.value
    assert longest / 3 <= rule_length(rule, cell_width) <= longest / 2


def test_number_line(paras):
    number = only(paras, lambda p: p.text.startswith("Số:"))
    assert re.fullmatch(r"Số:\s*(\d{2,})?/KH-UBND", number.text)
    assert number.text == "Số: 185/KH-UBND"
    assert (number.para.size, number.para.bold, number.para.italic) == (13, False, False)


def test_place_and_date_follow_the_zero_rule_and_share_the_line_of_the_number(paras):
    date = only(paras, lambda p: ", ngày " in p.text)
    match = re.fullmatch(r"(?P<place>[^,]+), ngày (?P<d>\d{2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})", date.text)
    assert match and match["place"] == "Mường Ảng" and match["m"] == "7"
    assert (date.para.size in (13, 14), date.para.italic, date.para.bold) == (True, True, False)
    number = only(paras, lambda p: p.text.startswith("Số:"))
    assert number.cell.row is date.cell.row


def test_type_name_and_summary_are_centred_bold_with_a_short_rule(paras):
    kind = by_text(paras, "KẾ HOẠCH")
    assert (kind.para.size in (13, 14), kind.para.bold, kind.para.align) == (True, True, "center")
    summary = [p for p in paras if p.para.style_id == "KHTrichYeu"]
    assert [p.text for p in summary] == [
        "Triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều",
        "thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững",
        "năm 2024 trên địa bàn huyện",
    ]
    for line in summary:
        look = line.para
        assert (look.size in (13, 14), look.bold, look.italic, look.align) == (True, True, False, "center")
    rule = following(paras, summary[-1])
    assert "bottom" in rule.para.borders and rule.text == ""
    longest = max(text_width(p.text, p.para.size, bold=True) for p in summary)
    assert longest / 3 <= rule_length(rule, ND30.text_width) <= longest / 2


def test_header_and_closing_tables_have_two_columns_and_no_borders(rendered):
    tables = rendered.element.body.findall(qn("w:tbl"))
    assert len(tables) == 2
    for tbl in tables:
        assert len(tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))) == 2
        assert tbl.find(qn("w:tblPr") + "/" + qn("w:tblStyle")) is None
        borders = tbl.find(qn("w:tblPr") + "/" + qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"nil"}
        assert list(tbl.iter(qn("w:tcBorders"))) == []
        for tc in tbl.iter(qn("w:tc")):  # every cell carries its width, or LibreOffice ignores them
            assert tc.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:type")) == "dxa"


# -- §3 body -------------------------------------------------------------------------------------

def test_bases_are_italic_each_ending_with_a_semicolon_the_last_with_a_full_stop(paras):
    bases = [p for p in paras if p.para.style_id == "KHCanCu"]
    assert len(bases) == 9 and all(b.text.startswith("Căn cứ ") for b in bases)
    for basis in bases:
        assert basis.para.italic and not basis.para.bold and basis.para.size in (13, 14) and basis.para.align == "both"
        assert BODY_INDENT[0] <= basis.para.first_line <= BODY_INDENT[1]
    assert [b.text[-1] for b in bases] == [";"] * 8 + ["."]


def test_body_is_justified_14pt_with_first_line_indent_and_spacing(paras):
    body = body_paragraphs(paras)
    assert len(body) > 50
    for p in body:
        assert p.para.size in (13, 14), p.text
        assert p.para.align == "both", p.text
        assert BODY_INDENT[0] <= p.para.first_line <= BODY_INDENT[1], p.text
        assert p.para.before + p.para.after >= 120, p.text
        assert p.para.line_rule in (None, "auto") and 240 <= (p.para.line or 240) <= 360, p.text


def test_part_headings_are_bold_upper_case(paras):
    headings = [p for p in paras if re.match(r"^[IVX]+\. ", p.text)]
    assert [h.text for h in headings] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN THỰC HIỆN", "III. NỘI DUNG THỰC HIỆN",
        "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN",
    ]
    assert all(h.para.bold and not h.para.italic for h in headings)


def test_titled_sections_are_bold_and_points_and_bullets_upright(paras):
    assert by_text(paras, "1. Mục đích").para.bold
    point = by_text(paras, "a) Phạm vi thực hiện: Trên phạm vi toàn huyện.")
    assert not point.para.bold and not point.para.italic
    bullet = only(paras, lambda p: p.text.startswith("- Tuyên truyền, phổ biến"))
    assert not bullet.para.bold and not bullet.para.italic


def test_last_body_paragraph_ends_with_the_end_mark(paras):
    assert body_paragraphs(paras)[-1].text.endswith("./.")


# -- §4 signature, §5 recipients -----------------------------------------------------------------------

def test_recipients(paras):
    label = by_text(paras, "Nơi nhận:")
    assert (label.para.size, label.para.bold, label.para.italic, label.para.align) == (12, True, True, "left")
    items = [p for p in paras if p.para.style_id == "KHNoiNhanMuc"]
    assert [p.text for p in items] == [
        "- TT Huyện uỷ - TT HĐND huyện;", "- Lãnh đạo UBND huyện;",
        "- BCĐ thực hiện các Chương trình MTQG giai đoạn 2021-2025 huyện;", "- UBND các xã, thị trấn;",
        "- Lưu: VT, LĐTBXH.",
    ]
    for item in items:
        assert (item.para.size, item.para.bold, item.para.italic) == (11, False, False)
    assert re.fullmatch(r"- Lưu: VT, .+\.", items[-1].text)


def test_signature_block(paras):
    lines = [by_text(paras, t) for t in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")]
    for line in lines:
        look = line.para
        assert (look.size in (13, 14), look.bold, look.italic, look.align) == (True, True, False, "center")
    name = by_text(paras, "Đinh Văn Sơn")
    assert (name.para.size in (13, 14), name.para.bold, name.para.align) == (True, True, "center")
    assert name.para.before >= 3 * 14 * 20  # room for the signature and the seal: at least three lines


def test_recipients_and_signer_share_the_top_of_one_row_that_never_splits(rendered, paras):
    label = by_text(paras, "Nơi nhận:")
    signer = by_text(paras, "TM. ỦY BAN NHÂN DÂN")
    row = label.cell.row
    assert row is signer.cell.row and row.cells == [label.cell, signer.cell]  # the row's two cells, in this order
    assert [label, signer] == [next(p for p in paras if p.cell is cell) for cell in row.cells]  # each at its top
    # The records keep no row properties: «never split» is read in the XML, in the row whose first cell starts with
    # «Nơi nhận:» (the records above say it is the label's and the signer's row).
    [xml_row] = [tr for tr in rendered.element.body.iter(qn("w:tr"))
                 if next(tr.iter(qn("w:t"))).text == "Nơi nhận:"]
    assert xml_row.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None


# -- §6 page numbers ------------------------------------------------------------------------------

def test_page_numbers_centred_at_the_top_from_page_two(rendered, rendered_bytes):
    section = rendered.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header._element
    fields = [f.get(qn("w:instr")).strip() for f in header.iter(qn("w:fldSimple"))]
    instr = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert "PAGE" in fields or "PAGE" in instr
    [read] = docx_records(rendered_bytes).sections  # what kehoach check reads of the same header
    assert read.title_page
    number = read.story("header", "default").paragraphs[0]
    assert read.story("header", "default").page_number is number
    assert read.story("header", "first").page_number is None
    look = number.para
    assert (look.align, look.size in (13, 14), look.bold, look.italic) == ("center", True, False, False)
    first = section.first_page_header._element
    assert list(first.iter(qn("w:fldSimple"))) == [] and list(first.iter(qn("w:instrText"))) == []


@pytest.mark.parametrize("value", [ND30.page.margin_top, ND30.page.margin_bottom, ND30.page.margin_left,
                                   ND30.page.margin_right, ND30.body.first_line_indent, ND30.body.line_spacing,
                                   ND30.rules.short])
def test_chosen_layout_numbers_lie_in_the_decree_ranges(value):
    assert value.low <= value.chosen <= value.high


@pytest.mark.parametrize("layout", ["nd30", "hd36"])
def test_part_headings_are_centred_bold_lines_of_their_own(tmp_path, layout):
    """«Phần thứ nhất» and the part's title under it: each on its own line, bold, centred, no first-line indent
    (ND30 Phụ lục I, II.6.đ and V(b)); the real commune plan of tests/real uses them; its .docx checks clean."""
    from pathlib import Path

    from kehoach import api
    from kehoach.problems import Severity

    source = Path(__file__).parent / "real" / "05b_CatVan_14-KH-UBND-2019_commune.yaml"
    text = source.read_text(encoding="utf-8")
    if layout == "hd36":
        text = text.replace("\nso: 14\n", "\nso: 14\nthe_thuc: hd36\n", 1).replace("TM. ", "T/M ")
    data = tmp_path / "ke-hoach.yaml"
    data.write_text(text, encoding="utf-8")
    output = tmp_path / "ke-hoach.docx"
    api.render(data, output)
    paras = docx_paragraphs(output)
    size = profiles.load(layout).sizes.part_heading.value
    word = by_text(paras, "Phần thứ nhất")
    title = following(paras, word)
    assert title.text.startswith("TÌNH HÌNH HỘ NGHÈO, HỘ CẬN NGHÈO")
    for p in (word, title):
        look = p.para
        assert (look.style_id, look.align, look.bold, look.italic, look.size, look.first_line) == (
            "KHPhan", "center", True, False, size, 0), p.text
    [report] = api.check([output])
    assert [str(p) for p in report.problems if p.rule == "docx-body"] == []
    assert not [p for p in report.problems if p.severity is Severity.ERROR and layout == "nd30"]
