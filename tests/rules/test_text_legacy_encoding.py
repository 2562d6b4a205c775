from pathlib import Path

import pytest
from helpers import BASE, edit, findings, position_of

from kehoach.source.load import load_yaml_text
from kehoach.rules.text_legacy_encoding import detect, is_syllable

RULE = "text-legacy-encoding"
ROOT = Path(__file__).parents[2]
PLAN_2024 = (ROOT / "data" / "plan_2024.yaml").read_text(encoding="utf-8")
FIX = "hãy chuyển mã đoạn này bằng Unikey (Công cụ chuyển mã, từ {0} sang Unicode) rồi dán lại"
TCVN3 = "có vẻ là chữ TCVN3 (phông .VnTime) dán vào thành ký tự lạ (đọc là «{1}»); " + FIX.format("TCVN3")
VNI = "có vẻ là chữ VNI (phông VNI-Times) dán vào thành ký tự lạ (đọc là «{1}»); " + FIX.format("VNI")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_no_string_of_the_example_plans_nor_the_issued_text_looks_legacy_encoded():
    texts = [*strings(load_yaml_text(PLAN_2024, "plan").data), *strings(load_yaml_text(BASE, "base").data)]
    texts += (ROOT / "tests" / "data" / "seed_plan_2024.txt").read_text(encoding="utf-8").splitlines()
    assert len(texts) > 200
    assert [t for t in texts if detect(t)] == []


@pytest.mark.parametrize("text", [
    "Le goût du café où nous étions, près de l'église de Zürich, über alles, Noël, Raphaël, août",
    "Là où il va, où il est, où il sera.",
    "The naïve fiancée's résumé, déjà vu in the café; Brontë, Raúl aún, piñata, Dvořák, Ærø",
])
def test_french_and_english_text_with_accents_is_not_taken_for_mojibake(text):
    assert detect(text) is None


@pytest.mark.parametrize("word", ["người", "Nghiêng", "khuya", "quốc", "gìn", "giữ", "xoong", "Ảng", "thuỷ", "hoà", "oanh"])
def test_vietnamese_syllables_are_recognised(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["goût", "gỏt", "QĐ", "aỏt", "café", "hßa", "hoøa", "nhaõn"])
def test_other_words_are_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(("mojibake", "name", "first", "unicode"), [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "TCVN3", "hßa", "hòa"),
    ("Uû ban nh©n d©n huyÖn M\u00adêng ¶ng", "TCVN3", "Uû", "Uỷ"),
    ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3", "HßA", "HÒA"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI", "Coäng", "Cộng"),
    ("UÛy ban nhaân daân tænh Ñieän Bieân", "VNI", "UÛy", "Ủy"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "VNI", "COÄNG", "CỘNG"),
])
def test_legacy_text_is_detected_named_and_its_first_word_converted(mojibake, name, first, unicode):
    found = detect(mojibake)
    assert found is not None
    assert (found[0], found[3], found[4]) == (name, first, unicode)
    assert mojibake[found[2]:].startswith(first)


def test_tcvn3_text_is_reported_at_its_first_mojibake_word():
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                "trich_yeu: Tuyªn truyÒn phßng, chèng thiªn tai n¨m 2025")
    line, column = position_of(text, "Tuyªn")
    assert findings(text, RULE) == [(line, column, "«Tuyªn» " + TCVN3.format(None, "Tuyên"))]


def test_vni_text_in_a_quoted_value_is_reported_after_the_quote():
    text = edit(BASE, "UBND xã Nậm Lịch xây dựng", "UBND xaõ Naäm Lòch xaây döïng")
    line, column = position_of(text, "Naäm")
    assert findings(text, RULE) == [(line, column, "«Naäm» " + VNI.format(None, "Nậm"))]


def test_it_takes_two_different_mojibake_words():
    assert findings(edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò Văn Pánh d©n"), RULE) == []
    assert findings(edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò Văn Pánh d©n d©n"), RULE) == []
    line, column = position_of(BASE, "Lò Văn Pánh")
    assert findings(edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: Lò Văn Pánh nh©n d©n"), RULE) == [
        (line, column + 12, "«nh©n» " + TCVN3.format(None, "nhân"))]


def test_every_code_of_the_tables_has_a_letter_beyond_ascii():
    """What lets detect() set aside a word without such a letter (most Vietnamese words) before the syllable test:
    an ASCII-only code would change words that filter lets through unexamined."""
    from kehoach.rules.text_legacy_encoding import _CODE_LETTERS, _TCVN3, _VNI

    assert [code for table in (_TCVN3, _VNI) for code in table if code.isascii()] == []
    assert all(not _CODE_LETTERS.isdisjoint(code) for table in (_TCVN3, _VNI) for code in table)
    assert _CODE_LETTERS.isdisjoint("Kế hoạch Mường Ảng năm 2024 đợt")  # set aside: beyond Latin-1, or ASCII
