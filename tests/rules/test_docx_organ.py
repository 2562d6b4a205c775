from test_docx_context import findings, index_of, paragraph, remove_paragraph, replace_text, rewrite, run_properties

RULE = "docx-organ"


def test_the_rendered_plan_has_a_bold_two_line_name_with_its_line(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_non_bold_parent_organ_above_passes(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "ỦY BAN NHÂN DÂN", "UBND TỈNH ĐIỆN BIÊN")
    data = run_properties(data, "UBND TỈNH ĐIỆN BIÊN", '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == []


def test_a_non_bold_uy_ban_nhan_dan_is_not_a_parent_organ(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, "ỦY BAN NHÂN DÂN", '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "ỦY BAN"), "«ỦY BAN NHÂN DÂN»: chữ không đậm; Nghị định 30 quy định tên cơ quan ban hành in "
                                   "đậm")]


def test_lower_case_and_too_big(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "HUYỆN MƯỜNG ẢNG", "Huyện Mường Ảng")
    data = run_properties(data, "Huyện Mường Ảng", '<w:sz w:val="28"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Huyện Mường Ảng"), "«Huyện Mường Ảng»: cỡ chữ 14 pt, chưa viết in hoa; Nghị định 30 quy định "
                                            "tên cơ quan ban hành cỡ 12–13 pt, in hoa")]


def test_without_the_line_below(tmp_path, rendered_bytes):
    def change(root):
        organ = paragraph(root, "HUYỆN MƯỜNG ẢNG")
        rule = organ.getnext()
        rule.getparent().remove(rule)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "HUYỆN"), "«HUYỆN MƯỜNG ẢNG»: thiếu đường kẻ ngang dưới tên cơ quan; Nghị định 30 quy định "
                                  "đường kẻ nét liền, dài 1/3 đến 1/2 dòng chữ, đặt cân đối giữa dòng chữ")]


def test_missing(tmp_path, rendered_bytes):
    data = remove_paragraph(remove_paragraph(rendered_bytes, "ỦY BAN NHÂN DÂN"), "HUYỆN MƯỜNG ẢNG")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy tên cơ quan ban hành (ô bên trái Quốc hiệu, trên dòng «Số:»); Nghị định 30 quy định "
               "tên cơ quan in hoa, đậm, ở trên cùng bên trái trang đầu")]
