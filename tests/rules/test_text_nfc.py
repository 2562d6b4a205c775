import unicodedata

from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-nfc"
MESSAGE = ("chữ «{word}» được gõ dạng Unicode tổ hợp{more}; kehoach sẽ tự chuẩn hóa, nhưng hãy lưu tệp dạng "
           "«Unicode dựng sẵn» (bảng mã Unicode trong Unikey)")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_a_decomposed_word_is_named_at_its_column():
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng", f"trich_yeu: Tuyên truyền {nfd('phòng')}")
    line, column = position_of(text, nfd("phòng"))
    assert findings(text, RULE) == [(line, column, MESSAGE.format(word="phòng", more=""))]


def test_several_decomposed_words_in_a_quoted_value_are_counted_once():
    old = "UBND xã Nậm Lịch xây dựng"
    text = edit(BASE, old, nfd(old))
    line, column = position_of(text, nfd("xã Nậm"))
    assert findings(text, RULE) == [(line, column, MESSAGE.format(word="xã", more=" (và 4 chữ khác trong đoạn này)"))]


def test_a_decomposed_word_in_a_block_scalar_is_reported_where_it_stands():
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                f"trich_yeu: |-\n  Tuyên truyền\n  {nfd('chống')} thiên tai")
    line, column = position_of(text, nfd("chống"))
    assert findings(text, RULE) == [(line, column, MESSAGE.format(word="chống", more=""))]
