from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-tab"
MESSAGE = ("có dấu tab trong chữ{}; trong văn bản Word nó thành một bước nhảy tab để lại khoảng trống lớn giữa câu; "
           "hãy thay bằng một dấu cách")


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_a_tab_in_a_plain_value_is_reported_at_its_column():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò\tVăn Pánh")
    assert findings(text, RULE) == [(*position_of(text, "\tVăn"), MESSAGE.format(""))]


def test_several_tabs_in_a_quoted_value_with_escapes_are_reported_once_at_the_value():
    # An escape (\\t) makes the columns of the text differ from the file's: the value's own position is given.
    text = edit(BASE, "ho_ten: Lò Văn Pánh", 'ho_ten: "Lò\\tVăn\\tPánh"')
    assert findings(text, RULE) == [(*position_of(text, '"Lò'), MESSAGE.format(" (2 chỗ trong đoạn này)"))]


def test_a_tab_is_a_warning_the_document_is_still_made(tmp_path):
    from support import invoke

    plan = tmp_path / "k.yaml"
    plan.write_text(edit(PLAN_2024, "  Triển khai thực hiện Tiểu dự án 2",
                         "  Triển khai\tthực hiện Tiểu dự án 2"), encoding="utf-8")
    result = invoke(["render", str(plan)])
    assert result.exit_code == 0
    assert result.stderr == f"{plan}:26:13: cảnh báo: {MESSAGE.format('')} [text-tab]\n"
