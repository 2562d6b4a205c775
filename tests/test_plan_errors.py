"""A clerk's mistakes in a plan: each is reported in Vietnamese, at file:line:column, saying what to do.

Every case edits the example plan (data/plan_2024.yaml) so that positions are those of a real file.
Expected positions are computed from the edited text: the 1-based number of the (unique) line that
holds the mistake, and the column of the token the message must point at. Nothing here asks the code
under test where things are.
"""

from __future__ import annotations

import unicodedata

import pytest

from support import PLAN_2024
from kehoach.errors import InputError, InputErrors
from kehoach.source.plan_file import read_plan_text

SOURCE = "ke-hoach.yaml"
PLAN = PLAN_2024.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    """`text` with the one occurrence of `old` replaced by `new` (the edit must hit exactly one place)."""
    assert text.count(old) == 1, f"not exactly one {old!r} in the plan"
    return text.replace(old, new)


def at(text: str, line: str, token: str | None = None) -> str:
    """`ke-hoach.yaml:L:C` for the unique line equal to `line`, at the start of `token` (else its first non-blank)."""
    lines = text.splitlines()
    assert lines.count(line) == 1, f"not exactly one line {line!r}"
    number = lines.index(line) + 1
    if token is None:
        column = len(line) - len(line.lstrip(" ")) + 1
    else:
        assert line.count(token) == 1, f"{token!r} not exactly once in {line!r}"
        column = line.index(token) + 1
    return f"{SOURCE}:{number}:{column}"


def line_no(text: str, line: str) -> int:
    lines = text.splitlines()
    assert lines.count(line) == 1
    return lines.index(line) + 1


def errors(text: str) -> list[str]:
    """The lines of the report for a plan that must be refused."""
    with pytest.raises(InputErrors) as info:
        read_plan_text(text, SOURCE)
    report = str(info.value)
    assert unicodedata.is_normalized("NFC", report)
    assert report == "\n".join(str(e) for e in info.value.errors)
    assert info.value.exit_code == 1  # a mistake in the plan, as kehoach check counts it (README: exit codes)
    return report.splitlines()


def test_the_example_itself_is_valid():
    loaded = read_plan_text(PLAN, SOURCE)
    assert loaded.plan.number == "185"


# -- wrong types ------------------------------------------------------------------------------------

LIST_NOT_TEXT = (
    "cần một đoạn chữ ở đây, không phải danh sách; hãy viết nội dung ngay sau dấu hai chấm, không dùng dòng «- »"
)


def test_block_list_where_text_expected():
    text = edit(PLAN, "  chuc_vu: PHÓ CHỦ TỊCH\n", "  chuc_vu:\n    - PHÓ CHỦ TỊCH\n")
    assert errors(text) == [f"{at(text, '    - PHÓ CHỦ TỊCH', '-')}: {LIST_NOT_TEXT}"]


def test_flow_list_where_text_expected():
    text = edit(PLAN, "    viet_tat: LĐTBXH\n", "    viet_tat: [LĐTBXH]\n")
    assert errors(text) == [f"{at(text, '    viet_tat: [LĐTBXH]', '[')}: {LIST_NOT_TEXT}"]


def test_mapping_where_list_expected():
    text = edit(
        PLAN,
        "        phoi_hop: [vhtt, ban-tuyen-giao, ubnd-xa]\n",
        "        phoi_hop:\n          vhtt: Phòng Văn hoá\n",
    )
    # Points at the mapping inside the activity, not at the activity's title (the block's tag).
    assert errors(text) == [
        f"{at(text, '          vhtt: Phòng Văn hoá')}: cần một danh sách ở đây, không phải khối «khóa: giá trị»; "
        "hãy viết mỗi phần tử trên một dòng bắt đầu bằng «- »"
    ]


def test_text_where_block_expected():
    text = edit(PLAN, "  ttvh:\n    ten: Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện\n", "  ttvh: Trung tâm\n")
    assert errors(text) == [
        f"{at(text, '  ttvh: Trung tâm', 'Trung')}: cần một khối «khóa: giá trị» ở đây; "
        "hãy viết các khóa con trên các dòng sau, thụt vào hai dấu cách"
    ]


