from helpers import BASE, edit, findings, position_of

RULE = "signature-authority"


def test_chairman_signing_for_the_committee_passes():
    assert findings(BASE, RULE) == []


def test_vice_chairman_with_kt_passes():
    text = edit(BASE, "quyen_han: [TM. ỦY BAN NHÂN DÂN]\n  chuc_vu: CHỦ TỊCH",
                "quyen_han: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]\n  chuc_vu: PHÓ CHỦ TỊCH")
    assert findings(text, RULE) == []


def test_vice_chairman_without_kt_is_reported_at_the_position():
    text = edit(BASE, "chuc_vu: CHỦ TỊCH", "chuc_vu: PHÓ CHỦ TỊCH")
    line, column = position_of(text, "PHÓ CHỦ TỊCH")
    assert findings(text, RULE) == [(line, column, "PHÓ CHỦ TỊCH ký thay cấp trưởng nên cần dòng «KT. CHỦ TỊCH» ngay "
                                               "trên chức vụ; hãy thêm vào quyen_han")]


def test_kt_before_the_head_signing_himself():
    text = edit(BASE, "quyen_han: [TM. ỦY BAN NHÂN DÂN]", "quyen_han: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]")
    line, column = position_of(text, "KT. CHỦ TỊCH")
    assert findings(text, RULE) == [(line, column, "người ký là CHỦ TỊCH tự ký thì không ghi «KT. CHỦ TỊCH»; hãy bỏ dòng này")]


def test_tm_before_a_position():
    text = edit(BASE, "quyen_han: [TM. ỦY BAN NHÂN DÂN]", "quyen_han: [TM. CHỦ TỊCH]")
    line, column = position_of(text, "TM. CHỦ TỊCH")
    assert findings(text, RULE) == [(line, column, "«TM.» chỉ đứng trước tên tập thể, không đứng trước chức vụ «CHỦ TỊCH»: "
                                               "ký thay mặt Ủy ban thì ghi «TM. ỦY BAN NHÂN DÂN» rồi chức vụ ở dòng "
                                               "dưới; cấp phó ký thay thì ghi «KT. CHỦ TỊCH»")]
