from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-undated"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_numbered_document_without_date_is_reported_at_its_id():
    text = edit(BASE, "    so: 20/KH-UBND\n    ngay: 10/02/2025\n", "    so: 20/KH-UBND\n")
    line, column = position_of(text, "kh-20-huyen:")
    assert findings(text, RULE) == [(line, column, "Kế hoạch số 20/KH-UBND chưa có ngày ban hành nên câu trích dẫn"
                                                   " không ghi ngày (Nghị định 30, Phụ lục I, II.6.b); hãy thêm dòng"
                                                   " «ngay: ngày/tháng/năm» cho văn bản này")]


def test_a_code_cited_by_its_year_and_a_date_as_written_are_dated():
    text = edit(BASE, "    trich_yeu: Phòng, chống thiên tai\n    ngay: 19/6/2013\n",
                "    trich_yeu: Lao động\n    nam: 2012\n")
    text = edit(text, "    ngay: 10/02/2025\n", "    ngay: 10/02/2025\n    ngay_ghi: 10/02/2025\n")
    assert findings(text, RULE) == []
