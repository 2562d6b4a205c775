from test_docx_context import findings, index_of, paragraph, replace_text, rewrite, run_properties

RULE = "docx-summary"
FIRST = "Triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều"
MIDDLE = "thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững"
LAST = "năm 2024 trên địa bàn huyện"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_in_capitals_is_not_this_rules_error_but_a_warning_of_docx_summary_case(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, FIRST, FIRST.upper())
    data = replace_text(data, MIDDLE, MIDDLE.upper())
    data = replace_text(data, LAST, LAST.upper())
    assert findings(tmp_path, data, RULE) == []


def test_first_letter_not_capitalised(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, FIRST, "t" + FIRST[1:])
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "triển khai"), "«triển khai thực hiện Tiểu dự án 2:…»: trích yếu chưa viết hoa chữ đầu; "
                                       "Nghị định 30 quy định trích yếu viết chữ thường, viết hoa chữ đầu")]


def test_a_line_not_bold(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, LAST, '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, LAST), f"«{LAST}»: chữ không đậm; Nghị định 30 quy định trích yếu in đậm")]


def test_without_the_line_below(tmp_path, rendered_bytes):
    def change(root):
        rule = paragraph(root, LAST).getnext()
        rule.getparent().remove(rule)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, LAST), f"«{LAST}»: thiếu đường kẻ ngang dưới trích yếu; Nghị định 30 quy định đường kẻ nét "
                               "liền, dài 1/3 đến 1/2 dòng chữ")]


def test_missing(tmp_path, rendered_bytes):
    def change(root):
        for start in (FIRST, MIDDLE, LAST):
            p = paragraph(root, start)
            p.getparent().remove(p)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "KẾ HOẠCH"), "«KẾ HOẠCH»: thiếu trích yếu ngay dưới tên loại; Nghị định 30 quy định trích yếu "
                                     "nội dung canh giữa, in thường, đậm, dưới tên loại văn bản")]
