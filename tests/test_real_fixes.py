"""The quick fixes of the rules for real documents' slips: each, applied, leaves its rule nothing to say."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach.check.runner import check_text

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from helpers import BASE, edit  # noqa: E402
from test_fixes import _apply  # noqa: E402


def _fixed(text: str, rule: str) -> tuple[str, str]:
    problems = [p for p in check_text(text, "ke-hoach.yaml").problems if p.rule == rule]
    assert problems and problems[0].fix is not None, problems
    return _apply(text, problems[0].fix), problems[0].fix.title


CASES = [
    ("citation-symbol-spacing", "so: 66/2021/NĐ-CP", "so: 66/2021/NĐ- CP", "Viết «66/2021/NĐ-CP»"),
    ("citation-number-word", "so: 20/KH-UBND", "so: số 20/KH-UBND", "Bỏ chữ «số» ở đầu"),
    ("text-repeated-word", "Phát các tin, bài", "Phát các các tin, bài", "Bỏ một chữ «các»"),
    ("citation-type-case", "    loai: Kế hoạch\n", "    loai: kế hoạch\n", "Viết «Kế hoạch»"),
    ("citation-pattern", "    so: 20/KH-UBND\n", "    so: 20/KH-UBND\n    mau: \"{loai} số: {so} ngày {ngay}\"\n",
     "Viết «số»"),
    ("date-as-written", "ngay: 14/3/2025\n", "ngay: 14/3/2025\nngay_ghi: 14 tháng 03 năm 2025\n", "Viết «3»"),
    ("place-organ", "dia_danh: Nậm Lịch", "dia_danh: Hà Nội", "Viết «Nậm Lịch»"),
    ("basis-end-mark", "  - van_ban: nd-66\n", "  - van_ban: nd-66\n    dau_cuoi: \".\"\n", "Viết «;»"),
    ("end-mark", "năm 2025 của UBND xã./.", "năm 2025 của UBND xã.", "Thêm «./.»"),
]


@pytest.mark.parametrize(("rule", "old", "new", "title"), CASES, ids=[c[0] for c in CASES])
def test_the_fix_removes_the_finding(rule, old, new, title):
    text = edit(BASE, old, new)
    fixed, shown = _fixed(text, rule)
    assert shown == title
    assert [p for p in check_text(fixed, "ke-hoach.yaml").problems if p.rule == rule] == []


def test_a_name_split_by_a_bracketed_list_is_quoted_back_into_one():
    text = edit(BASE, "gui: [UBND huyện Mường Ảng, ban]", "gui: [UBND huyện Mường Ảng, UBND các huyện, thị xã, ban]")
    fixed, title = _fixed(text, "yaml-flow-split")
    assert title == "Đặt «UBND các huyện, thị xã» trong ngoặc kép"
    assert 'gui: [UBND huyện Mường Ảng, "UBND các huyện, thị xã", ban]' in fixed
    assert [p for p in check_text(fixed, "ke-hoach.yaml").problems if p.rule == "yaml-flow-split"] == []
