from test_docx_context import findings, index_of, replace_text, run_properties

RULE = "docx-national-title"
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_the_rendered_plan_has_it(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_hoa_with_the_accent_on_the_a_passes_too(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, TITLE, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert findings(tmp_path, data, RULE) == []


def test_lower_case_typed_but_shown_in_capitals_passes(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, TITLE, "Cộng hòa xã hội chủ nghĩa Việt Nam")
    data = run_properties(data, "Cộng hòa", "<w:caps/>")
    assert findings(tmp_path, data, RULE) == []


def test_not_in_capitals(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, TITLE, "Cộng hòa xã hội chủ nghĩa Việt Nam")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Cộng hòa"), "«Cộng hòa xã hội chủ nghĩa Việt Nam»: chưa viết in hoa; Nghị định 30 quy định "
                                     "Quốc hiệu in hoa")]


def test_size_and_weight(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, TITLE, '<w:b w:val="0"/><w:sz w:val="28"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TITLE), f"«{TITLE}»: cỡ chữ 14 pt, chữ không đậm; Nghị định 30 quy định Quốc hiệu cỡ "
                                "12–13 pt, in đậm")]


def test_missing(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    assert findings(tmp_path, data, RULE) == [
        (None, f"không tìm thấy Quốc hiệu «{TITLE}» ở phần đầu văn bản; Nghị định 30 quy định Quốc hiệu ở trên "
               "cùng, bên phải trang đầu")]
