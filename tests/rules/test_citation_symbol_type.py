from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-symbol-type"
KH = "    loai: Kế hoạch\n    so: 20/KH-UBND\n"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_code_of_another_type_is_reported_at_the_symbol():
    text = edit(BASE, "so: 20/KH-UBND", "so: 20/QĐ-UBND")
    line, column = position_of(text, "20/QĐ-UBND")
    assert findings(text, RULE) == [(line, column, "ký hiệu «20/QĐ-UBND» ghi «QĐ» nhưng chữ viết tắt của Kế hoạch "
                                                   "là «KH»; hãy viết «20/KH-UBND» hoặc sửa loai")]


def test_normative_symbol_keeps_its_year_in_the_fix():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/2021/TT-CP")
    line, column = position_of(text, "66/2021/TT-CP")
    assert findings(text, RULE) == [(line, column, "ký hiệu «66/2021/TT-CP» ghi «TT» nhưng chữ viết tắt của Nghị "
                                                   "định là «NĐ»; hãy viết «66/2021/NĐ-CP» hoặc sửa loai")]


def test_mixed_case_code_is_case_sensitive():
    text = edit(BASE, KH, "    loai: Quy định\n    so: 20/QYĐ-UBND\n")
    line, column = position_of(text, "20/QYĐ-UBND")
    assert findings(text, RULE) == [(line, column, "ký hiệu «20/QYĐ-UBND» ghi «QYĐ» nhưng chữ viết tắt của Quy định "
                                                   "là «QyĐ» (phân biệt chữ hoa, chữ thường); hãy viết «20/QyĐ-UBND» "
                                                   "hoặc sửa loai")]


def test_mixed_case_codes_as_in_the_table_pass():
    for kind, code in (("Quy định", "QyĐ"), ("Chương trình", "CTr"), ("Tờ trình", "TTr")):
        text = edit(BASE, KH, f"    loai: {kind}\n    so: 20/{code}-UBND\n")
        assert findings(text, RULE) == [], kind


def test_both_forms_of_decisions_and_resolutions_pass():
    for kind, symbol in (("Quyết định", "90/QĐ-TTg"), ("Quyết định", "15/2023/QĐ-UBND"), ("Nghị quyết", "01/NQ-CP"),
                         ("Nghị quyết", "15/2023/NQ-HĐND"), ("Nghị quyết", "30/2021/QH15")):
        text = edit(BASE, KH, f"    loai: {kind}\n    so: {symbol}\n")
        assert findings(text, RULE) == [], symbol


def test_types_without_a_code_are_not_compared():
    text = edit(BASE, KH, "    loai: Công văn\n    so: 12/UBND-VX\n")
    assert findings(text, RULE) == []


def test_a_number_without_a_symbol_is_reported():
    text = edit(BASE, "so: 20/KH-UBND", "so: 20")
    line, column = position_of(text, "20\n    ngay: 10/02/2025")
    assert findings(text, RULE) == [(line, column, "«20» không phải số, ký hiệu; hãy ghi đủ số và ký hiệu dạng "
                                                   "số/KH-cơ quan ban hành")]


def test_a_normative_number_without_a_symbol_shows_the_year_in_the_shape():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/")
    line, column = position_of(text, "66/\n")
    assert findings(text, RULE) == [(line, column, "«66/» không phải số, ký hiệu; hãy ghi đủ số và ký hiệu dạng "
                                                   "số/năm/NĐ-cơ quan ban hành")]


def test_a_law_with_a_number_is_left_to_citation_law_number():
    text = edit(BASE, "    loai: Luật\n", "    loai: Luật\n    so: 33/2013/QH13\n")
    assert findings(text, RULE) == []


def test_an_older_symbol_with_only_the_issuer_has_no_type_code_to_compare():
    text = edit(BASE, "    loai: Kế hoạch\n    so: 20/KH-UBND\n", "    loai: Quyết định\n    so: 170/TTg\n")
    assert findings(text, RULE) == []
