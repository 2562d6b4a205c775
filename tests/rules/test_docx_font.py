from test_docx_context import STYLES, W, findings, index_of, rewrite, run_properties

RULE = "docx-font"
CLOSING = "Trên đây là Kế hoạch"
QUOTED = "«Trên đây là Kế hoạch triển khai thực…»"


def test_the_rendered_plan_is_times_new_roman_everywhere(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_one_run_in_arial(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: phông chữ Arial; Nghị định 30 quy định phông Times New Roman (Unicode)")]


def test_each_of_the_four_slots_counts(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:rFonts w:eastAsia="SimSun" w:cs="Tahoma"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: phông chữ SimSun, Tahoma; Nghị định 30 quy định phông Times New Roman "
                                  "(Unicode)")]


def test_a_legacy_tcvn3_font(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, CLOSING, '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: phông chữ .VnTime là bảng mã cũ, không phải Unicode; hãy chuyển mã "
                                  "sang Unicode rồi dùng phông Times New Roman (Nghị định 30, Phụ lục I, I.4)")]


def test_a_theme_font_is_resolved_through_the_theme(tmp_path, rendered_bytes):
    # The theme of the default template names Cambria as its body font (minor, latin).
    data = run_properties(rendered_bytes, CLOSING, '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, CLOSING), f"{QUOTED}: phông chữ Cambria; Nghị định 30 quy định phông Times New Roman "
                                  "(Unicode)")]


def test_a_font_set_in_a_style_is_reported_on_every_paragraph_of_that_style(tmp_path, rendered_bytes):
    def change(root):
        for style in root.iter(W + "style"):
            if style.get(W + "styleId") == "KHNguoiKy":
                fonts = next(style.iter(W + "rFonts"))
                fonts.set(W + "hAnsi", "Arial")
    data = rewrite(rendered_bytes, change, STYLES)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Đinh Văn Sơn"), "«Đinh Văn Sơn»: phông chữ Arial; Nghị định 30 quy định phông Times New Roman "
                                         "(Unicode)")]
