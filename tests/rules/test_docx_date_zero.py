import pytest
from test_docx_context import findings, index_of, replace_text

RULE = "docx-date-zero"
DATE = "Mường Ảng, ngày 05 tháng 7 năm 2024"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


@pytest.mark.parametrize("text", ["Mường Ảng, ngày 05 tháng 01 năm 2024", "Mường Ảng, ngày 31 tháng 12 năm 2024"])
def test_the_zero_rule_kept(tmp_path, rendered_bytes, text):
    assert findings(tmp_path, replace_text(rendered_bytes, DATE, text), RULE) == []


@pytest.mark.parametrize(("text", "messages"), [
    ("Mường Ảng, ngày 05 tháng 03 năm 2024", ["tháng 03 thừa số 0: tháng 3 đến 12 viết «3»"]),
    ("Mường Ảng, ngày 05 tháng 1 năm 2024", ["tháng 1 thiếu số 0: tháng 1, 2 viết «01»"]),
    ("Mường Ảng, ngày 5 tháng 09 năm 2024", ["ngày 5 thiếu số 0: ngày dưới 10 viết «05»",
                                             "tháng 09 thừa số 0: tháng 3 đến 12 viết «9»"]),
])
def test_each_slip_is_a_warning_in_the_words_of_the_data_check(tmp_path, rendered_bytes, text, messages):
    data = replace_text(rendered_bytes, DATE, text)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, text[:5]), f"«{text}»: {m} (Nghị định 30, Phụ lục I, II.4.b)") for m in messages]
