from test_docx_context import findings, index_of, replace_text

from helpers import BASE, edit
from helpers import findings as plan_findings

RULE = "docx-summary-case"
FIRST = "Triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều"
MIDDLE = "thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững"
LAST = "năm 2024 trên địa bàn huyện"
MESSAGE = ("trích yếu viết in hoa; Nghị định 30 (Phụ lục I, II.5.b) viết chữ thường, chỉ viết hoa chữ đầu và tên"
           " riêng, ví dụ «Triển khai thực hiện tiểu dự án 2: truyền thông về giảm …»")


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_in_capitals_the_same_message_as_the_data_check(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, FIRST, FIRST.upper())
    data = replace_text(data, MIDDLE, MIDDLE.upper())
    data = replace_text(data, LAST, LAST.upper())
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "TRIỂN KHAI"), "«TRIỂN KHAI THỰC HIỆN TIỂU DỰ ÁN 2:…»: " + MESSAGE)]
    summary = " ".join(s.upper() for s in (FIRST, MIDDLE, LAST))
    text = edit(BASE, "trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025", f"trich_yeu: \"{summary}\"")
    assert [f[2] for f in plan_findings(text, "summary-case")] == [MESSAGE]