def test_text_with_a_colon_read_as_a_mapping():
    text = edit(PLAN, "    - Lãnh đạo UBND huyện\n", "    - Lãnh đạo: UBND huyện\n")
    assert errors(text) == [
        f"{at(text, '    - Lãnh đạo: UBND huyện', 'Lãnh')}: cần một đoạn chữ ở đây, không phải khối «khóa: giá trị»; "
        "nếu nội dung có dấu hai chấm, hãy đặt cả nội dung trong ngoặc kép"
    ]


# -- empty values -----------------------------------------------------------------------------------


def test_required_key_without_value_points_at_the_key():
    text = edit(PLAN, "  ho_ten: Đinh Văn Sơn\n", "  ho_ten:\n")
    assert errors(text) == [
        f"{at(text, '  ho_ten:')}: khóa «ho_ten» chưa có giá trị; hãy ghi giá trị sau dấu hai chấm, "
        "hoặc xóa cả dòng nếu không cần"
    ]


def test_empty_text():
    text = edit(PLAN, "  viet_tat: UBND\n", "  viet_tat: ''\n")
    where = at(text, "  viet_tat: ''", "''")
    assert errors(text) == [f"{where}: không được để trống; hãy ghi nội dung hoặc xóa cả dòng"]


def test_empty_list_item():
    text = edit(PLAN, "    - Lãnh đạo UBND huyện\n", "    -\n")
    lines = text.splitlines()
    number = lines.index("    - TT Huyện uỷ - TT HĐND huyện") + 2
    assert lines[number - 1] == "    -"
    assert errors(text) == [
        f"{SOURCE}:{number}:6: phần tử này chưa có nội dung; hãy ghi nội dung sau dấu «- » hoặc xóa dòng này"
    ]


# -- missing keys -----------------------------------------------------------------------------------


def test_missing_top_level_block_is_reported_at_the_root():
    text = PLAN[: PLAN.index("\nky:\n") + 1]
    assert "ho_ten" not in text
    assert errors(text) == [f"{at(text, 'loai: Kế hoạch')}: thiếu khóa «ky» (Người ký); hãy thêm khóa này"]


def test_missing_key_is_reported_at_its_block():
    text = edit(PLAN, "  ho_ten: Đinh Văn Sơn\n", "")
    assert errors(text) == [
        f"{at(text, 'ky:')}: thiếu khóa «ho_ten» (Họ và tên người ký, không ghi học hàm, học vị); hãy thêm khóa này"
    ]


def test_missing_key_is_described_by_its_own_block():
    """`ten` of a unit is not `ten` of the issuing organ: the description must be the unit's."""
    text = edit(PLAN, "  vhtt:\n    ten: Phòng Văn hoá và Thông tin huyện\n", "  vhtt:\n    ten_ngan: Phòng Văn hoá\n")
    assert errors(text) == [
        f"{at(text, '  vhtt:')}: thiếu khóa «ten» (Tên đầy đủ, dùng ở tiêu đề phần Tổ chức thực hiện); hãy thêm khóa này"
    ]


def test_missing_cited_document_type():
    text = edit(PLAN, "    loai: Quyết định\n    so: 1006/QĐ-UBND\n", "    so: 1006/QĐ-UBND\n")
    assert errors(text) == [
        f"{at(text, '  qd-1006-2024:')}: thiếu khóa «loai» (Tên loại văn bản, ví dụ Quyết định, Thông tư, Kế hoạch, "
        "Luật); hãy thêm khóa này"
    ]


# -- unknown keys -----------------------------------------------------------------------------------


def test_unknown_key_with_a_near_miss():
    text = edit(PLAN, "    trich_yeu: về việc giao dự toán", "    trich_yue: về việc giao dự toán")
    line = "    trich_yue: về việc giao dự toán thu, chi ngân sách địa phương năm 2024"
    assert errors(text) == [
        f"{at(text, line)}: khóa «trich_yue» không có trong mẫu kế hoạch; có phải «trich_yeu»?"
    ]


def test_unknown_key_without_a_near_miss():
    text = edit(PLAN, "  viet_tat: UBND\n", "  viet_tat: UBND\n  dien_thoai: 0215 3123456\n")
    assert errors(text) == [
        f"{at(text, '  dien_thoai: 0215 3123456')}: khóa «dien_thoai» không có trong mẫu kế hoạch; "
        "hãy xóa hoặc sửa tên khóa"
    ]


