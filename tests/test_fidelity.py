"""The 2024 plan renders to the issued plan's text, word for word (the seed), except the documented fixes."""

from __future__ import annotations

import difflib
import unicodedata

from docx.oxml.ns import qn

from support import SEED

# The only differences from the issued text, each explained in a comment in data/plan_2024.yaml.
CORRECTIONS = [
    ("Quyết định số 4438/QĐ-UBND ngày 14/12/2024", "Quyết định số 4438/QĐ-UBND ngày 14/12/2023"),
    ("Đài Phát tranh", "Đài Phát thanh"),
]


def words(text: str) -> list[str]:
    """Words of a text, NFC; the seed's line breaks are not paragraph breaks, so all white space is one."""
    return unicodedata.normalize("NFC", text).split()


def seed_words() -> list[str]:
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    for wrong, right in CORRECTIONS:
        assert text.count(wrong) == 1, wrong
        text = text.replace(wrong, right)
    # The row of dashes is how the text extract shows the rule under the summary.
    return [w for w in words(text) if set(w) != {"–"}]


def document_words(document) -> list[str]:
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return words(" ".join(texts))


def test_text_after_the_header_block_is_the_seed_word_for_word(rendered):
    got = document_words(rendered)
    start = got.index("KẾ")  # the header block before it is not in the seed (it comes from the data)
    expected = seed_words()
    diff = [op for op in difflib.SequenceMatcher(None, expected, got[start:], autojunk=False).get_opcodes()
            if op[0] != "equal"]
    assert diff == [], [(expected[a:b], got[start:][c:d]) for _, a, b, c, d in diff]


def test_header_block_comes_from_the_data(rendered):
    got = " ".join(document_words(rendered))
    header = got[: got.index("KẾ HOẠCH")]
    assert header.split() == words(
        "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 185/KH-UBND Mường Ảng, ngày 05 tháng 7 năm 2024"
    )


def test_the_seed_really_has_the_two_dates_and_the_typo():
    """Guard against the corrections silently matching nothing."""
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    assert "4438/QĐ-UBND ngày 14/12/2024" in text and "4438/QĐ-UBND ngày 14/12/2023" in text
    assert "Đài Phát tranh" in text


def test_both_mentions_of_4438_render_from_one_record(rendered):
    got = " ".join(document_words(rendered))
    assert got.count("Quyết định số 4438/QĐ-UBND ngày 14/12/2023") == 2
    assert "14/12/2024" not in got
