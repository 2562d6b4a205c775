from helpers import BASE, TODAY, edit, findings, position_of

RULE = "date-future"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_a_plan_dated_today_passes():
    assert findings(edit(BASE, "ngay: 14/3/2025", "ngay: 01/6/2025"), RULE, today=TODAY) == []


def test_a_draft_without_a_date_passes():
    text = edit(BASE, "so: 12\nngay: 14/3/2025\n", "nam: 2026\n")
    assert findings(text, RULE) == []


def test_a_plan_dated_the_day_after_today_is_reported_at_the_date():
    text = edit(BASE, "ngay: 14/3/2025", "ngay: 02/6/2025")
    line, column = position_of(text, "02/6/2025")
    assert findings(text, RULE) == [(line, column, "ngày ban hành 02/6/2025 ở sau ngày hôm nay (01/6/2025); hãy sửa "
                                                   "lại ngày, hoặc xóa số và ngày nếu kế hoạch chưa ký (năm dự kiến ghi ở nam)")]


def test_a_mistyped_year_is_reported():
    text = edit(BASE, "ngay: 14/3/2025", "ngay: 2052-03-14")
    line, column = position_of(text, "2052-03-14")
    assert findings(text, RULE) == [(line, column, "ngày ban hành 14/3/2052 ở sau ngày hôm nay (01/6/2025); hãy sửa "
                                                   "lại ngày, hoặc xóa số và ngày nếu kế hoạch chưa ký (năm dự kiến ghi ở nam)")]