def test_unknown_key_inside_an_activity_points_at_that_key():
    text = edit(PLAN, "        id: ho-tro-bao-chi\n        chu_tri:", "        id: ho-tro-bao-chi\n        chu_tr:")
    assert errors(text) == [
        f"{at(text, '        chu_tr: ldtbxh')}: khóa «chu_tr» không có trong mẫu kế hoạch; có phải «chu_tri»?"
    ]


# -- dates ------------------------------------------------------------------------------------------


def test_impossible_date():
    text = edit(PLAN, "ngay: 05/7/2024\n", "ngay: 30/02/2024\n")
    assert errors(text) == [
        f"{at(text, 'ngay: 30/02/2024', '30')}: ngày «30/02/2024» không có trên lịch; hãy kiểm tra lại ngày và tháng"
    ]


def test_impossible_date_of_a_cited_document():
    text = edit(PLAN, "    ngay: 30/6/2022\n    co_quan: Bộ trưởng", "    ngay: 31/6/2022\n    co_quan: Bộ trưởng")
    assert errors(text) == [
        f"{at(text, '    ngay: 31/6/2022', '31')}: ngày «31/6/2022» không có trên lịch; hãy kiểm tra lại ngày và tháng"
    ]


def test_badly_written_date():
    text = edit(PLAN, "ngay: 05/7/2024\n", "ngay: 5 tháng 7 2024\n")
    assert errors(text) == [
        f"{at(text, 'ngay: 5 tháng 7 2024', '5')}: «5 tháng 7 2024» không phải một ngày; "
        "hãy viết dạng ngày/tháng/năm, ví dụ 18/01/2022"
    ]


def test_number_for_a_date():
    text = edit(PLAN, "ngay: 05/7/2024\n", "ngay: 2024\n")
    assert errors(text) == [f"{at(text, 'ngay: 2024', '2024')}: cần một ngày viết dạng ngày/tháng/năm, ví dụ 18/01/2022"]


# -- document types, authority, numbers -------------------------------------------------------------


def test_misspelt_document_type_suggests_the_right_one():
    text = edit(PLAN, "    loai: Quyết định\n    so: 90/QĐ-TTg\n", "    loai: Quyết đinh\n    so: 90/QĐ-TTg\n")
    assert errors(text) == [
        f"{at(text, '    loai: Quyết đinh', 'Quyết')}: loại văn bản «Quyết đinh» không có trong bảng tên loại "
        "(Phụ lục III Nghị định 30/2020/NĐ-CP); có phải «Quyết định»?"
    ]


def test_unknown_document_type_lists_the_known_ones():
    text = edit(PLAN, "    loai: Quyết định\n    so: 90/QĐ-TTg\n", "    loai: Sắc lệnh\n    so: 90/QĐ-TTg\n")
    [line] = errors(text)
    assert line.startswith(
        f"{at(text, '    loai: Sắc lệnh', 'Sắc')}: loại văn bản «Sắc lệnh» không có trong bảng tên loại "
        "(Phụ lục III Nghị định 30/2020/NĐ-CP); hãy dùng một trong các loại: Nghị quyết, Quyết định, "
    )
    assert line.endswith(", Thông tư, Thông tư liên tịch, Văn bản hợp nhất, Thông báo kết luận, Kết luận")


def test_plan_type_without_an_abbreviation():
    # Công văn has none either, but it is a kind of its own (data/kinds/cong-van.yaml); Thư công is not.
    text = edit(PLAN, "\nloai: Kế hoạch\n", "\nloai: Thư công\n")
    assert errors(text) == [
        f"{at(text, 'loai: Thư công', 'Thư')}: loại văn bản «Thư công» không có chữ viết tắt trong Phụ lục III "
        "Nghị định 30/2020/NĐ-CP nên không ghép được ký hiệu (như KH-UBND); hãy dùng một loại có chữ viết tắt, "
        "ví dụ Kế hoạch"
    ]


def test_misspelt_plan_type():
    text = edit(PLAN, "\nloai: Kế hoạch\n", "\nloai: Kế hoach\n")
    assert errors(text) == [
        f"{at(text, 'loai: Kế hoach', 'Kế')}: loại văn bản «Kế hoach» không có trong bảng tên loại "
        "(Phụ lục III Nghị định 30/2020/NĐ-CP); có phải «Kế hoạch»?"
    ]


