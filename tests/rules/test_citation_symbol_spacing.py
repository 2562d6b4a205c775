from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-symbol-spacing"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_space_after_the_hyphen():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/2021/NĐ- CP")
    line, column = position_of(text, " CP")
    assert findings(text, RULE) == [(line, column, "số, ký hiệu «66/2021/NĐ- CP» có dấu cách cạnh dấu «/» hoặc «-»;"
                                                   " Nghị định 30 (Phụ lục I, II.3) viết liền, không cách chữ: hãy"
                                                   " viết «66/2021/NĐ-CP»")]


def test_a_space_before_the_hyphen_and_around_a_slash():
    text = edit(BASE, "so: 20/KH-UBND", "so: 20 / KH -UBND")
    line, column = position_of(text, " / KH")
    assert findings(text, RULE) == [(line, column, "số, ký hiệu «20 / KH -UBND» có dấu cách cạnh dấu «/» hoặc «-»;"
                                                   " Nghị định 30 (Phụ lục I, II.3) viết liền, không cách chữ: hãy"
                                                   " viết «20/KH-UBND»")]


def test_party_symbols_are_written_closed_and_pass():
    text = edit(BASE, "    loai: Kế hoạch\n    so: 20/KH-UBND\n", "    loai: Quyết định\n    so: 289-QĐ/TU\n")
    assert findings(text, RULE) == []
