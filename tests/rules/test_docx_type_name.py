from test_docx_context import findings, index_of, paragraph_properties, replace_text, run_properties

RULE = "docx-type-name"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_another_type_from_the_table_of_appendix_iii_is_found(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "KẾ HOẠCH", "CHƯƠNG TRÌNH")
    assert findings(tmp_path, data, RULE) == []


def test_not_in_capitals(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "KẾ HOẠCH", "Kế hoạch")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Kế hoạch"), "«Kế hoạch»: chưa viết in hoa; Nghị định 30 quy định tên loại văn bản in hoa")]


def test_flush_left_and_not_bold(tmp_path, rendered_bytes):
    data = paragraph_properties(rendered_bytes, "KẾ HOẠCH", '<w:jc w:val="left"/>')
    data = run_properties(data, "KẾ HOẠCH", '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "KẾ HOẠCH"), "«KẾ HOẠCH»: chữ không đậm, căn trái; Nghị định 30 quy định tên loại văn bản in "
                                     "đậm, căn giữa")]


def test_missing(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy tên loại văn bản (ví dụ «KẾ HOẠCH») đứng riêng một dòng dưới phần đầu; Nghị định 30 "
               "quy định tên loại in hoa, đậm, canh giữa")]
