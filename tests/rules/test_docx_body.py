from test_docx_context import W, findings, index_of, paragraph, paragraph_properties, rewrite, run_properties

RULE = "docx-body"
TEXT = "Phối hợp triển khai thực hiện hiệu quả"
QUOTED = "«Phối hợp triển khai thực hiện hiệu quả…»"
SECOND_BULLET = "- Nâng cao nhận thức"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_size_alignment_and_indent_in_one_finding(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:ind w:firstLine="0"/><w:jc w:val="left"/>')
    data = run_properties(data, TEXT, '<w:sz w:val="24"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TEXT), f"{QUOTED}: cỡ chữ 12 pt, căn trái, lùi đầu dòng 0 cm; Nghị định 30 quy định nội dung "
                               "cỡ 13–14 pt, căn đều hai bên, lùi đầu dòng 1 cm hoặc 1,27 cm")]


def test_an_indent_of_one_centimetre_and_a_tolerance_pass(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:ind w:firstLine="540"/>')
    assert findings(tmp_path, data, RULE) == []


def test_a_hanging_indent(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:ind w:firstLine="0" w:hanging="284"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TEXT), f"{QUOTED}: lùi đầu dòng -0,5 cm; Nghị định 30 quy định nội dung lùi đầu dòng 1 cm "
                               "hoặc 1,27 cm")]


def test_no_space_between_paragraphs(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:before="0" w:after="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TEXT), f"{QUOTED}: cách đoạn 0 pt; Nghị định 30 quy định nội dung cách đoạn (trên + dưới) "
                               "tối thiểu 6 pt")]


def test_spacing_auto_counts_as_fourteen_points(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:before="0" w:beforeAutospacing="1"/>')
    assert findings(tmp_path, data, RULE) == []


def test_contextual_spacing_removes_the_space_next_to_the_same_style(tmp_path, rendered_bytes):
    # The first bullet follows a heading of another style: its space before stays.
    data = paragraph_properties(rendered_bytes, "- Tuyên truyền, phổ biến", "<w:contextualSpacing/>")
    assert findings(tmp_path, data, RULE) == []
    data = paragraph_properties(rendered_bytes, SECOND_BULLET, "<w:contextualSpacing/>")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, SECOND_BULLET), "«- Nâng cao nhận thức, trách nhiệm của…»: cách đoạn 0 pt; Nghị định 30 quy "
                                        "định nội dung cách đoạn (trên + dưới) tối thiểu 6 pt")]


def test_double_line_spacing(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:line="480" w:lineRule="auto"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TEXT), f"{QUOTED}: cách dòng 2 dòng; Nghị định 30 quy định nội dung cách dòng từ một dòng "
                               "(single) đến 1,5 dòng")]


def test_line_spacing_in_points_is_measured_against_the_font_size(tmp_path, rendered_bytes):
    one_and_a_half = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:line="460" w:lineRule="exact"/>')
    assert findings(tmp_path, one_and_a_half, RULE) == []
    at_least = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:line="240" w:lineRule="atLeast"/>')
    assert findings(tmp_path, at_least, RULE) == []
    squeezed = paragraph_properties(rendered_bytes, TEXT, '<w:spacing w:line="240" w:lineRule="exact"/>')
    assert findings(tmp_path, squeezed, RULE) == [
        (index_of(squeezed, TEXT), f"{QUOTED}: cách dòng 0,77 dòng; Nghị định 30 quy định nội dung cách dòng từ một "
                                   "dòng (single) đến 1,5 dòng")]


def test_headings_in_capitals_need_not_be_justified_nor_indented(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, "I. MỤC ĐÍCH", '<w:ind w:firstLine="0"/><w:jc w:val="center"/>')
    assert findings(tmp_path, data, RULE) == []


def test_no_body_at_all(tmp_path, rendered_bytes):
    def change(root):
        body = root.find(W + "body")
        last_basis = paragraph(root, "Căn cứ Quyết định số 1006/QĐ-UBND")
        for p in list(body)[list(body).index(last_basis) + 1:]:
            if p.tag == W + "p":
                body.remove(p)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Căn cứ Quyết định số 1006/QĐ-UBND"), "«Căn cứ Quyết định số 1006/QĐ-UBND ngày…»: không có "
                                                              "đoạn nội dung nào sau đoạn này (trước «Nơi nhận:»); văn "
                                                              "bản thiếu phần nội dung")]
