from test_docx_context import findings, index_of, replace_text, run_properties
from test_docx_context import rendered_draft_bytes  # noqa: F401 (a fixture)

RULE = "docx-number"
NUMBER = "Số: 185/KH-UBND"


def messages(tmp_path, rendered_bytes, text: str) -> list[str]:
    """What the rule says with `text` as the number line (every finding must point at that line)."""
    data = replace_text(rendered_bytes, NUMBER, text)
    found = findings(tmp_path, data, RULE)
    assert {line for line, _ in found} <= {index_of(data, "Số")}
    return [message for _, message in found]


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_the_draft_with_its_number_left_blank_passes(tmp_path, rendered_draft_bytes):  # noqa: F811
    assert findings(tmp_path, rendered_draft_bytes, RULE) == []


def test_a_two_digit_number_and_another_organ_pass(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 05/KH-PGDĐT") == []


def test_a_single_digit(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 5/KH-UBND") == [
        "«Số: 5/KH-UBND»: số 5 thiếu số 0; Nghị định 30 quy định số nhỏ hơn 10 ghi thêm số 0: «05»"]


def test_no_colon(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số 185/KH-UBND") == [
        "«Số 185/KH-UBND»: không đúng dạng «Số: <số>/<ký hiệu>»; Nghị định 30 quy định chữ «Số» và dấu hai chấm, "
        "ví dụ «Số: 05/KH-UBND»"]


def test_a_year_in_an_administrative_symbol(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 185/2024/KH-UBND") == [
        "«Số: 185/2024/KH-UBND»: ký hiệu có năm «2024»; ký hiệu văn bản hành chính không ghi năm (Nghị định 30, "
        "Phụ lục I, II.3), ví dụ «Số: 05/KH-UBND»"]


def test_a_legal_normative_decision_carries_its_year(tmp_path, rendered_bytes):
    data = replace_text(replace_text(rendered_bytes, NUMBER, "Số: 36/2013/QĐ-UBND"), "KẾ HOẠCH", "QUYẾT ĐỊNH")
    assert findings(tmp_path, data, RULE) == []
    data = replace_text(replace_text(rendered_bytes, NUMBER, "Số: 36/2013/KH-UBND"), "KẾ HOẠCH", "QUYẾT ĐỊNH")
    assert [m for _, m in findings(tmp_path, data, RULE)] == [
        "«Số: 36/2013/KH-UBND»: ký hiệu «KH» không khớp tên loại QUYẾT ĐỊNH; Nghị định 30 (Phụ lục III) viết tắt"
        " Quyết định là «QĐ»"]


def test_spaces_inside_the_symbol(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 185/KH - UBND") == [
        "«Số: 185/KH - UBND»: ký hiệu «KH - UBND» có dấu cách; Nghị định 30 quy định các nhóm chữ nối bằng «-», "
        "không cách chữ"]


def test_a_symbol_of_another_type(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 185/QĐ-UBND") == [
        "«Số: 185/QĐ-UBND»: ký hiệu «QĐ» không khớp tên loại KẾ HOẠCH; Nghị định 30 (Phụ lục III) viết tắt Kế "
        "hoạch là «KH»"]


def test_no_organ_and_a_lower_case_organ(tmp_path, rendered_bytes):
    assert messages(tmp_path, rendered_bytes, "Số: 185/KH") == [
        "«Số: 185/KH»: ký hiệu «KH» thiếu chữ viết tắt tên cơ quan; Nghị định 30 quy định dạng «Số: 05/KH-UBND»"]
    assert messages(tmp_path, rendered_bytes, "Số: 185/KH-Ubnd") == [
        "«Số: 185/KH-Ubnd»: chữ viết tắt tên cơ quan «Ubnd» chưa in hoa; Nghị định 30 quy định ký hiệu in hoa"]


def test_size_and_weight(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, NUMBER, '<w:b/><w:sz w:val="28"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, NUMBER), f"«{NUMBER}»: cỡ chữ 14 pt, chữ in đậm; Nghị định 30 quy định số, ký hiệu cỡ 13 pt, "
                                 "không in đậm")]


def test_missing(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, NUMBER, "")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy dòng «Số: …/…» dưới tên cơ quan; Nghị định 30 quy định số, ký hiệu ở đó, ví dụ "
               "«Số: 05/KH-UBND»")]
