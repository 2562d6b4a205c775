from test_docx_context import findings, index_of, remove_paragraph, replace_text, run_properties

RULE = "docx-recipients"
ARCHIVE = "- Lưu: VT, LĐTBXH."
LAST_OTHER = "- UBND các xã, thị trấn;"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_without_the_archive_line(tmp_path, rendered_bytes):
    data = remove_paragraph(rendered_bytes, ARCHIVE)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, LAST_OTHER), f"«{LAST_OTHER}»: thiếu dòng «- Lưu: VT, <đơn vị soạn thảo>.» cuối nơi nhận; Nghị "
                                     "định 30 quy định dòng cuối cùng là nơi lưu văn bản")]


def test_an_archive_line_of_another_shape_is_docx_archive_lines_warning(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, ARCHIVE, "- Lưu VT;")
    assert findings(tmp_path, data, RULE) == []


def test_the_archive_line_not_last(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, ARCHIVE, "- Lưu: VT;")
    data = replace_text(data, LAST_OTHER, ARCHIVE)
    data = replace_text(data, "- Lưu: VT;", LAST_OTHER)
    data = replace_text(data, ARCHIVE, "- Lưu: VT, LĐTBXH;")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "- Lưu: VT, LĐTBXH;"), "«- Lưu: VT, LĐTBXH;»: dòng «- Lưu: …» phải là dòng cuối cùng của nơi "
                                               "nhận")]


def test_a_dash_and_a_semicolon_missing(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "- Lãnh đạo UBND huyện;", "Lãnh đạo UBND huyện;")
    data = replace_text(data, LAST_OTHER, "- UBND các xã, thị trấn.")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Lãnh đạo"), "«Lãnh đạo UBND huyện;»: dòng nơi nhận phải bắt đầu bằng gạch ngang và dấu cách "
                                     "«- »"),
        (index_of(data, "- UBND các xã"), "«- UBND các xã, thị trấn.»: dòng nơi nhận phải kết thúc bằng dấu chấm phẩy "
                                          "«;»"),
    ]


def test_label_and_item_formatting(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, "Nơi nhận:", '<w:i w:val="0"/><w:sz w:val="28"/>')
    data = run_properties(data, LAST_OTHER, '<w:sz w:val="28"/><w:b/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Nơi nhận:"), "«Nơi nhận:»: cỡ chữ 14 pt, chữ không nghiêng; Nghị định 30 quy định «Nơi nhận:» "
                                      "cỡ 12 pt, in nghiêng"),
        (index_of(data, LAST_OTHER), f"«{LAST_OTHER}»: cỡ chữ 14 pt, chữ in đậm; Nghị định 30 quy định các dòng nơi "
                                     "nhận cỡ 11 pt, không in đậm"),
    ]


def test_the_label_without_its_colon(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "Nơi nhận:", "Nơi nhận")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Nơi nhận"), "«Nơi nhận»: viết sai; Nghị định 30 quy định viết «Nơi nhận:» (chữ N hoa, có dấu "
                                     "hai chấm)")]


def test_missing(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "Nơi nhận:", "Gửi:")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy «Nơi nhận:» dưới nội dung; Nghị định 30 quy định phần nơi nhận ở bên trái, ngang hàng "
               "với chức vụ người ký")]


def _party_bytes() -> bytes:
    import io

    from support import ROOT, render_text

    buffer = io.BytesIO()
    render_text((ROOT / "data" / "vi-du" / "ke-hoach-dang-uy-xa.yaml").read_text(encoding="utf-8")).save(buffer)
    return buffer.getvalue()


def test_a_party_document_keeps_its_copy_at_the_committee_office(tmp_path):
    """HD 36: «- Lưu Văn phòng Đảng ủy.», no «VT»; the «Nơi nhận:» label 14 pt, underlined."""
    party = _party_bytes()
    assert findings(tmp_path, party, RULE) == []
    data = replace_text(party, "- Lưu: VT, VPĐU.", "- Lưu Văn phòng Đảng ủy.")
    assert findings(tmp_path, data, RULE) == []
    data = replace_text(party, "- Lưu: VT, VPĐU.", "- Lưu Văn phòng Đảng ủy")
    assert findings(tmp_path, data, RULE) == []
    assert findings(tmp_path, data, "docx-archive-line") == [
        (index_of(data, "- Lưu Văn phòng"), "«- Lưu Văn phòng Đảng ủy»: Hướng dẫn 36 quy định dòng lưu viết «- Lưu <nơi "
                                            "lưu>.», ví dụ «- Lưu Văn phòng Đảng ủy.», kết thúc bằng dấu chấm")]
    data = run_properties(party, "Nơi nhận:", '<w:u w:val="none"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Nơi nhận:"), "«Nơi nhận:»: chưa gạch chân; Hướng dẫn 36 quy định «Nơi nhận:» gạch chân")]
