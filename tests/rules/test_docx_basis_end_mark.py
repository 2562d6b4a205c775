from test_docx_context import W, findings, index_of, paragraph, rewrite

from helpers import BASE, edit
from helpers import findings as plan_findings

RULE = "docx-basis-end-mark"
FIRST = "Căn cứ Quyết định số 90/QĐ-TTg"
LAST = "Căn cứ Quyết định số 1006/QĐ-UBND"


def end_with(data: bytes, start: str, mark: str) -> bytes:
    """The paragraph starting with `start` ending with `mark` instead of its last character."""
    def change(root):
        last = list(paragraph(root, start).iter(W + "t"))[-1]
        last.text = last.text[:-1] + mark
    return rewrite(data, change)


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_full_stop_before_the_last_and_a_semicolon_on_the_last(tmp_path, rendered_bytes):
    data = end_with(end_with(rendered_bytes, FIRST, "."), LAST, ";")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, FIRST), "«Căn cứ Quyết định số 90/QĐ-TTg ngày…»: căn cứ chưa phải dòng cuối phải kết thúc "
                                "bằng dấu «;» (Nghị định 30, Phụ lục I, II.6.a)"),
        (index_of(data, LAST), "«Căn cứ Quyết định số 1006/QĐ-UBND ngày…»: căn cứ cuối cùng phải kết thúc bằng dấu "
                               "«.» (Nghị định 30, Phụ lục I, II.6.a)"),
    ]


def test_the_last_basis_and_the_preamble_in_one_paragraph_pass(tmp_path, rendered_bytes):
    data = end_with(rendered_bytes, LAST, ". Ủy ban nhân dân huyện ban hành Kế hoạch như sau:")
    assert findings(tmp_path, data, RULE) == []


def test_a_thuc_hien_basis_after_the_can_cu_lines_is_the_last_basis(tmp_path, rendered_bytes):
    def change(root):
        last = list(paragraph(root, LAST).iter(W + "t"))
        last[0].text = "Thực hiện" + last[0].text[len("Căn cứ"):]
    data = end_with(rewrite(rendered_bytes, change), "Căn cứ Kế hoạch số 172", ";")
    assert findings(tmp_path, data, RULE) == []


def test_the_data_check_says_the_same_of_the_same_end_mark():
    text = edit(BASE, "  - van_ban: nd-66\n", "  - van_ban: nd-66\n    dau_cuoi: \".\"\n")
    assert [f[2] for f in plan_findings(text, "basis-end-mark")] == [
        "căn cứ chưa phải dòng cuối phải kết thúc bằng dấu «;» (Nghị định 30, Phụ lục I, II.6.a)"]
