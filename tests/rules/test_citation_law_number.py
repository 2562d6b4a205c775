from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "citation-law-number"


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_law_with_number_and_issuer():
    text = edit(BASE, "    loai: Luật\n", "    loai: Luật\n    so: 33/2013/QH13\n    co_quan: Quốc hội\n")
    number, issuer = position_of(text, "33/2013/QH13"), position_of(text, "Quốc hội")
    assert findings(text, RULE) == [
        (*number, "Luật được trích dẫn không ghi số, ký hiệu (chỉ ghi tên và ngày thông qua); hãy bỏ dòng so"),
        (*issuer, "Luật được trích dẫn không ghi cơ quan ban hành (chỉ ghi tên và ngày thông qua); "
                  "hãy bỏ dòng co_quan")]


def test_ordinance_with_issuer():
    text = edit(BASE, "    loai: Luật\n", "    loai: Pháp lệnh\n    co_quan: Ủy ban Thường vụ Quốc hội\n")
    line, column = position_of(text, "Ủy ban Thường vụ Quốc hội")
    assert findings(text, RULE) == [(line, column, "Pháp lệnh được trích dẫn không ghi cơ quan ban hành (chỉ ghi tên "
                                                   "và ngày thông qua); hãy bỏ dòng co_quan")]


def test_code_with_number():
    text = edit(BASE, "    loai: Luật\n", "    loai: Bộ luật\n    so: 45/2019/QH14\n")
    line, column = position_of(text, "45/2019/QH14")
    assert findings(text, RULE) == [(line, column, "Bộ luật được trích dẫn không ghi số, ký hiệu (chỉ ghi tên và ngày "
                                                   "thông qua); hãy bỏ dòng so")]

