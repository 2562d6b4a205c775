from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-normative-year"
KH = "    loai: Kế hoạch\n    so: 20/KH-UBND\n"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_decree_without_year_gets_the_year_of_its_date():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/NĐ-CP")
    line, column = position_of(text, "66/NĐ-CP")
    assert findings(text, RULE) == [(line, column, "Nghị định là văn bản quy phạm pháp luật nên số, ký hiệu phải có "
                                                   "năm ban hành (số/năm/NĐ-CP); hãy viết «66/2021/NĐ-CP»")]


def test_circular_without_year_nor_date():
    text = edit(BASE, "    loai: Nghị định\n    so: 66/2021/NĐ-CP\n    ngay: 06/7/2021\n",
                "    loai: Thông tư\n    so: 06/TT-BTTTT\n")
    line, column = position_of(text, "06/TT-BTTTT")
    assert findings(text, RULE) == [(line, column, "Thông tư là văn bản quy phạm pháp luật nên số, ký hiệu phải có "
                                                   "năm ban hành (số/năm/TT-BTTTT); hãy thêm năm ban hành sau số")]


def test_two_digit_year():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/21/NĐ-CP")
    line, column = position_of(text, "66/21/NĐ-CP")
    assert findings(text, RULE) == [(line, column, "năm «21» trong số, ký hiệu «66/21/NĐ-CP» phải viết đủ bốn chữ số; "
                                                   "hãy viết «66/2021/NĐ-CP»")]


def test_year_other_than_the_date():
    text = edit(BASE, "so: 66/2021/NĐ-CP", "so: 66/2020/NĐ-CP")
    line, column = position_of(text, "66/2020/NĐ-CP")
    assert findings(text, RULE) == [(line, column, "số, ký hiệu «66/2020/NĐ-CP» ghi năm 2020 nhưng ngày ban hành là "
                                                   "06/7/2021; hãy sửa năm hoặc ngày cho khớp")]


def test_normative_decision_year_must_match_its_date():
    text = edit(BASE, KH, "    loai: Quyết định\n    so: 15/2024/QĐ-UBND\n")
    line, column = position_of(text, "15/2024/QĐ-UBND")
    assert findings(text, RULE) == [(line, column, "số, ký hiệu «15/2024/QĐ-UBND» ghi năm 2024 nhưng ngày ban hành là "
                                                   "10/02/2025; hãy sửa năm hoặc ngày cho khớp")]


def test_decisions_and_resolutions_without_year_are_administrative():
    for kind, symbol in (("Quyết định", "90/QĐ-TTg"), ("Nghị quyết", "01/NQ-CP"), ("Quyết định", "15/2025/QĐ-UBND")):
        text = edit(BASE, KH, f"    loai: {kind}\n    so: {symbol}\n")
        assert findings(text, RULE) == [], symbol


def test_administrative_types_are_left_to_citation_admin_year():
    text = edit(BASE, "so: 20/KH-UBND", "so: 20/2024/KH-UBND")
    assert findings(text, RULE) == []