def test_authority_prefix_without_its_dot_points_at_that_line():
    text = edit(PLAN, "    - KT. CHỦ TỊCH\n", "    - KT CHỦ TỊCH\n")
    assert errors(text) == [
        f"{at(text, '    - KT CHỦ TỊCH', 'KT')}: dòng thẩm quyền «KT CHỦ TỊCH» phải bắt đầu bằng TM., KT., Q., TL. "
        "hoặc TUQ. rồi đến chức danh; có phải «KT. CHỦ TỊCH»?"
    ]


def test_authority_line_without_a_prefix():
    text = edit(PLAN, "    - KT. CHỦ TỊCH\n", "    - PHÓ CHỦ TỊCH\n")
    assert errors(text) == [
        f"{at(text, '    - PHÓ CHỦ TỊCH', 'PHÓ')}: dòng thẩm quyền «PHÓ CHỦ TỊCH» phải bắt đầu bằng TM., KT., Q., "
        "TL. hoặc TUQ. rồi đến chức danh, ví dụ «KT. CHỦ TỊCH»"
    ]


def test_authority_written_as_one_line():
    text = edit(PLAN, "  quyen_han:\n    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n", "  quyen_han: TM ỦY BAN NHÂN DÂN\n")
    assert errors(text) == [
        f"{at(text, '  quyen_han: TM ỦY BAN NHÂN DÂN', 'TM')}: dòng thẩm quyền «TM ỦY BAN NHÂN DÂN» phải bắt đầu "
        "bằng TM., KT., Q., TL. hoặc TUQ. rồi đến chức danh; có phải «TM. ỦY BAN NHÂN DÂN»?"
    ]


def test_number_with_its_symbol():
    text = edit(PLAN, "so: 185\n", "so: 185/KH-UBND\n")
    assert errors(text) == [
        f"{at(text, 'so: 185/KH-UBND', '185')}: số văn bản chỉ ghi phần số, ví dụ 185; ký hiệu (như KH-UBND) do "
        "kehoach tự ghép, hãy xóa phần còn lại"
    ]


def test_year_out_of_range():
    text = edit(PLAN, "so: 185\n", "nam: 1800\n")
    assert errors(text) == [f"{at(text, 'nam: 1800', '1800')}: giá trị phải từ 1945 trở lên"]


# -- ids --------------------------------------------------------------------------------------------


def test_section_id_with_capitals_and_diacritics():
    text = edit(PLAN, "    id: kinh-phi\n", "    id: Kinh-Phí\n")
    assert errors(text) == [
        f"{at(text, '    id: Kinh-Phí', 'Kinh')}: mã «Kinh-Phí» không hợp lệ: mã chỉ gồm chữ thường không dấu, "
        "chữ số và dấu gạch ngang; hãy viết lại, ví dụ «kinh-phi»"
    ]


def test_unit_id_with_capitals_points_at_the_key():
    text = edit(PLAN, "  vhtt:\n", "  Phòng-VH:\n")
    assert errors(text) == [
        f"{at(text, '  Phòng-VH:', 'Phòng')}: mã «Phòng-VH» không hợp lệ: mã chỉ gồm chữ thường không dấu, "
        "chữ số và dấu gạch ngang; hãy viết lại, ví dụ «phong-vh»"
    ]


def test_duplicate_section_id_says_where_it_was_first_used():
    text = edit(PLAN, "    id: kinh-phi\n", "    id: phong-su\n")
    first = line_no(text, "        id: phong-su")
    assert errors(text) == [
        f"{at(text, '    id: phong-su', 'phong')}: mã «phong-su» đã được dùng; mỗi mục, đơn vị, văn bản cần một mã "
        f"riêng, hãy đặt mã khác (mã này đã có ở dòng {first})"
    ]


def test_section_id_equal_to_a_unit_id():
    text = edit(PLAN, "    id: kinh-phi\n", "    id: ldtbxh\n")
    first = line_no(text, "  ldtbxh:")
    assert errors(text) == [
        f"{at(text, '    id: ldtbxh', 'ldtbxh')}: mã «ldtbxh» đã được dùng; mỗi mục, đơn vị, văn bản cần một mã "
        f"riêng, hãy đặt mã khác (mã này đã có ở dòng {first})"
    ]


def test_document_id_equal_to_a_unit_id_points_at_the_document_key():
    assert PLAN.count("qd-1006-2024") == 2  # its declaration and its use in can_cu
    text = PLAN.replace("qd-1006-2024", "ttvh")
    unit, document = [i + 1 for i, line in enumerate(text.splitlines()) if line == "  ttvh:"]
    assert errors(text) == [
        f"{SOURCE}:{document}:3: mã «ttvh» đã dùng cho một đơn vị; hãy đặt mã khác (mã này đã có ở dòng {unit})"
    ]


