from helpers import BASE, PLAN_2024, edit, findings, position_of

from kehoach.render.context import build_context
from kehoach.source.plan_file import read_plan_text

RULE = "archive-line"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_an_archive_line_kept_as_printed_is_printed_and_reported():
    text = edit(BASE, "  luu: van-hoa", "  luu: []\n  luu_ghi: VTVP.UBND tỉnh")
    loaded = read_plan_text(text, "ke-hoach.yaml")
    assert build_context(loaded.plan, loaded.refs)["recipients"][-1] == "- Lưu: VTVP.UBND tỉnh."
    line, column = position_of(text, "VTVP.UBND tỉnh")
    assert findings(text, RULE) == [(line, column, "Nghị định 30 quy định dòng lưu viết «- Lưu: VT, <viết tắt đơn vị"
                                                   " soạn thảo>.», kết thúc bằng dấu chấm")]
    assert findings(text, "recipients-archive") == []


def test_an_archive_line_of_the_decrees_shape_passes():
    text = edit(BASE, "  luu: van-hoa", "  luu: []\n  luu_ghi: VT, VHXH")
    assert findings(text, RULE) == []
