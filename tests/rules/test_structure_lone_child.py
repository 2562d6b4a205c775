from helpers import BASE, edit, findings, position_of

RULE = "structure-lone-child"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_a_section_with_a_single_numbered_child_is_reported_at_the_child():
    text = edit(BASE, "      - muc: Yêu cầu\n        noi_dung:\n          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n", "")
    line, column = position_of(text, "muc: Mục đích\n")
    assert findings(text, RULE) == [
        (line, column, "mục I chỉ có một mục con; hãy thêm mục con thứ hai hoặc gộp nội dung lên mục cha")]


def test_paragraphs_and_bullets_do_not_count_as_children():
    text = edit(BASE, "          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n",
                "          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n          - Một đoạn văn.\n")
    assert findings(text, RULE) == []
