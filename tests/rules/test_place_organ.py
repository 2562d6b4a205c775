from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "place-organ"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_place_that_is_not_the_organs():
    text = edit(BASE, "dia_danh: Nậm Lịch", "dia_danh: Hà Nội")
    line, column = position_of(text, "Hà Nội")
    assert findings(text, RULE) == [(line, column, "địa danh «Hà Nội» không phải tên đơn vị hành chính nơi cơ quan đóng"
                                                   " trụ sở («Nậm Lịch», theo tên cơ quan); Nghị định 30 (Phụ lục I,"
                                                   " II.4.a) ghi tên đơn vị hành chính đó, hãy kiểm tra lại dia_danh")]


def test_an_office_of_a_province_takes_the_provinces_name_from_its_parent():
    text = edit(BASE, "  ten: [ỦY BAN NHÂN DÂN, XÃ NẬM LỊCH]\n",
                "  chu_quan: UBND TỈNH HÀ TĨNH\n  ten: [SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI]\n")
    assert findings(edit(text, "dia_danh: Nậm Lịch", "dia_danh: Hà Tĩnh"), RULE) == []


def test_an_organ_without_an_administrative_unit_in_its_name_is_not_checked():
    text = edit(BASE, "  ten: [ỦY BAN NHÂN DÂN, XÃ NẬM LỊCH]\n", "  ten: [BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI]\n")
    assert findings(edit(text, "dia_danh: Nậm Lịch", "dia_danh: Hà Nội"), RULE) == []
