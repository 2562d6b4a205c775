import io
import zipfile

import pytest
from lxml import etree
from support import ROOT
from test_docx_context import DOCUMENT, W, findings, rewrite

from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from kehoach.source.plan_file import read_plan

RULE = "docx-page-number"
DEFAULT_HEADER = "word/header1.xml"  # the header of pages 2 on (rId9, w:type="default")
FIRST_HEADER = "word/header2.xml"


def field_paragraph(root):
    return next(p for p in root.iter(W + "p") if p.find(W + "fldSimple") is not None)


def test_the_rendered_plan_numbers_its_pages_from_page_two(tmp_path, rendered_bytes):
    header = zipfile.ZipFile(io.BytesIO(rendered_bytes)).read(DEFAULT_HEADER)
    assert b'w:instr=" PAGE "' in header
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_complex_page_field_counts_too(tmp_path, rendered_bytes):
    def change(root):
        p = field_paragraph(root)
        p.remove(p.find(W + "fldSimple"))
        for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText> PAGE </w:instrText></w:r>',
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>2</w:t></w:r>",
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
            p.append(etree.fromstring(xml.replace("<w:r>", f'<w:r xmlns:w="{W[1:-1]}">', 1)))
    assert findings(tmp_path, rewrite(rendered_bytes, change, DEFAULT_HEADER), RULE) == []


def test_no_page_numbers(tmp_path, rendered_bytes):
    def change(root):
        p = field_paragraph(root)
        p.remove(p.find(W + "fldSimple"))
    assert findings(tmp_path, rewrite(rendered_bytes, change, DEFAULT_HEADER), RULE) == [
        (None, "văn bản chưa đánh số trang; Nghị định 30 quy định số trang canh giữa ở phần lề trên (Header), từ trang "
               "2")]


def test_not_centred_and_too_small(tmp_path, rendered_bytes):
    def change(root):
        p = field_paragraph(root)
        p.find(W + "pPr").append(etree.fromstring(f'<w:jc xmlns:w="{W[1:-1]}" w:val="right"/>'))
        run = p.find(W + "fldSimple").find(W + "r")
        run.insert(0, etree.fromstring(f'<w:rPr xmlns:w="{W[1:-1]}"><w:sz w:val="24"/></w:rPr>'))
    assert findings(tmp_path, rewrite(rendered_bytes, change, DEFAULT_HEADER), RULE) == [
        (None, "số trang chưa canh giữa; Nghị định 30 quy định số trang canh giữa ở phần lề trên"),
        (None, "số trang cỡ chữ 12 pt; Nghị định 30 quy định số trang cỡ 13–14 pt"),
    ]


def test_a_number_on_the_first_page_without_different_first_page(tmp_path, rendered_bytes):
    def change(root):
        title_page = next(root.iter(W + "titlePg"))
        title_page.getparent().remove(title_page)
    assert findings(tmp_path, rewrite(rendered_bytes, change), RULE) == [
        (None, "trang đầu cũng hiện số trang; Nghị định 30 quy định không hiển thị số trang thứ nhất: hãy bật "
               "«Different First Page» (Trang đầu khác)")]


