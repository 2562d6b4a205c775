from helpers import BASE, edit, findings, position_of

RULE = "year-consistency"
SUMMARY = "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025"
PERIOD = "thoi_gian: Tháng 5 năm 2025"


def summary_says(year_text: str) -> str:
    return edit(BASE, SUMMARY, f"trich_yeu: Tuyên truyền phòng, chống thiên tai {year_text}")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_an_earlier_year_in_the_summary_is_reported_at_its_digits():
    text = summary_says("năm 2024")
    line, column = position_of(text, "2024")
    assert findings(text, RULE) == [
        (line, column, "trích yếu ghi năm 2024 nhưng kế hoạch là của năm 2025; hãy sửa cho khớp")]


def test_next_year_in_the_summary_of_a_plan_issued_in_march_is_reported_with_the_reason():
    text = summary_says("Năm 2026")
    line, column = position_of(text, "2026")
    assert findings(text, RULE) == [
        (line, column, "trích yếu ghi năm 2026 nhưng kế hoạch là của năm 2025; hãy sửa cho khớp (kế hoạch cho năm sau "
                       "chỉ được ban hành từ tháng 10 năm trước)")]


def test_a_plan_for_next_year_issued_in_december_passes():
    text = edit(BASE, "ngay: 14/3/2025", "ngay: 20/12/2024")
    assert findings(text, RULE) == []


def test_two_years_after_a_december_date_are_still_reported():
    text = edit(summary_says("năm 2026"), "ngay: 14/3/2025", "ngay: 20/12/2024")
    line, column = position_of(text, "2026")
    assert findings(text, RULE) == [
        (line, column, "trích yếu ghi năm 2026 nhưng kế hoạch là của năm 2024; hãy sửa cho khớp")]


def test_a_quoted_summary_is_reported_at_the_digits():
    text = edit(BASE, SUMMARY, 'trich_yeu: "Tuyên truyền phòng, chống thiên tai năm 2024"')
    line, column = position_of(text, "2024")
    assert findings(text, RULE)[0][:2] == (line, column)


def test_a_decomposed_letter_before_the_year_keeps_the_column_right():
    text = summary_says("na\u0306m 2024")
    line, column = position_of(text, "2024")
    assert findings(text, RULE)[0][:2] == (line, column)


def test_a_summary_on_several_lines_is_reported_at_the_year_itself():
    text = edit(BASE, SUMMARY, "trich_yeu: |-\n  Tuyên truyền phòng, chống thiên tai\n  năm 2024")
    line, column = position_of(text, "2024")
    assert findings(text, RULE)[0][:2] == (line, column)


def test_an_escaped_summary_is_reported_at_the_start_of_the_value():
    text = edit(BASE, SUMMARY, 'trich_yeu: "Tuy\\u00ean truyền phòng, chống thiên tai năm 2024"')
    line, column = position_of(text, '"Tuy')
    assert findings(text, RULE)[0][:2] == (line, column)


def test_every_year_of_the_summary_is_looked_at():
    text = summary_says("năm 2025 và năm 2023")
    line, column = position_of(text, "2023")
    assert [f[:2] for f in findings(text, RULE)] == [(line, column)]


def test_the_period_of_an_activity_is_reported_at_its_digits():
    text = edit(BASE, PERIOD, "thoi_gian: Tháng 5 năm 2024")
    line, column = position_of(text, "2024")
    assert findings(text, RULE) == [
        (line, column, "thời gian thực hiện ghi năm 2024 nhưng kế hoạch là của năm 2025; hãy sửa cho khớp")]


def test_a_year_without_the_word_nam_is_not_read():
    text = edit(BASE, PERIOD, "thoi_gian: Quý II/2024")
    assert findings(text, RULE) == []


def test_nam_disagreeing_with_the_date_is_reported_at_nam():
    text = edit(BASE, "ngay: 14/3/2025\n", "ngay: 14/3/2025\nnam: 2024\n")
    line, column = position_of(text, "2024")
    assert findings(text, RULE) == [
        (line, column, "nam ghi 2024 nhưng ngày ban hành là năm 2025; hãy sửa nam cho khớp, hoặc xóa nam vì đã có ngày")]


def test_nam_for_next_year_agrees_with_a_date_in_december():
    text = edit(BASE, "ngay: 14/3/2025\n", "ngay: 14/12/2024\nnam: 2025\n")
    assert findings(text, RULE) == []


def test_a_draft_is_checked_against_nam():
    text = edit(BASE, "so: 12\nngay: 14/3/2025\n", "nam: 2026\n")
    summary_line, summary_column = position_of(text, SUMMARY)
    period_line, period_column = position_of(text, PERIOD)
    assert findings(text, RULE) == [
        (summary_line, summary_column + len(SUMMARY) - 4,
         "trích yếu ghi năm 2025 nhưng kế hoạch là của năm 2026; hãy sửa cho khớp"),
        (period_line, period_column + len(PERIOD) - 4,
         "thời gian thực hiện ghi năm 2025 nhưng kế hoạch là của năm 2026; hãy sửa cho khớp")]


def test_a_draft_for_next_year_is_not_excused_without_a_month():
    text = edit(BASE, "so: 12\nngay: 14/3/2025\n", "nam: 2024\n")
    assert len(findings(text, RULE)) == 2


def test_the_years_of_a_span_are_not_the_plans_year():
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                "trich_yeu: Hành động thực hiện Chương trình đến năm 2027, tầm nhìn đến năm 2030, từ năm 2021")
    assert findings(text, RULE) == []
