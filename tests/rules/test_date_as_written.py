from helpers import BASE, PLAN_2024, edit, findings, position_of

from kehoach.source.plan_file import read_plan_text
from kehoach.render.context import build_context

RULE = "date-as-written"
END = ("; Nghị định 30 (Phụ lục I, II.4.b) — hoặc bỏ ngay_ghi để kehoach tự viết ngày")


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_header_date_kept_as_printed_is_printed_and_its_zero_reported():
    text = edit(BASE, "ngay: 14/3/2025\n", "ngay: 14/3/2025\nngay_ghi: 14 tháng 03 năm 2025\n")
    loaded = read_plan_text(text, "ke-hoach.yaml")
    assert build_context(loaded.plan, loaded.refs)["place_date"] == "Nậm Lịch, ngày 14 tháng 03 năm 2025"
    line, column = position_of(text, "03 năm")
    assert findings(text, RULE) == [(line, column, "tháng 03 thừa số 0: tháng 3 đến 12 viết «3»" + END)]


def test_a_cited_date_with_a_stray_space_and_a_zero():
    text = edit(BASE, "    ngay: 06/7/2021\n", "    ngay: 06/7/2021\n    ngay_ghi: 6/07/20 21\n")
    line, column = position_of(text, "6/07/20 21")
    assert findings(text, RULE) == [
        (line, column, "ngày 6 thiếu số 0: ngày dưới 10 viết «06»" + END),
        (line, column + 2, "tháng 07 thừa số 0: tháng 3 đến 12 viết «7»" + END),
        (line, column + 5, "«20 21» có dấu cách thừa giữa các chữ số; hãy viết «2021»" + END),
    ]


def test_a_date_as_written_that_is_not_the_date_is_an_error_when_reading():
    text = edit(BASE, "    ngay: 06/7/2021\n", "    ngay: 06/7/2021\n    ngay_ghi: 07/7/2021\n")
    assert findings(text, "date-invalid") == [(23, 5, "ngay_ghi «07/7/2021» không cùng ngày với ngay (06/07/2021); hãy"
                                                      " sửa cho khớp")]
