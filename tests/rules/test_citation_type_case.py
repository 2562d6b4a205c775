from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-type-case"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_type_written_in_lower_case_or_with_a_capital_inside():
    for written, name in (("kế hoạch", "Kế hoạch"), ("Kế Hoạch", "Kế hoạch")):
        text = edit(BASE, "    loai: Kế hoạch\n    so: 20/KH-UBND", f"    loai: {written}\n    so: 20/KH-UBND")
        line, column = position_of(text, f"{written}\n    so: 20")
        assert findings(text, RULE) == [(line, column, f"tên loại «{written}» viết khác bảng tên loại; hãy viết «{name}»")]
