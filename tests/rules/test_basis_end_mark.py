from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "basis-end-mark"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_comma_on_the_last_basis_without_a_following_sentence():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n", "  - van_ban: kh-20-huyen\n    dau_cuoi: \",\"\n")
    line, column = position_of(text, "\",\"")
    assert findings(text, RULE) == [(line, column, "căn cứ cuối cùng phải kết thúc bằng dấu «.» (Nghị định 30, Phụ"
                                                   " lục I, II.6.a)")]


def test_a_comma_then_the_preamble_in_the_same_paragraph_passes():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n", "  - van_ban: kh-20-huyen\n    mo_dau: Thực hiện\n"
                "    dau_cuoi: \",\"\n    tiep: \"UBND xã xây dựng Kế hoạch như sau:\"\n")
    assert findings(text, RULE) == []
