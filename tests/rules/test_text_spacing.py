from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-spacing"
DOUBLE = "có hai dấu cách liền nhau trở lên; hãy chỉ để một dấu cách giữa hai chữ"


def before(mark: str) -> str:
    return f"thừa dấu cách trước dấu «{mark}»; hãy viết dấu câu liền sau chữ đứng trước"


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_double_spaces_and_spaces_before_punctuation_are_reported_where_they_are():
    text = edit(BASE, "- gach: Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai.",
                "- gach: Nâng cao   nhận thức của Nhân dân (Bản Nậm ) về phòng , chống thiên tai .")
    line, _ = position_of(text, "Nâng cao   ")
    _, double = position_of(text, "   nhận")
    _, paren = position_of(text, " ) về")
    _, comma = position_of(text, " , chống")
    _, stop = position_of(text, " .\n")
    assert findings(text, RULE) == [(line, double, DOUBLE), (line, paren, before(")")), (line, comma, before(",")),
                                    (line, stop, before("."))]


def test_inside_double_quotes_the_column_counts_the_quote():
    text = edit(BASE, "năm 2025 như sau:", "năm 2025 như sau :")
    assert findings(text, RULE) == [(*position_of(text, " :"), before(":"))]


def test_question_exclamation_and_semicolon():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò ; Văn ? Pánh !")
    line, column = position_of(text, " ; Văn")
    assert [f[:2] for f in findings(text, RULE)] == [(line, column), (line, column + 6), (line, column + 13)]


def test_end_mark_ellipsis_and_block_indentation_pass():
    text = edit(BASE, "của UBND xã./.", "của UBND xã ./.")
    text = edit(text, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                "trich_yeu: |-\n  Tuyên truyền phòng, chống …\n    thiên tai ... năm 2025")
    assert findings(text, RULE) == []


def test_in_a_folded_value_each_problem_is_reported_where_it_stands():
    text = edit(BASE, "ket_luan: Trên đây là Kế hoạch tuyên truyền",
                "ket_luan: >-\n  Trên đây  là Kế hoạch\n  tuyên  truyền")
    assert findings(text, RULE) == [(*position_of(text, "  là"), DOUBLE), (*position_of(text, "  truyền"), DOUBLE)]


def test_a_comma_at_the_start_of_a_folded_line_is_a_space_before_it():
    text = edit(BASE, "ket_luan: Trên đây là Kế hoạch tuyên truyền",
                "ket_luan: >-\n  Trên đây là Kế hoạch\n  , tuyên truyền")
    line, column = position_of(text, ">-\n  Trên")
    assert findings(text, RULE) == [(line, column, before(","))]
