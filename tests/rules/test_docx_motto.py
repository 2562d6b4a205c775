from lxml import etree
from test_docx_context import (W, findings, index_of, paragraph, remove_paragraph, replace_text, rewrite,
                               run_properties)

RULE = "docx-motto"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def test_the_rendered_plan_has_it_with_its_line(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_en_dashes_pass(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, MOTTO, "Độc lập – Tự do – Hạnh phúc")
    assert findings(tmp_path, data, RULE) == []


def test_without_spaces_around_the_hyphens(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, MOTTO, "Độc lập-Tự do-Hạnh phúc")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Độc lập"), "«Độc lập-Tự do-Hạnh phúc»: Tiêu ngữ viết sai; Nghị định 30 quy định đúng chữ "
                                    "«Độc lập - Tự do - Hạnh phúc»: chữ thường, viết hoa chữ đầu mỗi cụm từ, gạch nối "
                                    "có dấu cách hai bên")]


def test_size_and_weight(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, MOTTO, '<w:b w:val="0"/><w:sz w:val="24"/><w:i/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, MOTTO), f"«{MOTTO}»: cỡ chữ 12 pt, chữ không đậm, chữ in nghiêng; Nghị định 30 quy định "
                                "Tiêu ngữ cỡ 13–14 pt, in đậm, chữ đứng")]


def _rule_below(data: bytes, replace_with: str | None = None) -> bytes:
    """The paragraph drawing the line under the motto removed, or replaced by one holding `replace_with`."""
    def change(root):
        motto = paragraph(root, MOTTO)
        rule = motto.getnext()
        if replace_with is not None:
            typed = etree.fromstring(etree.tostring(motto))
            list(typed.iter(W + "t"))[0].text = replace_with
            rule.addprevious(typed)
        rule.getparent().remove(rule)
    return rewrite(data, change)


def test_without_the_line_below(tmp_path, rendered_bytes):
    data = _rule_below(rendered_bytes)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, MOTTO), f"«{MOTTO}»: thiếu đường kẻ ngang dưới Tiêu ngữ; Nghị định 30 quy định đường kẻ nét "
                                "liền, dài bằng dòng chữ")]


def test_an_underlined_motto_makes_the_line(tmp_path, rendered_bytes):
    data = run_properties(_rule_below(rendered_bytes), MOTTO, '<w:u w:val="single"/>')
    assert findings(tmp_path, data, RULE) == []


def test_typed_underscores_make_the_line(tmp_path, rendered_bytes):
    assert findings(tmp_path, _rule_below(rendered_bytes, "____________"), RULE) == []


def test_missing(tmp_path, rendered_bytes):
    data = remove_paragraph(rendered_bytes, MOTTO)
    assert findings(tmp_path, data, RULE) == [
        (None, f"không tìm thấy Tiêu ngữ «{MOTTO}» dưới Quốc hiệu; Nghị định 30 quy định Tiêu ngữ ngay dưới Quốc "
               "hiệu")]
