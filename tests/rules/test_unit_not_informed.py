import re

from helpers import BASE, edit, findings, position_of
from support import PLAN_2024

RULE = "unit-not-informed"
UNITS = "  ban:\n    ten: Trưởng các bản\n"
COORDINATING = "        phoi_hop: ban\n"


def with_units(base: str, units: str, coordinating: str) -> str:
    """BASE with more units declared and the first activity coordinated by `coordinating`."""
    return edit(edit(base, UNITS, UNITS + units), COORDINATING, f"        phoi_hop: {coordinating}\n")


def message(name: str, ref: str, role: str = "phối hợp") -> str:
    return (f"«{name}» được giao {role} nhưng không nhận kế hoạch; hãy thêm «{ref}» vào noi_nhan.gui, giao nhiệm vụ "
            "(nhiem_vu) cho đơn vị này, hoặc ghi thuoc: <mã nhóm> nếu đơn vị thuộc một nhóm đã nhận")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_a_coordinating_unit_that_gets_nothing_is_reported_at_its_reference():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n", "[ban, y-te]")
    line, column = position_of(text, "y-te]")
    assert findings(text, RULE) == [(line, column, message("Trạm Y tế xã", "y-te"))]


def test_a_unit_is_reported_once_at_its_first_task():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n", "y-te")
    text = edit(text, "        chu_tri: ban\n", "        chu_tri: y-te\n")
    line, column = position_of(text, "y-te\n        thoi_gian")
    assert findings(text, RULE) == [(line, column, message("Trạm Y tế xã", "y-te"))]


def test_a_lead_unit_names_its_role():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n", "ban")
    text = edit(text, "        chu_tri: ban\n", "        chu_tri: y-te\n")
    line, column = position_of(text, "y-te\n        thuc_hien")
    assert findings(text, RULE) == [(line, column, message("Trạm Y tế xã", "y-te", "chủ trì"))]


def test_a_member_of_a_recipient_group_passes():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: ban\n", "[ban, y-te]")
    assert findings(text, RULE) == []


def test_membership_is_followed_through_groups():
    units = "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: [to-cong-tac]\n  to-cong-tac:\n    ten: Tổ công tác\n    thuoc: ban\n"
    assert findings(with_units(BASE, units, "y-te"), RULE) == []


def test_a_member_of_a_group_with_duties_passes():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: truyen-thanh\n", "y-te")
    assert findings(text, RULE) == []


def test_groups_that_belong_to_each_other_but_get_nothing_are_reported():
    units = "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: to\n  to:\n    ten: Tổ công tác\n    thuoc: y-te\n"
    text = with_units(BASE, units, "y-te")
    line, column = position_of(text, "y-te\n        thoi_gian")
    assert findings(text, RULE) == [(line, column, message("Trạm Y tế xã", "y-te"))]


def test_the_drafting_unit_keeps_the_file_and_passes():
    text = with_units(BASE, "  vp:\n    ten: Văn phòng UBND xã\n    viet_tat: VP\n", "vp")
    assert findings(edit(text, "luu: van-hoa", "luu: [van-hoa, vp]"), RULE) == []


def test_a_unit_written_by_name_is_not_checked():
    assert findings(edit(BASE, COORDINATING, "        phoi_hop: Trạm Y tế xã\n"), RULE) == []


def test_an_undefined_group_is_a_reference_error():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: [bann]\n", "y-te")
    line, column = position_of(text, "bann")
    assert findings(text, "ref-undefined") == [
        (line, column, "dẫn chiếu «bann» không trỏ tới đơn vị nào; hãy khai báo mã này trong don_vi (có phải «ban»?)")]


def test_the_2024_plan_needs_its_membership_lines():
    text = re.sub(r"\n    thuoc: bcd[^\n]*", "", PLAN_2024.read_text(encoding="utf-8"))
    assert [m for _, _, m in findings(text, RULE)] == [message("Phòng Văn hoá và Thông tin huyện", "vhtt"),
                                                        message("Ban Tuyên giáo huyện", "ban-tuyen-giao")]


def test_a_group_must_be_written_as_an_id():
    text = with_units(BASE, "  y-te:\n    ten: Trạm Y tế xã\n    thuoc: Trưởng các bản\n", "y-te")
    line, column = position_of(text, "Trưởng các bản\nvan_ban")
    assert [f[:2] for f in findings(text, "schema-id")] == [(line, column)]
