from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "summary-case"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_summary_in_capitals_is_a_warning_with_the_lower_case_shape():
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                "trich_yeu: TUYÊN TRUYỀN PHÒNG, CHỐNG THIÊN TAI NĂM 2025")
    line, column = position_of(text, "TUYÊN TRUYỀN")
    assert findings(text, RULE) == [(line, column, "trích yếu viết in hoa; Nghị định 30 (Phụ lục I, II.5.b) viết chữ"
                                                   " thường, chỉ viết hoa chữ đầu và tên riêng, ví dụ «Tuyên truyền"
                                                   " phòng, chống thiên tai năm 2025»")]
