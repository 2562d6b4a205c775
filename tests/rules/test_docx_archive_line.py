from test_docx_context import findings, index_of, replace_text

from helpers import BASE, edit
from helpers import findings as plan_findings

RULE = "docx-archive-line"
ARCHIVE = "- Lưu: VT, LĐTBXH."
MESSAGE = "Nghị định 30 quy định dòng lưu viết «- Lưu: VT, <viết tắt đơn vị soạn thảo>.», kết thúc bằng dấu chấm"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_an_archive_line_without_the_drafting_unit(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, ARCHIVE, "- Lưu VT;")
    assert findings(tmp_path, data, RULE) == [(index_of(data, "- Lưu VT;"), f"«- Lưu VT;»: {MESSAGE}")]


def test_the_data_check_says_the_same_of_an_archive_line_kept_as_printed():
    text = edit(BASE, "  luu: van-hoa", "  luu: []\n  luu_ghi: VTVP.UBND tỉnh")
    assert [f[2] for f in plan_findings(text, "archive-line")] == [MESSAGE]