# -- references -------------------------------------------------------------------------------------


def test_undefined_unit_in_chu_tri_with_a_near_miss():
    text = edit(PLAN, "        id: ho-tro-bao-chi\n        chu_tri: ldtbxh\n",
                "        id: ho-tro-bao-chi\n        chu_tri: ldtbhx\n")
    assert errors(text) == [
        f"{at(text, '        chu_tri: ldtbhx', 'ldtbhx')}: dẫn chiếu «ldtbhx» không trỏ tới đơn vị nào; "
        "hãy khai báo mã này trong don_vi (có phải «ldtbxh»?)"
    ]


def test_undefined_unit_inside_a_flow_list_points_at_the_item():
    text = edit(PLAN, "phoi_hop: [vhtt, ban-tuyen-giao, ubnd-xa]", "phoi_hop: [vhtt, ban-tuyen-giao, ubnd-xaa]")
    line = "        phoi_hop: [vhtt, ban-tuyen-giao, ubnd-xaa]"
    assert errors(text) == [
        f"{at(text, line, 'ubnd-xaa')}: dẫn chiếu «ubnd-xaa» không trỏ tới đơn vị nào; "
        "hãy khai báo mã này trong don_vi (có phải «ubnd-xa»?)"
    ]


def test_unit_written_by_name_is_not_a_reference():
    text = edit(PLAN, "        id: ho-tro-bao-chi\n        chu_tri: ldtbxh\n",
                "        id: ho-tro-bao-chi\n        chu_tri: Sở Thông tin và Truyền thông\n")
    assert read_plan_text(text, SOURCE).plan.body  # accepted: a name, not an id


def test_undefined_document_in_can_cu():
    text = edit(PLAN, "  - van_ban: kh-54-2024\n", "  - van_ban: nghi-dinh-30\n")
    assert errors(text) == [
        f"{at(text, '  - van_ban: nghi-dinh-30', 'nghi')}: dẫn chiếu «nghi-dinh-30» không trỏ tới văn bản nào; "
        "hãy khai báo mã này trong van_ban"
    ]


def test_undefined_document_in_can_cu_with_a_near_miss():
    text = edit(PLAN, "  - van_ban: kh-54-2024\n", "  - van_ban: kh-55-2024\n")
    assert errors(text) == [
        f"{at(text, '  - van_ban: kh-55-2024', 'kh')}: dẫn chiếu «kh-55-2024» không trỏ tới văn bản nào; "
        "hãy khai báo mã này trong van_ban (có phải «kh-54-2024»?)"
    ]


INLINE_TAIL = "không trỏ tới mục, văn bản hay đơn vị nào; hãy dùng mã (id) của một mục, văn bản hoặc đơn vị đã khai báo"


def test_undefined_inline_reference_in_one_line_text():
    old = "        noi_dung: Xây dựng phóng sự về công tác giảm nghèo bền vững trên địa bàn huyện.\n"
    line = "        noi_dung: Xây dựng phóng sự về công tác giảm nghèo bền vững, xem mục [[tin-bay]]."
    text = edit(PLAN, old, line + "\n")
    assert errors(text) == [f"{at(text, line, '[[tin-bay]]')}: dẫn chiếu [[tin-bay]] {INLINE_TAIL} (có phải «tin-bai»?)"]


def test_undefined_inline_reference_in_a_folded_text_points_at_the_reference():
    text = edit(PLAN, "tại [[qd-4438-2023]] của UBND huyện", "tại [[qd-4438]] của UBND huyện")
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "[[qd-4438]]" in t)
    column = text.splitlines()[line - 1].index("[[qd-4438]]") + 1
    assert errors(text) == [f"{SOURCE}:{line}:{column}: dẫn chiếu [[qd-4438]] {INLINE_TAIL} (có phải «qd-4438-2023»?)"]


# -- structure --------------------------------------------------------------------------------------


def test_section_nested_four_levels():
    old = '          - muc: "Thời gian thực hiện: Quý III-IV năm 2024."\n'
    new = old + "            noi_dung:\n              - muc: Cấp thứ tư\n"
    text = edit(PLAN, old, new)
    assert errors(text) == [
        f"{at(text, '              - muc: Cấp thứ tư', 'muc')}: mục lồng quá ba cấp (I., 1., a)); hãy chuyển nội dung "
        "này thành đoạn văn hoặc ý gạch đầu dòng"
    ]


