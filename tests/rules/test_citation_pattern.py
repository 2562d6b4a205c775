from helpers import BASE, PLAN_2024, edit, findings, position_of

from kehoach.source.plan_file import read_plan_text
from kehoach.render.context import build_context

RULE = "citation-pattern"
KH = "    so: 20/KH-UBND\n"


def with_pattern(pattern: str) -> str:
    return edit(BASE, KH, f"{KH}    mau: \"{pattern}\"\n")


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_the_decrees_form_passes_and_is_printed_as_the_pattern_says():
    text = with_pattern("{loai} số {so} ngày {ngay} {trich_yeu}")
    assert findings(text, RULE) == []
    loaded = read_plan_text(text, "ke-hoach.yaml")
    assert build_context(loaded.plan, loaded.refs)["bases"][-1] == (
        "Căn cứ Kế hoạch số 20/KH-UBND ngày 10/02/2025 về công tác phòng, chống thiên tai năm 2025.")


def test_a_colon_after_so_and_a_comma_before_ngay():
    text = with_pattern("{loai} số: {so}, ngày {ngay} của {co_quan} {trich_yeu}")
    line, column = position_of(text, "{loai} số:")
    assert findings(text, RULE) == [
        (line, column + 7, "cách ghi trích dẫn có «số:» (Nghị định 30 viết «số 90/QĐ-TTg», không có dấu hai chấm);"
                           " kehoach in đúng như mau, hãy sửa mau hoặc bỏ mau để kehoach viết theo Nghị định 30"),
        (line, column + 15, "cách ghi trích dẫn có dấu phẩy trước «ngày» (Nghị định 30 viết «… số 90/QĐ-TTg ngày …»);"
                            " kehoach in đúng như mau, hãy sửa mau hoặc bỏ mau để kehoach viết theo Nghị định 30"),
    ]


def test_a_pattern_that_loses_the_date():
    text = with_pattern("{loai} số {so} của {co_quan}")
    line, column = position_of(text, "{loai} số {so} của")
    assert findings(text, RULE) == [(line, column, "mau không có chỗ {ngay} nên câu trích dẫn không ghi ngày của văn"
                                                   " bản; hãy thêm {ngay} vào mau")]


def test_an_unknown_place_is_an_error_when_reading():
    text = with_pattern("{loai} số {so} ngày {ngay_ban_hanh}")
    assert [f[2] for f in findings(text, "schema-type")] == [
        "mau có chỗ «{ngay_ban_hanh}» không có; chỉ dùng được: {loai}, {so}, {ngay}, {co_quan}, {trich_yeu}"]
