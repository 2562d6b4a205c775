from helpers import BASE, edit, findings, position_of

RULE = "recipients-archive"
RECIPIENTS = "  gui: [UBND huyện Mường Ảng, ban]\n  luu: van-hoa\n"


def recipients(gui: str, luu: str) -> str:
    return edit(BASE, RECIPIENTS, f"  gui: {gui}\n  luu: {luu}\n")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_a_free_text_code_with_copies_passes():
    assert findings(recipients("[UBND huyện Mường Ảng, ban]", "[van-hoa, HC (2)]"), RULE) == []


def test_a_recipient_named_like_an_archive_office_passes():
    assert findings(recipients("[UBND huyện Mường Ảng, ban, Lưu trữ lịch sử tỉnh]", "van-hoa"), RULE) == []


def test_an_empty_archive_is_reported():
    text = recipients("[UBND huyện Mường Ảng, ban]", "[]")
    line, column = position_of(text, "[]")
    assert findings(text, RULE) == [
        (line, column, "dòng «- Lưu: VT, …» chưa có đơn vị soạn thảo; hãy ghi vào luu mã đơn vị soạn thảo (đơn vị có "
                       "viet_tat)")]


def test_an_archive_unit_without_a_code_is_reported():
    text = recipients("[UBND huyện Mường Ảng, ban]", "[van-hoa, truyen-thanh]")
    line, column = position_of(text, "truyen-thanh]")
    assert findings(text, RULE) == [
        (line, column, "đơn vị «truyen-thanh» chưa có chữ viết tắt nên dòng Lưu sẽ in tên đầy đủ «Đài Truyền thanh "
                       "xã»; hãy thêm viet_tat cho «truyen-thanh» trong don_vi")]


def test_an_archive_line_typed_into_the_recipients_is_reported():
    text = recipients("\n    - UBND huyện Mường Ảng\n    - ban\n    - \"- Lưu: VT, VHXH.\"", "van-hoa")
    line, column = position_of(text, '"- Lưu')
    assert findings(text, RULE) == [
        (line, column, "«- Lưu: VT, VHXH.» là dòng lưu, kehoach tự in ở cuối Nơi nhận; hãy xóa dòng này khỏi gui và "
                       "ghi đơn vị soạn thảo vào luu")]


def test_an_archive_line_without_colon_is_reported():
    text = recipients("[UBND huyện Mường Ảng, ban, lưu VT]", "van-hoa")
    line, column = position_of(text, "lưu VT")
    assert [f[:2] for f in findings(text, RULE)] == [(line, column)]


def test_vt_typed_into_the_archive_is_reported():
    text = recipients("[UBND huyện Mường Ảng, ban]", "\"VT, VHXH\"")
    line, column = position_of(text, '"VT, VHXH"')
    assert findings(text, RULE) == [
        (line, column, "«VT, VHXH» không cần ghi ở luu: kehoach tự in «Lưu: VT,» trước đơn vị soạn thảo; hãy chỉ ghi "
                       "đơn vị soạn thảo")]
