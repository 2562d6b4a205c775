"""Dates, numbers and citations written the way ND30 writes them."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.model.plan import CitedDocument
from kehoach.model.references import cite_in_text
from kehoach.render.context import citation
from kehoach.conventions.text import doc_number, end_with, long_date, point_letter, roman, short_date


@pytest.mark.parametrize(
    ("value", "short", "long"),
    [
        (date(2024, 1, 5), "05/01/2024", "ngày 05 tháng 01 năm 2024"),
        (date(2024, 2, 29), "29/02/2024", "ngày 29 tháng 02 năm 2024"),
        (date(2020, 3, 5), "05/3/2020", "ngày 05 tháng 3 năm 2020"),
        (date(2019, 6, 29), "29/6/2019", "ngày 29 tháng 6 năm 2019"),
        (date(2023, 12, 14), "14/12/2023", "ngày 14 tháng 12 năm 2023"),
        (date(2022, 10, 1), "01/10/2022", "ngày 01 tháng 10 năm 2022"),
    ],
)
def test_zero_rule_pads_days_below_ten_and_only_january_and_february(value, short, long):
    assert short_date(value) == short
    assert long_date(value) == long


@pytest.mark.parametrize(("number", "written"), [("5", "05"), ("05", "05"), ("10", "10"), ("185", "185")])
def test_document_numbers_below_ten_take_a_leading_zero(number, written):
    assert doc_number(number) == written


@pytest.mark.parametrize(("value", "numeral"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman_numerals(value, numeral):
    assert roman(value) == numeral


def test_point_letters_follow_the_vietnamese_alphabet():
    assert [point_letter(i) for i in range(8)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert point_letter(22) == "y"
    assert point_letter(23) == "aa"


@pytest.mark.parametrize("text", ["Căn cứ A", "Căn cứ A;", "Căn cứ A.", "Căn cứ A ;", "Căn cứ A,"])
def test_end_with_replaces_whatever_end_mark_was_there(text):
    assert end_with(text, ";") == "Căn cứ A;"
    assert end_with(text, ".") == "Căn cứ A."


def doc(**fields) -> CitedDocument:
    return CitedDocument.model_validate(fields)


def test_citation_of_a_numbered_document_gives_type_number_date_issuer_title():
    qd = doc(loai="Quyết định", so="90/QĐ-TTg", ngay="18/1/2022", co_quan="Thủ tướng Chính phủ",
             trich_yeu="về việc phê duyệt Chương trình")
    assert citation(qd) == "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về việc phê duyệt Chương trình"
    assert cite_in_text(qd) == "Quyết định số 90/QĐ-TTg ngày 18/01/2022"


def test_a_law_is_cited_by_name_and_long_date_without_number_or_issuer():
    law = doc(loai="Luật", trich_yeu="Tổ chức Chính phủ", ngay="2015-06-19")
    assert citation(law) == "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"


def test_citation_leaves_out_what_is_not_known():
    assert citation(doc(loai="Công văn", so="12/UBND-VX")) == "Công văn số 12/UBND-VX"
