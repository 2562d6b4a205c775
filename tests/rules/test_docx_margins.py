from test_docx_context import W, findings, rewrite, set_attributes
from test_docx_paper import _two_sections

RULE = "docx-margins"


def test_the_rendered_plan_has_margins_in_range(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_nd30s_own_margins_pass_within_the_tolerance(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgMar", top="1418", bottom="1134", left="1985", right="1134")
    assert findings(tmp_path, data, RULE) == []


def test_words_default_margins_are_wrong_on_all_four_sides(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgMar", top="1440", bottom="1440", left="1440", right="1440")
    assert findings(tmp_path, data, RULE) == [
        (None, "lề dưới 25,4 mm; Nghị định 30 quy định lề dưới 20–25 mm"),
        (None, "lề phải 25,4 mm; Nghị định 30 quy định lề phải 15–20 mm"),
        (None, "lề trái 25,4 mm; Nghị định 30 quy định lề trái 30–35 mm"),
        (None, "lề trên 25,4 mm; Nghị định 30 quy định lề trên 20–25 mm"),
    ]


def test_the_gutter_counts_in_the_left_margin(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgMar", gutter="567")
    assert findings(tmp_path, data, RULE) == [(None, "lề trái 40 mm; Nghị định 30 quy định lề trái 30–35 mm")]


def test_a_missing_margin_element(tmp_path, rendered_bytes):
    def change(root):
        margins = next(root.iter(W + "pgMar"))
        margins.getparent().remove(margins)
    assert findings(tmp_path, rewrite(rendered_bytes, change), RULE) == [
        (None, "văn bản không ghi lề trang (Page Setup → Margins); Nghị định 30 quy định lề trên 20–25 mm, lề dưới "
               "20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm")]


def test_with_several_sections_the_message_says_which_and_landscape_ones_are_left_alone(tmp_path, rendered_bytes):
    data = _two_sections(rendered_bytes)

    def change(root):
        for margins in root.iter(W + "pgMar"):
            margins.set(W + "left", "1440")
    assert findings(tmp_path, rewrite(data, change), RULE) == [
        (None, "phần thứ 1 (section) của văn bản: lề trái 25,4 mm; Nghị định 30 quy định lề trái 30–35 mm")]


def test_margins_written_with_a_unit(tmp_path, rendered_bytes):
    data = set_attributes(rendered_bytes, "pgMar", top="2cm", bottom="20mm", left="2.54cm", right="1.5cm")
    assert findings(tmp_path, data, RULE) == [(None, "lề trái 25,4 mm; Nghị định 30 quy định lề trái 30–35 mm")]