def test_a_number_in_the_first_page_header(tmp_path, rendered_bytes):
    def change(root):
        p = root.find(W + "p")
        p.append(etree.fromstring(f'<w:fldSimple xmlns:w="{W[1:-1]}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                                  "</w:fldSimple>"))
    assert findings(tmp_path, rewrite(rendered_bytes, change, FIRST_HEADER), RULE) == [
        (None, "đầu trang của trang 1 có số trang; Nghị định 30 quy định không hiển thị số trang thứ nhất")]


# -- every section: a plan with a Phụ lục renders it in a landscape section of its own ----------------------

REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@pytest.fixture(scope="module")
def appendix_bytes() -> bytes:
    loaded = read_plan(ROOT / "data" / "vi-du-phu-luc.yaml")
    return render_bytes(loaded.plan, kind_template("Kế hoạch", loaded.plan.layout_id), loaded.refs)


def header_of(data: bytes, section: int, kind: str = "default") -> str:
    """The part name of the header of `kind` that section `section` (from 0) names, read straight from the XML."""
    package = zipfile.ZipFile(io.BytesIO(data))
    sections = list(etree.fromstring(package.read(DOCUMENT)).iter(W + "sectPr"))
    reference = next(r for r in sections[section].findall(W + "headerReference") if r.get(W + "type") == kind)
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    return "word/" + next(r.get("Target") for r in rels if r.get("Id") == reference.get(REL))


def test_the_rendered_appendix_numbers_its_own_pages(tmp_path, appendix_bytes):
    appendix_header = header_of(appendix_bytes, 1)
    assert appendix_header != header_of(appendix_bytes, 0)
    assert b'w:instr=" PAGE "' in zipfile.ZipFile(io.BytesIO(appendix_bytes)).read(appendix_header)
    assert findings(tmp_path, appendix_bytes, RULE) == []


def test_an_appendix_without_page_numbers(tmp_path, appendix_bytes):
    def change(root):
        p = field_paragraph(root)
        p.remove(p.find(W + "fldSimple"))
    data = rewrite(appendix_bytes, change, header_of(appendix_bytes, 1))
    assert findings(tmp_path, data, RULE) == [
        (None, "phần thứ 2 (section) của văn bản: văn bản chưa đánh số trang; Nghị định 30 quy định số trang canh "
               "giữa ở phần lề trên (Header), từ trang 2")]


def test_an_appendix_page_number_not_centred_says_which_section(tmp_path, appendix_bytes):
    def change(root):
        field_paragraph(root).find(W + "pPr").append(etree.fromstring(f'<w:jc xmlns:w="{W[1:-1]}" w:val="left"/>'))
    data = rewrite(appendix_bytes, change, header_of(appendix_bytes, 1))
    assert findings(tmp_path, data, RULE) == [
        (None, "phần thứ 2 (section) của văn bản: số trang chưa canh giữa; Nghị định 30 quy định số trang canh giữa ở "
               "phần lề trên")]


def test_a_header_the_appendix_takes_from_the_text_is_one_finding(tmp_path, appendix_bytes):
    """An appendix section naming no header of its own shows the one before it («Link to Previous»): a fault in it
    is one finding, on the whole document."""
    def unlink(root):
        appendix = list(root.iter(W + "sectPr"))[1]
        for reference in appendix.findall(W + "headerReference"):
            appendix.remove(reference)
        appendix.remove(appendix.find(W + "pgNumType"))  # numbered on from the text: its first page shows a number

    def not_centred(root):
        field_paragraph(root).find(W + "pPr").append(etree.fromstring(f'<w:jc xmlns:w="{W[1:-1]}" w:val="right"/>'))
    data = rewrite(rewrite(appendix_bytes, unlink), not_centred, DEFAULT_HEADER)
    assert findings(tmp_path, data, RULE) == [
        (None, "phần thứ 2 (section) của văn bản: trang đầu của phần này không có số trang: đã bật «Different First "
               "Page» (Trang đầu khác) mà đầu trang của trang đầu (First Page Header) chưa có số trang, và phần này "
               "đánh số trang tiếp theo phần trước; Nghị định 30 chỉ không hiển thị số trang của trang thứ nhất"),
        (None, "số trang chưa canh giữa; Nghị định 30 quy định số trang canh giữa ở phần lề trên"),
    ]


def test_an_appendix_starting_again_from_one_may_hide_its_first_number(tmp_path, appendix_bytes):
    def unlink_first(root):  # its first page shows the text's first-page header (blank): fine, numbering restarts
        appendix = list(root.iter(W + "sectPr"))[1]
        appendix.remove(next(r for r in appendix.findall(W + "headerReference") if r.get(W + "type") == "first"))
    assert findings(tmp_path, rewrite(appendix_bytes, unlink_first), RULE) == []


def test_the_appendix_header_font_is_checked_too(tmp_path, appendix_bytes):
    def arial(root):
        run = field_paragraph(root).find(W + "fldSimple").find(W + "r")
        run.insert(0, etree.fromstring(f'<w:rPr xmlns:w="{W[1:-1]}"><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                                       "</w:rPr>"))
    data = rewrite(appendix_bytes, arial, header_of(appendix_bytes, 1))
    assert findings(tmp_path, data, "docx-font") == [
        (None, "phần thứ 2 (section) của văn bản: đầu trang (Header) «2»: phông chữ Arial; Nghị định 30 quy định phông "
               "Times New Roman (Unicode)")]
    assert findings(tmp_path, data, RULE) == []


def test_sections_sharing_a_header_are_named_together(tmp_path, appendix_bytes):
    """A third section after the appendix names no header: it shows the appendix's («Link to Previous»), so a
    header without the number is one finding naming both sections."""
    def third_section(root):
        body = root.find(W + "body")
        appendix = list(root.iter(W + "sectPr"))[1]  # the body's last: the appendix's
        breaking = etree.SubElement(body, W + "p")
        body.remove(breaking)
        appendix.addprevious(breaking)
        own = etree.SubElement(etree.SubElement(breaking, W + "pPr"), W + "sectPr")
        for child in appendix:
            own.append(etree.fromstring(etree.tostring(child)))  # the appendix's own properties, headers included
        for reference in appendix.findall(W + "headerReference"):
            appendix.remove(reference)  # the new last section: it shows the appendix's headers

    def no_number(root):
        p = field_paragraph(root)
        p.remove(p.find(W + "fldSimple"))
    data = rewrite(rewrite(appendix_bytes, third_section), no_number, header_of(appendix_bytes, 1))
    assert findings(tmp_path, data, RULE) == [
        (None, "phần thứ 2, 3 (section) của văn bản: văn bản chưa đánh số trang; Nghị định 30 quy định số trang canh "
               "giữa ở phần lề trên (Header), từ trang 2")]


def test_many_sections_are_counted_beyond_five():
    from kehoach.rules._docx import sections_name

    assert sections_name([0, 1], 2) == ""
    assert sections_name([1], 3) == "phần thứ 2 (section) của văn bản: "
    assert sections_name(list(range(1, 9)), 10) == "phần thứ 2, 3, 4, 5, 6 và 3 phần khác (section) của văn bản: "
