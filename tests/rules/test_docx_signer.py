from test_docx_context import findings, index_of, paragraph_properties, replace_text, run_properties

RULE = "docx-signer"
NAME = "Đinh Văn Sơn"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_slashed_authority(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN NHÂN DÂN")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "T/M"), "«T/M ỦY BAN NHÂN DÂN»: viết sai thẩm quyền ký «T/M»; Nghị định 30 quy định viết tắt "
                                "«TM.» (in hoa, có dấu chấm, không gạch chéo)")]


def test_a_committee_signed_without_tm(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "TM. ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN")
    data = replace_text(data, "KT. CHỦ TỊCH", "CHỦ TỊCH")
    data = replace_text(data, "PHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "CHỦ TỊCH") - 1, "«ỦY BAN NHÂN DÂN»: thiếu thẩm quyền ký; Ủy ban nhân dân làm việc theo chế độ "
                                         "tập thể, Nghị định 30 (Điều 13) quy định ký «TM. ỦY BAN NHÂN DÂN» trên chức "
                                         "vụ")]


def test_titles_not_bold_and_not_in_capitals(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "PHÓ CHỦ TỊCH", "Phó Chủ tịch")
    data = run_properties(data, "Phó Chủ tịch", '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Phó Chủ tịch"), "«Phó Chủ tịch»: chữ không đậm, chưa viết in hoa; Nghị định 30 quy định quyền "
                                         "hạn, chức vụ người ký in đậm, in hoa")]


def test_the_name_in_capitals_and_not_bold(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, NAME, NAME.upper())
    data = run_properties(data, NAME.upper(), '<w:b w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, NAME.upper()), "«ĐINH VĂN SƠN»: chữ không đậm; Nghị định 30 quy định họ tên người ký in đậm"),
        (index_of(data, NAME.upper()), "«ĐINH VĂN SƠN»: họ tên người ký viết in hoa; Nghị định 30 quy định họ tên viết "
                                       "chữ thường, viết hoa chữ đầu mỗi tiếng"),
    ]


def test_no_name(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, NAME, NAME.upper())
    data = paragraph_properties(data, NAME.upper(), '<w:spacing w:before="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, NAME.upper()), "«ĐINH VĂN SƠN»: không tìm thấy họ tên người ký dưới chức vụ (chữ thường, in "
                                       "đậm, sau khoảng trống để ký)")]


def test_no_signature_block(tmp_path, rendered_bytes):
    data = rendered_bytes
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", NAME):
        data = replace_text(data, line, "")
    assert findings(tmp_path, data, RULE) == [
        (None, "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký) ở ô bên phải «Nơi nhận:»; Nghị định "
               "30 quy định khối chữ ký ngang hàng với nơi nhận")]
