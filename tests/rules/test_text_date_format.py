import unicodedata

import pytest
from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-date-format"
GOAL = "- gach: Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai."
ND30 = "Nghị định 30: ngày dưới 10 và tháng 1, 2 viết thêm số 0 ở trước, tháng 3 đến 12 thì không"


def message(written: str, fixed: str) -> str:
    return f"ngày tháng «{written}» sai quy tắc số 0; hãy viết «{fixed}» ({ND30})"


def with_goal(sentence: str) -> str:
    return edit(BASE, GOAL, f"- gach: {sentence}")


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


@pytest.mark.parametrize(("sentence", "date", "fixed"), [
    ("Họp ngày 5/3/2024.", "5/3/2024", "05/3/2024"),
    ("Theo Quyết định 90/QĐ-TTg ngày 18/1/2022.", "18/1/2022", "18/01/2022"),
    ("Họp ngày 14/03/2024.", "14/03/2024", "14/3/2024"),
    ("Họp ngày 1/2/2024.", "1/2/2024", "01/02/2024"),
    ("Họp ngày 5 tháng 3 năm 2024.", "ngày 5 tháng 3 năm 2024", "ngày 05 tháng 3 năm 2024"),
    ("Ngày 5 tháng 3 họp.", "Ngày 5 tháng 3", "Ngày 05 tháng 3"),
    ("Xong trước tháng 03 năm 2024.", "tháng 03 năm 2024", "tháng 3 năm 2024"),
    ("Tháng 1 năm 2024 tổng kết.", "Tháng 1 năm 2024", "Tháng 01 năm 2024"),
    ("Từ ngày 15 tháng 12 năm 2023 đến 5/02/2024.", "5/02/2024", "05/02/2024"),
])
def test_a_date_breaking_the_zero_rule_is_reported_at_the_date(sentence, date, fixed):
    text = with_goal(sentence)
    assert findings(text, RULE) == [(*position_of(text, date), message(date, fixed))]


@pytest.mark.parametrize("sentence", [
    "Giai đoạn 2021-2025, Quý III-IV năm 2024, Tiểu dự án 2 thuộc Dự án 6.",
    "Theo Thông tư số 06/2022/TT-BTTTT và Quyết định 1006/QĐ-UBND.",
    "Ngày 05/3/2024, ngày 18/01/2022, ngày 05 tháng 3 năm 2024, tháng 01 năm 2025, tháng 12 năm 2023.",
    "Phát sóng 2 tháng 1 lần, mỗi lần 3 ngày; 6 tháng 12 kỳ.",
    "Không phải ngày - 35/3/2024, tháng 13 năm 2024, 1/2/24.",
])
def test_correct_dates_and_numbers_that_are_not_dates_pass(sentence):
    assert findings(with_goal(sentence), RULE) == []


def test_date_fields_are_not_checked_here():
    text = edit(BASE, "ngay: 19/6/2013", "ngay: 9/6/2013")
    assert findings(text, RULE) == []


def test_a_decomposed_date_is_checked_and_quoted_precomposed():
    text = with_goal(unicodedata.normalize("NFD", "Họp ngày 5 tháng 3 năm 2024."))
    line, column = position_of(text, unicodedata.normalize("NFD", "ngày 5"))
    assert findings(text, RULE) == [(line, column, message("ngày 5 tháng 3 năm 2024", "ngày 05 tháng 3 năm 2024"))]


def test_in_a_folded_value_the_date_is_reported_where_it_stands():
    text = edit(BASE, "ket_luan: Trên đây là Kế hoạch tuyên truyền",
                "ket_luan: >-\n  Trên đây là Kế hoạch\n  ngày 14/03/2025 tuyên truyền")
    assert findings(text, RULE) == [(*position_of(text, "14/03/2025"), message("14/03/2025", "14/3/2025"))]