def test_basis_with_both_document_and_text():
    text = edit(PLAN, "  - van_ban: kh-54-2024\n", "  - van_ban: kh-54-2024\n    noi_dung: Căn cứ Luật Ngân sách nhà nước\n")
    assert errors(text) == [
        f"{at(text, '  - van_ban: kh-54-2024', 'van_ban')}: căn cứ này có cả van_ban và noi_dung; mỗi căn cứ chỉ dùng "
        "một trong hai khóa, hãy bỏ một khóa (hoặc tách thành hai căn cứ)"
    ]


def test_basis_with_neither_document_nor_text():
    text = edit(PLAN, "  - van_ban: kh-54-2024\n", "  - mo_dau: Thực hiện\n")
    assert errors(text) == [
        f"{at(text, '  - mo_dau: Thực hiện', 'mo_dau')}: căn cứ này thiếu nội dung; hãy thêm van_ban (mã văn bản) hoặc "
        "noi_dung (căn cứ viết tự do)"
    ]


BLOCK_MSG = (
    "mỗi phần tử của noi_dung là một đoạn văn, hoặc một khối có một trong các khóa: muc (mục có số), "
    "hoat_dong (hoạt động), nhiem_vu (nhiệm vụ của đơn vị), gach (ý gạch đầu dòng)"
)
PARAGRAPH = '      - "Các nội dung dự kiến thực hiện trong năm 2024:"\n'


def test_block_that_is_neither_text_nor_a_known_block():
    text = edit(PLAN, PARAGRAPH, "      - tieu_de: Các nội dung dự kiến\n")
    assert errors(text) == [f"{at(text, '      - tieu_de: Các nội dung dự kiến', 'tieu_de')}: {BLOCK_MSG}"]


def test_block_that_is_a_list():
    text = edit(PLAN, PARAGRAPH, "      - [Các nội dung, dự kiến]\n")
    assert errors(text) == [f"{at(text, '      - [Các nội dung, dự kiến]', '[')}: {BLOCK_MSG}"]


def test_paragraph_with_a_colon_gets_a_hint_to_quote_it():
    text = edit(PLAN, PARAGRAPH, "      - Thời gian: Quý III năm 2024\n")
    assert errors(text) == [
        f"{at(text, '      - Thời gian: Quý III năm 2024', 'Thời')}: {BLOCK_MSG}; nếu đây là một đoạn văn có dấu "
        "hai chấm, hãy đặt cả đoạn trong ngoặc kép"
    ]


# -- several at once, and whole-file problems -------------------------------------------------------


def test_several_model_errors_sorted_by_line():
    text = edit(PLAN, "ngay: 05/7/2024\n", "ngay: 30/02/2024\n")
    text = edit(text, "    trich_yeu: về việc giao dự toán", "    trich_yue: về việc giao dự toán")
    text = edit(text, "  ho_ten: Đinh Văn Sơn\n", "")
    text = edit(text, "noi_dung:\n  - muc: Mục đích, yêu cầu\n", "noi_dungg:\n  - muc: Mục đích, yêu cầu\n")
    assert errors(text) == [
        # No «thiếu khóa «noi_dung»»: the misspelt «noi_dungg» below already asks «có phải «noi_dung»?».
        f"{at(text, 'ngay: 30/02/2024', '30')}: ngày «30/02/2024» không có trên lịch; hãy kiểm tra lại ngày và tháng",
        f"{at(text, '    trich_yue: về việc giao dự toán thu, chi ngân sách địa phương năm 2024')}: "
        "khóa «trich_yue» không có trong mẫu kế hoạch; có phải «trich_yeu»?",
        f"{at(text, 'noi_dungg:')}: khóa «noi_dungg» không có trong mẫu kế hoạch; có phải «noi_dung»?",
        f"{at(text, 'ky:')}: thiếu khóa «ho_ten» (Họ và tên người ký, không ghi học hàm, học vị); hãy thêm khóa này",
    ]


