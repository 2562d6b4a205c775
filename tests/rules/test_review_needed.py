from helpers import BASE, all_findings, edit, findings, position_of

from kehoach.features.textconv import context_lines
from kehoach.source.plan_file import read_plan_text
from kehoach.render.context import build_context

RULE = "review-needed"
SUFFIX = "; xem, sửa xong thì xóa dòng xem_lai"


def test_a_plan_without_marks_passes():
    assert findings(BASE, RULE) == []


def test_each_mark_is_reported_at_its_key_with_its_reason():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n",
                "  - van_ban: kh-20-huyen\n    xem_lai: căn cứ của năm trước\n")
    text = edit(text, "    trich_yeu: quy định chi tiết thi hành Luật Phòng, chống thiên tai\n",
                "    trich_yeu: quy định chi tiết thi hành Luật Phòng, chống thiên tai\n"
                "    xem_lai: kiểm tra văn bản còn hiệu lực\n")
    text = edit(text, "    id: noi-dung\n", "    id: noi-dung\n    xem_lai: sửa kinh phí\n")
    text = edit(text, "        id: phat-thanh\n", "        id: phat-thanh\n        xem_lai: đổi tháng\n")
    text = edit(text, "      - nhiem_vu: truyen-thanh\n",
                "      - nhiem_vu: truyen-thanh\n        xem_lai: \"giao việc: hỏi lại đài\"\n")
    expected = [
        (*position_of(text, "xem_lai: kiểm tra văn bản"), "cần xem lại: kiểm tra văn bản còn hiệu lực" + SUFFIX),
        (*position_of(text, "xem_lai: căn cứ"), "cần xem lại: căn cứ của năm trước" + SUFFIX),
        (*position_of(text, "xem_lai: sửa kinh phí"), "cần xem lại: sửa kinh phí" + SUFFIX),
        (*position_of(text, "xem_lai: đổi tháng"), "cần xem lại: đổi tháng" + SUFFIX),
        (*position_of(text, "xem_lai: \"giao"), "cần xem lại: giao việc: hỏi lại đài" + SUFFIX),
    ]
    assert findings(text, RULE) == expected
    # A warning: the marks are the only thing `check` has to say about this plan.
    assert [p.split(": cảnh báo: ")[1] for p in all_findings(text)] == [f"{m} [{RULE}]" for _, _, m in expected]


def test_the_mark_is_never_printed():
    marked = edit(BASE, "    id: noi-dung\n", "    id: noi-dung\n    xem_lai: sửa kinh phí\n")
    printed = [context_lines(build_context(p.plan, p.refs)) for p in
               (read_plan_text(BASE, "a.yaml"), read_plan_text(marked, "b.yaml"))]
    assert printed[0] == printed[1]
    assert not any("sửa kinh phí" in line for line in printed[1])


def test_an_emptied_mark_counts_as_deleted():
    text = edit(BASE, "    id: noi-dung\n", "    id: noi-dung\n    xem_lai:\n")
    assert all_findings(text) == []
