from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "end-mark"
CLOSING = "ket_luan: Trên đây là Kế hoạch tuyên truyền phòng, chống thiên tai năm 2025 của UBND xã./."


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_closing_without_the_end_mark_in_the_words_of_the_docx_check():
    text = edit(BASE, CLOSING, CLOSING.removesuffix("/."))
    line, column = position_of(text, "Trên đây là")
    assert findings(text, RULE) == [(line, column, "đoạn cuối của nội dung chưa có dấu kết thúc «./.»; các mẫu của"
                                                   " Nghị định 30 kết thúc nội dung bằng «./.»")]


def test_without_closing_the_last_paragraph_of_the_body_is_the_last():
    text = edit(BASE, CLOSING + "\n", "")
    text = edit(text, "        noi_dung: [Phát sóng đúng lịch.]", "        noi_dung: [Phát sóng đúng lịch./.]")
    assert findings(text, RULE) == []
    text = edit(text, "Phát sóng đúng lịch./.", "Phát sóng đúng lịch.")
    line, column = position_of(text, "Phát sóng đúng lịch.")
    assert findings(text, RULE) == [(line, column, "đoạn cuối của nội dung chưa có dấu kết thúc «./.»; các mẫu của"
                                                   " Nghị định 30 kết thúc nội dung bằng «./.»")]
