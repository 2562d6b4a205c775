from test_docx_context import findings, index_of, run_properties

RULE = "docx-colour"
CLOSING = "Trên đây là Kế hoạch"
QUOTED = "«Trên đây là Kế hoạch triển khai thực…»"


def test_the_rendered_plan_is_black(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_automatic_and_black_pass(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:color w:val="auto"/>')
    data = run_properties(data, "Đinh Văn Sơn", '<w:color w:val="000000"/>')
    data = run_properties(data, "KẾ HOẠCH", '<w:color w:val="000000" w:themeColor="text1"/>')
    assert findings(tmp_path, data, RULE) == []


def test_red_text(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:color w:val="FF0000"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: chữ màu FF0000; Nghị định 30 quy định chữ màu đen")]


def test_a_theme_colour_wins_over_its_value(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:color w:val="000000" w:themeColor="accent1"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: chữ màu theo chủ đề (accent1); Nghị định 30 quy định chữ màu đen")]
