from lxml import etree
from test_docx_context import W, findings, rewrite, set_attributes

RULE = "docx-paper"


def test_the_rendered_plan_is_a4_portrait(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_nd30s_own_a4_numbers_pass(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgSz", w="11907", h="16840")
    assert findings(tmp_path, data, RULE) == []


def test_letter_paper(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgSz", w="12240", h="15840")
    assert findings(tmp_path, data, RULE) == [
        (None, "khổ giấy 215,9 mm × 279,4 mm; Nghị định 30 quy định khổ A4 (210 × 297 mm)")]


def test_a_landscape_first_page(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgSz", w="16838", h="11906", orient="landscape")
    assert findings(tmp_path, data, RULE) == [
        (None, "trang khổ ngang; Nghị định 30 quy định văn bản trình bày theo chiều dài khổ A4 (khổ đứng), chỉ phần "
               "bảng biểu, phụ lục mới được xoay ngang")]


def test_a_landscape_section_after_the_first_passes(tmp_path, rendered_bytes):
    data = _two_sections(rendered_bytes)
    assert findings(tmp_path, data, RULE) == []


def test_a_missing_page_size(tmp_path, rendered_bytes):
    def change(root):
        size = next(root.iter(W + "pgSz"))
        size.getparent().remove(size)
    assert findings(tmp_path, rewrite(rendered_bytes, change), RULE) == [
        (None, "văn bản không ghi khổ giấy (Page Setup); Nghị định 30 quy định khổ A4 (210 × 297 mm)")]


def _two_sections(data: bytes) -> bytes:
    """The text in an upright first section, then a landscape section (where an appendix table would go)."""
    def change(root):
        body = root.find(W + "body")
        last = body.find(W + "sectPr")
        first = etree.fromstring(etree.tostring(last))
        break_paragraph = etree.SubElement(body, W + "p")
        body.remove(break_paragraph)
        last.addprevious(break_paragraph)
        properties = etree.SubElement(break_paragraph, W + "pPr")
        properties.append(first)
        size = last.find(W + "pgSz")
        size.set(W + "w", "16838")
        size.set(W + "h", "11906")
        size.set(W + "orient", "landscape")
    return rewrite(data, change)
