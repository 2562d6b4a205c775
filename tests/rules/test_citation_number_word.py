from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-number-word"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_the_word_so_written_into_the_number():
    for written in ("số 20/KH-UBND", "số: 20/KH-UBND", "Số 20/KH-UBND"):
        text = edit(BASE, "so: 20/KH-UBND", f"so: \"{written}\"")
        line, column = position_of(text, written)
        assert findings(text, RULE) == [(line, column, f"so ghi «{written}»: kehoach đã tự ghi chữ «số» trước số, ký"
                                                       f" hiệu nên câu trích dẫn thành «Kế hoạch số {written}»; hãy"
                                                       " viết «so: 20/KH-UBND»")]
