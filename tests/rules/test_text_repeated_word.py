from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-repeated-word"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_word_typed_twice():
    text = edit(BASE, "Phát các tin, bài", "Phát các Các tin, bài")
    line, column = position_of(text, "Các tin")
    assert findings(text, RULE) == [(line, column, "từ «các» viết hai lần liền nhau («các Các»); hãy bỏ một từ")]


def test_reduplicated_words_and_repeated_numbers_pass():
    text = edit(BASE, "Phát các tin, bài", "Dần dần phát các tin, bài 2 2 lần, người người tham gia")
    assert findings(text, RULE) == []
