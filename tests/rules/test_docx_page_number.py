import io
import zipfile

from lxml import etree
from test_docx_context import W, findings, rewrite

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
