from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "todo-left"
SUMMARY = "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025"


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_a_mark_is_reported_where_it_starts():
    text = edit(BASE, SUMMARY, 'trich_yeu: "«CẦN ĐIỀN: trích yếu nội dung»"')
    assert findings(text, RULE) == [
        (*position_of(text, "«CẦN"), "còn chỗ đánh dấu «CẦN ĐIỀN: trích yếu nội dung» chưa điền; hãy thay bằng nội "
                                     "dung thật")]


def test_a_mark_inside_a_sentence_and_without_guillemets():
    text = edit(BASE, "Phát sóng đúng lịch.", "Phát sóng vào các ngày cần điền sau.")
    assert findings(text, RULE) == [
        (*position_of(text, "cần điền sau"), "còn chỗ đánh dấu «cần điền sau.» chưa điền; hãy thay bằng nội dung thật")]


def test_each_mark_of_a_text_is_reported():
    text = edit(BASE, SUMMARY, 'trich_yeu: "«CẦN ĐIỀN: việc» năm «CẦN ĐIỀN: năm»"')
    assert [f[:2] for f in findings(text, RULE)] == [position_of(text, "«CẦN ĐIỀN: việc"),
                                                     position_of(text, "«CẦN ĐIỀN: năm")]


def test_the_word_todo():
    text = edit(BASE, "Phát sóng đúng lịch.", "TODO hỏi Đài về lịch phát sóng.")
    assert findings(text, RULE) == [
        (*position_of(text, "TODO"), "còn chữ TODO trong nội dung; hãy viết nội dung thật thay cho chỗ này")]


def test_comments_and_words_that_only_contain_todo_pass():
    text = edit(BASE, SUMMARY, SUMMARY + "  # TODO: hỏi lại năm")
    text = edit(text, "Phát sóng đúng lịch.", "Phát sóng các bài TODOS.")
    assert findings(text, RULE) == []
