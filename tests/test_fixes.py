"""Fixes that rules attach to their problems (kehoach.source.fixes): exact edits, and none when not exact."""

from __future__ import annotations

import json

from kehoach.check.report import to_json
from kehoach.check.runner import check_text
from kehoach.problems import Fix
from support import PLAN_2024

PLAN = PLAN_2024.read_text(encoding="utf-8")


def _apply(text: str, fix: Fix) -> str:
    lines = text.split("\n")
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        assert edit.start[0] == edit.end[0]
        row = lines[edit.start[0] - 1]
        lines[edit.start[0] - 1] = row[: edit.start[1] - 1] + edit.text + row[edit.end[1] - 1 :]
    return "\n".join(lines)


def _problems(text: str):
    return check_text(text, "ke-hoach.yaml").problems


def _fixed(text: str, rule: str) -> tuple[str, str]:
    """`text` with the first fix of `rule` applied, and the fix's title."""
    problem = next(p for p in _problems(text) if p.rule == rule)
    assert problem.fix is not None, problem
    return _apply(text, problem.fix), problem.fix.title


def test_the_minor_quote_style_becomes_the_major_one_both_marks():
    text = PLAN.replace("thông tin cơ bản về Chương trình", "thông tin cơ bản về “Chương trình”", 1).replace(
        "hoạt động truyền thông theo kế", 'hoạt động "truyền thông" theo kế', 1).replace(
        "tuyên truyền sâu rộng", "tuyên truyền “sâu rộng”", 1)
    fixed, title = _fixed(text, "text-quotes")
    assert title == "Dùng ngoặc kép cong (“…”)"
    assert "hoạt động “truyền thông” theo kế" in fixed
    assert not [p for p in _problems(fixed) if p.rule == "text-quotes"]


def test_a_fix_in_a_double_quoted_value_is_escaped_and_one_in_a_plain_value_that_would_change_meaning_is_not_given():
    text = PLAN.replace('- "Các nội dung dự kiến thực hiện trong năm 2024:"',
                        '- "Các nội dung dự kiến thực hiện trong ngày 5/03/2024:"')
    fixed, _ = _fixed(text, "text-date-format")
    assert '- "Các nội dung dự kiến thực hiện trong ngày 05/3/2024:"' in fixed
    # A curly quote first in a plain value: a straight quote there would open a quoted value, so no fix;
    # first on a line of a folded (>-) block it is only text, and the fix is given.
    straight = PLAN.replace("tình hình thực hiện chính sách", '"tình hình" thực hiện chính sách').replace(
        "các chính sách, giải pháp", '"các chính sách", giải pháp')
    text = straight.replace("noi_dung: Xây dựng phóng sự", "noi_dung: “Xây dựng” phóng sự")
    problem = next(p for p in _problems(text) if p.rule == "text-quotes")
    assert problem.fix is None
    text = straight.replace("              Tuyên truyền, phổ biến", "              “Tuyên truyền” phổ biến")
    fixed, _ = _fixed(text, "text-quotes")
    assert '              "Tuyên truyền" phổ biến' in fixed


def test_a_date_folded_over_two_lines_gets_no_fix():
    text = PLAN.replace("trong giai\n              đoạn 2021-2025", "trong ngày 5\n              tháng 3 năm 2024")
    problem = next(p for p in _problems(text) if p.rule == "text-date-format")
    assert problem.fix is None


def test_json_output_lists_the_fix():
    text = PLAN.replace("KT. CHỦ TỊCH", "KT CHỦ TỊCH")
    report = check_text(text, "ke-hoach.yaml")
    problem, = json.loads(to_json([report]))["problems"]
    line = text.split("\n").index("    - KT CHỦ TỊCH") + 1
    assert problem["fix"] == {"title": "Viết «KT. CHỦ TỊCH»", "edits": [
        {"file": "ke-hoach.yaml", "start": {"line": line, "column": 7}, "end": {"line": line, "column": 18},
         "text": "KT. CHỦ TỊCH"}]}


def test_a_value_with_a_colon_is_quoted_whole_and_the_plan_reads_again():
    text = PLAN.replace("  ho_ten: Đinh Văn Sơn", '  ho_ten: Đinh Văn Sơn: "Sơn" \\ A  # ghi chú')
    problem, = _problems(text)
    assert problem.rule == "yaml-syntax"
    fixed = _apply(text, problem.fix)
    assert problem.fix.title == 'Đặt «Đinh Văn Sơn: "Sơn" \\ A» trong ngoặc kép'
    assert '  ho_ten: "Đinh Văn Sơn: \\"Sơn\\" \\\\ A"  # ghi chú' in fixed
    assert _problems(fixed) == []
    # A value that goes on over the next line gets no fix (where it ends is not certain).
    text = PLAN.replace("  chuc_vu: PHÓ CHỦ TỊCH", "  chuc_vu: PHÓ CHỦ TỊCH: A\n    B")
    assert [p.fix for p in _problems(text)] == [None]


def test_decomposed_words_are_written_precomposed_and_invisible_characters_go():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Đinh Văn Sơn")
    text = PLAN.replace("ho_ten: Đinh Văn Sơn", f"ho_ten: {decomposed}").replace(
        "chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: PHÓ\u200b CHỦ\u00a0TỊCH")
    fixed, title = _fixed(text, "text-nfc")
    assert title == "Viết chữ dạng Unicode dựng sẵn" and "ho_ten: Đinh Văn Sơn\n" in fixed
    fixed, title = _fixed(fixed, "text-invisible-char")
    fixed, _ = _fixed(fixed, "text-invisible-char")
    assert "chuc_vu: PHÓ CHỦ TỊCH\n" in fixed
    assert fixed == PLAN
