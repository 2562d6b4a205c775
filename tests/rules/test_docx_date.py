import pytest
from test_docx_context import findings, index_of, replace_text, run_properties
from test_docx_context import rendered_draft_bytes  # noqa: F401 (a fixture)

RULE = "docx-date"
DATE = "Mường Ảng, ngày 05 tháng 7 năm 2024"


def with_date(data: bytes, text: str) -> bytes:
    return replace_text(data, DATE, text)


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_the_draft_with_day_and_month_left_blank_passes(tmp_path, rendered_draft_bytes):  # noqa: F811
    assert findings(tmp_path, rendered_draft_bytes, RULE) == []


@pytest.mark.parametrize("text", ["Mường Ảng, ngày 05 tháng 01 năm 2024", "Mường Ảng, ngày 29 tháng 02 năm 2024",
                                  "Mường Ảng, ngày 31 tháng 12 năm 2024",
                                  "Thành phố Hồ Chí Minh, ngày 10 tháng 3 năm 2024"])
def test_the_zero_rule_kept(tmp_path, rendered_bytes, text):
    assert findings(tmp_path, with_date(rendered_bytes, text), RULE) == []


@pytest.mark.parametrize(("text", "message"), [
    ("Mường Ảng, ngày 30 tháng 02 năm 2024",
     "ngày 30 tháng 02 năm 2024 không có thật; hãy sửa lại ngày ban hành"),
    ("mường Ảng, ngày 05 tháng 7 năm 2024",
     "địa danh «mường Ảng» chưa viết hoa chữ đầu; Nghị định 30 quy định viết hoa tên địa danh"),
    ("Mường Ảng, ngày 05/7/2024",
     "không đúng dạng «<Địa danh>, ngày … tháng … năm …»; Nghị định 30 quy định viết đầy đủ, ví dụ «Mường Ảng, ngày "
     "05 tháng 01 năm 2024»"),
])
def test_one_finding_for_each_mistake(tmp_path, rendered_bytes, text, message):
    data = with_date(rendered_bytes, text)
    assert findings(tmp_path, data, RULE) == [(index_of(data, text[:5]), f"«{text}»: {message}")]


def test_upright_and_too_small(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, DATE, '<w:i w:val="0"/><w:sz w:val="24"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, DATE), f"«{DATE}»: cỡ chữ 12 pt, chữ không nghiêng; Nghị định 30 quy định địa danh, ngày "
                               "tháng cỡ 13–14 pt, in nghiêng")]


def test_missing(tmp_path, rendered_bytes):
    data = with_date(rendered_bytes, "")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy dòng địa danh, ngày tháng (ví dụ «Mường Ảng, ngày 05 tháng 01 năm 2024») dưới Quốc "
               "hiệu; Nghị định 30 quy định dòng này cùng hàng với dòng «Số:»")]
