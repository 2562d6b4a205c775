"""Amounts: «1.250.000» and «Một triệu hai trăm năm mươi nghìn đồng», as invoices and budget tables write them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.conventions.money import MAX_AMOUNT, AmountError, amount_in_words, format_amount, parse_amount

_DIGIT = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_SCALE = {"nghìn": 10**3, "triệu": 10**6}
_VOCABULARY = set(_DIGIT) | set(_SCALE) | {"tỷ", "trăm", "mươi", "mười", "linh", "mốt", "lăm"}


def read_words(text: str) -> int:
    """The number that Vietnamese words name, read the way a person reads them (independent of money.py)."""
    assert text.endswith(" đồng")
    words = text[: -len(" đồng")].lower().split()
    if "tỷ" in words:  # what comes before the last «tỷ» counts the tỷ
        last = len(words) - 1 - words[::-1].index("tỷ")
        return _read(words[:last]) * 10**9 + _read(words[last + 1:])
    return _read(words)


def _read(words: list[str]) -> int:
    if "tỷ" in words:
        last = len(words) - 1 - words[::-1].index("tỷ")
        return _read(words[:last]) * 10**9 + _read(words[last + 1:])
    total = group = 0
    pending = None
    for word in words:
        if word in _DIGIT:
            assert pending is None, words
            pending = _DIGIT[word]
        elif word == "trăm":
            group += pending * 100
            pending = None
        elif word == "mươi":
            group += pending * 10
            pending = None
        elif word == "mười":
            group += 10
        elif word == "mốt":
            group += 1
        elif word == "lăm":
            group += 5
        elif word == "linh":
            pass
        else:
            total += (group + (pending or 0)) * _SCALE[word]
            group, pending = 0, None
    return total + group + (pending or 0)


# -- known examples -----------------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "words"), [
    (0, "Không đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (15, "Mười lăm đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi bốn đồng"),
    (105, "Một trăm linh năm đồng"),
    (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"),
    (2024, "Hai nghìn không trăm hai mươi bốn đồng"),
    (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
    (1_000_005, "Một triệu không trăm linh năm đồng"),
    (1_005_000_000, "Một tỷ không trăm linh năm triệu đồng"),
    (10_000_000_000, "Mười tỷ đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (1_001_000_000_000, "Một nghìn không trăm linh một tỷ đồng"),
    (10**15, "Một triệu tỷ đồng"),
])
def test_known_amounts_in_words(amount, words):
    assert amount_in_words(amount) == words


@pytest.mark.parametrize(("amount", "text"), [
    (0, "0"), (999, "999"), (1000, "1.000"), (1_250_000, "1.250.000"), (10**15, "1.000.000.000.000.000"),
])
def test_known_amounts_in_figures(amount, text):
    assert format_amount(amount) == text


@pytest.mark.parametrize("value", [1_250_000, "1.250.000", "1250000", "1.250.000 đồng", " 1.250.000đồng ",
                                   "1.250.000 đ", "1.250.000 Đồng"])
def test_parse_amount_accepts_the_ways_clerks_write_it(value):
    assert parse_amount(value) == 1_250_000


@pytest.mark.parametrize(("value", "message"), [
    ("1,250,000", "«1,250,000»: dấu phân cách hàng nghìn là dấu chấm; có phải «1.250.000»?"),
    ("1.250.000,50", "«1.250.000,50»: kinh phí tính bằng đồng, không có phần lẻ sau dấu phẩy; hãy bỏ phần lẻ"),
    ("1.25.000", "«1.25.000»: sau mỗi dấu chấm phải có đúng ba chữ số, ví dụ 1.250.000"),
    ("15 triệu", "«15 triệu» không phải số tiền; hãy viết số đồng bằng chữ số, ví dụ 1.250.000 hoặc 1.250.000 đồng"),
    (-5, "số tiền không được âm"),
    (10**18, "số tiền quá lớn; hãy kiểm tra lại số chữ số"),
    (True, "cần một số tiền (số đồng), ví dụ 1.250.000"),
    (1.5, "cần một số tiền (số đồng), ví dụ 1.250.000"),
])
def test_parse_amount_refuses_anything_else_with_a_vietnamese_message(value, message):
    with pytest.raises(AmountError) as error:
        parse_amount(value)
    assert str(error.value) == message


# -- properties --------------------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=10**15)


@given(amounts)
def test_words_read_back_to_the_amount(amount):
    assert read_words(amount_in_words(amount)) == amount


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_words_read_back_up_to_the_largest_amount(amount):
    assert read_words(amount_in_words(amount)) == amount


@given(amounts)
def test_words_are_in_the_financial_form(amount):
    text = amount_in_words(amount)
    assert text[0].isupper() and text[1:] == text[1:].lower() and text.endswith(" đồng")
    words = text.lower().split()[:-1]
    assert set(words) <= _VOCABULARY, words
    pairs = list(zip(words, words[1:]))
    if amount:
        # «không» only in «không trăm», never first: 2024 is «hai nghìn không trăm hai mươi bốn».
        assert words[0] != "không"
        assert all(b == "trăm" for a, b in pairs if a == "không")
    for a, b in pairs:
        if a == "linh":
            assert b in _DIGIT and b != "không"
        if b == "linh":
            assert a == "trăm"
        if b == "mốt":
            assert a == "mươi"  # 21 «hai mươi mốt», but 11 «mười một», 101 «một trăm linh một»
        if b == "lăm":
            assert a in ("mươi", "mười")
        if a in ("mươi", "mười"):
            assert b not in ("năm", "không"), words  # 15 «mười lăm», 25 «hai mươi lăm»
        if a == "mươi":
            assert b != "một"
    assert "tư" not in words and "lẻ" not in words


@given(amounts)
def test_a_group_after_a_higher_one_is_read_in_full(amount):
    """Each group of three digits after the first one written is read with its hundreds, even «không trăm»."""
    groups = format_amount(amount).split(".")
    words = amount_in_words(amount).lower()
    full_groups = [g for g in groups[1:] if int(g) and int(g) < 100]
    assert words.count("không trăm") == len(full_groups)


@given(amounts)
def test_figures_are_grouped_by_three_with_dots(amount):
    text = format_amount(amount)
    assert text.replace(".", "") == str(amount)
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", text)
    assert parse_amount(text) == amount
    assert parse_amount(f"{text} đồng") == amount
