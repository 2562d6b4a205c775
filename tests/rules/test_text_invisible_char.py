from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-invisible-char"
WORD = "thường lẫn vào khi sao chép từ Word hay trang web"


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_each_invisible_character_of_a_plain_value_is_reported_at_its_column():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò\u00a0Văn\u200bPánh\u00ad")
    line, column = position_of(text, "\u00a0Văn")
    assert findings(text, RULE) == [
        (line, column, f"có ký tự vô hình U+00A0 (dấu cách không ngắt), {WORD}; hãy thay bằng dấu cách thường"),
        (line, column + 4, f"có ký tự vô hình U+200B (dấu cách độ rộng 0), {WORD}; hãy xóa ký tự này"),
        (line, column + 9, f"có ký tự vô hình U+00AD (gạch nối mềm), {WORD}; hãy xóa ký tự này"),
    ]


def test_columns_inside_quoted_values_and_flow_lists_count_the_quote():
    text = edit(BASE, '"UBND xã Nậm Lịch xây dựng', '"UBND xã\ufeffNậm Lịch xây dựng')
    text = edit(text, "[TM. ỦY BAN NHÂN DÂN]", "['TM. ỦY BAN\u2060NHÂN DÂN']")
    first = position_of(text, "\ufeff")
    second = position_of(text, "\u2060")
    assert findings(text, RULE) == [
        (*first, f"có ký tự vô hình U+FEFF (dấu BOM), {WORD}; hãy xóa ký tự này"),
        (*second, f"có ký tự vô hình U+2060 (ký tự nối từ), {WORD}; hãy xóa ký tự này"),
    ]


def test_other_format_characters_are_reported_too():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò Văn\u200e Pánh\u200c")
    line, column = position_of(text, "\u200e")
    assert findings(text, RULE) == [
        (line, column, f"có ký tự vô hình U+200E (ký tự định dạng vô hình), {WORD}; hãy xóa ký tự này"),
        (line, column + 6, f"có ký tự vô hình U+200C (ký tự ngắt độ rộng 0), {WORD}; hãy xóa ký tự này"),
    ]


def test_in_a_folded_value_each_character_is_reported_where_it_stands():
    text = edit(BASE, "ket_luan: Trên đây là Kế hoạch tuyên truyền",
                "ket_luan: >-\n  Trên\u00a0đây là Kế hoạch\n  tuyên\u00a0truyền")
    message = f"có ký tự vô hình U+00A0 (dấu cách không ngắt), {WORD}; hãy thay bằng dấu cách thường"
    assert findings(text, RULE) == [(*position_of(text, "\u00a0đây"), message),
                                    (*position_of(text, "\u00a0truyền"), message)]


def test_an_escape_in_double_quotes_is_reported_at_the_value():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", 'ho_ten: "Lò Văn\\u200bPánh"')
    line, column = position_of(text, '"Lò Văn')
    assert findings(text, RULE) == [(line, column, f"có ký tự vô hình U+200B (dấu cách độ rộng 0), {WORD}; hãy xóa ký "
                                                   "tự này")]


def test_the_soft_hyphen_of_tcvn3_text_is_left_to_text_legacy_encoding():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Ng\u00adêi d©n Ph\u00ad¬ng")
    assert findings(text, RULE) == []
    assert findings(text, "text-legacy-encoding") != []
