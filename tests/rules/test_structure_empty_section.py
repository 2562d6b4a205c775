from helpers import BASE, edit, findings, position_of

RULE = "structure-empty-section"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_an_empty_top_section_is_reported_at_its_title():
    text = edit(BASE, "ket_luan:", "  - muc: Kinh phí thực hiện\nket_luan:")
    line, column = position_of(text, "Kinh phí thực hiện")
    assert findings(text, RULE) == [
        (line, column, "mục IV «Kinh phí thực hiện» chưa có nội dung; hãy viết nội dung dưới noi_dung hoặc xóa mục "
                       "này")]


def test_an_empty_second_level_section_is_reported():
    text = edit(BASE, "        noi_dung:\n          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n", "")
    line, column = position_of(text, "Yêu cầu")
    assert findings(text, RULE) == [
        (line, column, "mục 2 «Yêu cầu» chưa có nội dung; hãy viết nội dung dưới noi_dung hoặc xóa mục này")]


def test_an_explicitly_empty_content_list_is_reported():
    text = edit(BASE, "          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n", "").replace(
        "      - muc: Yêu cầu\n        noi_dung:\n", "      - muc: Yêu cầu\n        noi_dung: []\n")
    line, column = position_of(text, "Yêu cầu")
    assert [f[:2] for f in findings(text, RULE)] == [(line, column)]


def test_an_empty_point_passes():
    text = edit(BASE, "          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n",
                "          - muc: \"Phạm vi thực hiện: Trên phạm vi toàn xã.\"\n"
                "          - muc: \"Thời gian thực hiện: Năm 2025.\"\n")
    assert findings(text, RULE) == []


def test_an_empty_duty_is_reported_at_its_unit():
    text = edit(BASE, "      - nhiem_vu: truyen-thanh\n        noi_dung: [Phát sóng đúng lịch.]\n",
                "      - nhiem_vu: truyen-thanh\n")
    line, column = position_of(text, "truyen-thanh\nket_luan")
    assert findings(text, RULE) == [
        (line, column, "mục 2 (nhiệm vụ của Đài Truyền thanh xã) chưa có nội dung; hãy ghi các nhiệm vụ dưới noi_dung "
                       "hoặc xóa mục này")]


def test_an_activity_without_content_is_not_a_section():
    text = edit(BASE, "        noi_dung: Phát các tin, bài về phòng, chống thiên tai.\n", "")
    assert findings(text, RULE) == []
