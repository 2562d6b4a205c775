from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-after-plan"
KH_20_LATE = "Kế hoạch số 20/KH-UBND ngày 20/3/2025"
MESSAGE = ("{} ban hành sau ngày của kế hoạch ({}): kế hoạch không thể dẫn chiếu văn bản ban hành sau nó; hãy kiểm "
           "tra lại ngày này hoặc ngày của kế hoạch")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_basis_dated_after_the_plan_is_reported_at_its_date():
    text = edit(BASE, "ngay: 10/02/2025", "ngay: 20/3/2025")
    line, column = position_of(text, "20/3/2025")
    assert findings(text, RULE) == [(line, column, MESSAGE.format(KH_20_LATE, "14/3/2025"))]


def test_basis_of_the_same_day_passes():
    assert findings(edit(BASE, "ngay: 10/02/2025", "ngay: 14/3/2025"), RULE) == []


def test_document_referred_to_in_the_text_only():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n", "")
    text = edit(text, "ngay: 10/02/2025", "ngay: 20/3/2025")
    text = edit(text, "Phát các tin, bài về phòng, chống thiên tai.", "Phát các tin, bài theo [[kh-20-huyen]].")
    line, column = position_of(text, "20/3/2025")
    assert findings(text, RULE) == [(line, column, MESSAGE.format(KH_20_LATE, "14/3/2025"))]


def test_document_declared_but_not_cited_is_not_checked():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n", "")
    assert findings(edit(text, "ngay: 10/02/2025", "ngay: 20/3/2025"), RULE) == []


def test_draft_without_date_is_not_checked():
    text = edit(BASE, "so: 12\nngay: 14/3/2025\n", "nam: 2025\n")
    assert findings(edit(text, "ngay: 10/02/2025", "ngay: 20/3/2025"), RULE) == []


def test_example_plan_with_decision_4438_dated_as_in_its_bases():
    # The issued plan dates Quyết định 4438/QĐ-UBND 14/12/2024 in its bases: after the plan itself.
    text = edit(PLAN_2024, "    ngay: 14/12/2023\n", "    ngay: 14/12/2024\n")
    line, column = position_of(text, "14/12/2024\n")
    assert findings(text, RULE) == [
        (line, column, MESSAGE.format("Quyết định số 4438/QĐ-UBND ngày 14/12/2024", "05/7/2024"))]