def test_several_reference_errors_sorted_by_line():
    """The checks find these in another order (ids first, then units, bases, texts); the report is by line."""
    text = edit(PLAN, "    id: kinh-phi\n", "    id: phong-su\n")
    text = edit(text, "        id: ho-tro-bao-chi\n        chu_tri: ldtbxh\n",
                "        id: ho-tro-bao-chi\n        chu_tri: ldtbhx\n")
    text = edit(text, "  - van_ban: kh-54-2024\n", "  - van_ban: nghi-dinh-30\n")
    text = edit(text, "bền vững trên địa bàn huyện.\n        chu_tri", "bền vững [[tin-bay]].\n        chu_tri")
    report = errors(text)
    numbers = [int(line.split(":")[1]) for line in report]
    assert numbers == sorted(numbers) and len(numbers) == 4
    assert [line.split(": ", 1)[1].split(";")[0] for line in report] == [
        "dẫn chiếu «nghi-dinh-30» không trỏ tới văn bản nào",
        "dẫn chiếu [[tin-bay]] không trỏ tới mục, văn bản hay đơn vị nào",
        "dẫn chiếu «ldtbhx» không trỏ tới đơn vị nào",
        "mã «phong-su» đã được dùng",
    ]


def test_many_errors_are_cut_after_thirty():
    units = "".join(f"  don-vi-{i}:\n    ten_day_du: Đơn vị {i}\n" for i in range(40))
    text = edit(PLAN, "don_vi:\n", "don_vi:\n" + units)
    report = errors(text)
    assert len(report) == 31
    assert report[-1] == f"{report[-2].split(': ')[0]}: … và 50 lỗi khác"  # 40 unknown keys + 40 missing «ten»


@pytest.mark.parametrize("text", ["", "\n\n", "# chỉ có chú thích\n"])
def test_empty_file(text):
    assert errors(text) == [f"{SOURCE}: tệp không có nội dung; hãy tạo một kế hoạch mới bằng «kehoach init»"]


@pytest.mark.parametrize("text", ["- co_quan: UBND\n- trich_yeu: Kế hoạch\n", "Kế hoạch năm 2024\n"])
def test_root_that_is_not_a_mapping(text):
    assert errors(text) == [
        f"{SOURCE}:1:1: tệp kế hoạch phải là một khối «khóa: giá trị» (co_quan:, trich_yeu:, …); "
        "hãy tạo một kế hoạch mới bằng «kehoach init»"
    ]


def test_yaml_syntax_error_is_an_input_error_with_position():
    text = edit(PLAN, "  viet_tat: UBND\n", "  viet_tat: UBND: huyện\n")
    with pytest.raises(InputError) as info:
        read_plan_text(text, SOURCE)
    assert str(info.value) == (
        f"{at(text, '  viet_tat: UBND: huyện', ': huyện')}: lỗi cú pháp YAML: dấu hai chấm (:) không đúng chỗ; "
        "nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép"
    )


def test_messages_quoting_decomposed_input_are_nfc():
    """A plan typed with decomposed accents (NFD, as some Mac editors save) still gets NFC messages."""
    text = edit(PLAN, "    trich_yeu: về việc giao dự toán", "    trích_yếu: về việc giao dự toán")
    text = edit(text, "    loai: Quyết định\n    so: 90/QĐ-TTg\n", "    loai: Quyết đinh\n    so: 90/QĐ-TTg\n")
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert errors(decomposed) == [
        f"{at(text, '    loai: Quyết đinh', 'Quyết')}: loại văn bản «Quyết đinh» không có trong bảng tên loại "
        "(Phụ lục III Nghị định 30/2020/NĐ-CP); có phải «Quyết định»?",
        f"{at(text, '    trích_yếu: về việc giao dự toán thu, chi ngân sách địa phương năm 2024')}: "
        "khóa «trích_yếu» không có trong mẫu kế hoạch; có phải «trich_yeu»?",
    ]


def test_an_organ_without_name_lines_and_a_plan_without_sections_are_refused():
    text = edit(PLAN, "  ten:\n    - ỦY BAN NHÂN DÂN\n    - HUYỆN MƯỜNG ẢNG\n", "  ten: []\n")
    text = edit(text, "noi_dung:\n  - muc: Mục đích, yêu cầu\n", "noi_dung: []\nbo_di:\n  - muc: Mục đích, yêu cầu\n")
    found = errors(text)
    assert f"{at(text, '  ten: []', '[]')}: không được để trống; hãy ghi nội dung hoặc xóa cả dòng" in found
    assert f"{at(text, 'noi_dung: []', '[]')}: không được để trống; hãy ghi nội dung hoặc xóa cả dòng" in found
