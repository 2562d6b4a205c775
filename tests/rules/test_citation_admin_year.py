from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-admin-year"
KH = "    loai: Kế hoạch\n    so: 20/KH-UBND\n"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_plan_with_a_year_in_its_symbol():
    text = edit(BASE, "so: 20/KH-UBND", "so: 20/2025/KH-UBND")
    line, column = position_of(text, "20/2025/KH-UBND")
    assert findings(text, RULE) == [(line, column, "Kế hoạch là văn bản hành chính nên số, ký hiệu không ghi năm; "
                                                   "hãy viết «20/KH-UBND» (hoặc sửa loai nếu đây là văn bản quy phạm)")]


def test_official_letter_with_a_year():
    text = edit(BASE, KH, "    loai: Công văn\n    so: 12/2025/UBND-VX\n")
    line, column = position_of(text, "12/2025/UBND-VX")
    assert findings(text, RULE) == [(line, column, "Công văn là văn bản hành chính nên số, ký hiệu không ghi năm; "
                                                   "hãy viết «12/UBND-VX» (hoặc sửa loai nếu đây là văn bản quy phạm)")]


def test_normative_decisions_resolutions_and_decrees_carry_a_year():
    for kind, symbol in (("Quyết định", "15/2025/QĐ-UBND"), ("Nghị quyết", "15/2025/NQ-HĐND"),
                         ("Nghị định", "66/2025/NĐ-CP"), ("Chỉ thị", "05/CT-UBND")):
        text = edit(BASE, KH, f"    loai: {kind}\n    so: {symbol}\n")
        assert findings(text, RULE) == [], symbol
