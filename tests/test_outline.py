"""Numbers come from position; references by id follow the current numbers."""

from __future__ import annotations

from support import docx_paragraphs, render_text_bytes
from kehoach.model.outline import walk
from kehoach.source.plan_file import read_plan_text

PLAN = """\
co_quan: {ten: [ỦY BAN NHÂN DÂN, XÃ A], viet_tat: UBND, dia_danh: A}
so: 7
ngay: 03/02/2025
trich_yeu: Thử đánh số
noi_dung:
  - muc: Một
    noi_dung:
      - muc: Con một
        noi_dung:
          - muc: Điểm một
          - muc: Điểm hai
      - hoat_dong: Hoạt động
        id: hd
        chu_tri: Phòng A
  - muc: Hai
    id: hai
    noi_dung:
      - "Xem mục [[hd]] Phần [[mot]] và Phần [[hai]]."
noi_nhan: {gui: [Như trên], luu: [VP]}
ky: {chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A}
"""


def numbers(text: str) -> list[tuple[int, str | None]]:
    plan = read_plan_text(text, "p.yaml").plan
    return [(node.depth, node.number) for node in walk(plan) if node.number]


def body_texts(text: str) -> list[str]:
    return [p.text for p in docx_paragraphs(render_text_bytes(text)) if p.para.style_id in
            ("KHMuc", "KHKhoan", "KHDiem", "KHNoiDung", "KHGach")]


def test_levels_are_numbered_i_1_a():
    plan = PLAN.replace("  - muc: Một\n", "  - muc: Một\n    id: mot\n")
    assert numbers(plan) == [(1, "I"), (2, "1"), (3, "a"), (3, "b"), (2, "2"), (1, "II")]
    assert body_texts(plan)[:6] == ["I. MỘT", "1. Con một", "a) Điểm một", "b) Điểm hai", "2. Hoạt động",
                                    "- Đơn vị chủ trì: Phòng A."]


def test_references_follow_an_inserted_section():
    plan = PLAN.replace("  - muc: Một\n", "  - muc: Một\n    id: mot\n")
    assert "Xem mục 2 Phần I và Phần II." in body_texts(plan)
    inserted = plan.replace("noi_dung:\n  - muc: Một", "noi_dung:\n  - muc: Mới chèn\n  - muc: Một", 1)
    inserted = inserted.replace("      - muc: Con một", "      - muc: Con mới\n      - muc: Con một", 1)
    texts = body_texts(inserted)
    assert texts[0] == "I. MỚI CHÈN" and "II. MỘT" in texts and "III. HAI" in texts
    assert "Xem mục 3 Phần II và Phần III." in texts


def test_the_2024_plan_reference_renders_current_numbers(paras):
    assert any(p.text.startswith("- Nội dung: Thực hiện phát sóng các tin, bài, phóng sự tại mục 1 và mục 2 "
                                 "Phần III của Kế hoạch này trên Đài Phát thanh") for p in paras)


def test_activity_lines_merge_lead_and_implementing_when_they_are_the_same_unit(paras):
    texts = [p.text for p in paras]
    assert "- Đơn vị chủ trì, thực hiện: Phòng Lao động TB&XH huyện." in texts
    assert ("- Đơn vị phối hợp: Phòng Văn hoá và Thông tin huyện; Ban Tuyên giáo huyện; UBND các xã, thị trấn."
            in texts)
    assert "- Đơn vị trực tiếp thực hiện: Các cơ quan báo chí, xuất bản; UBND các xã, thị trấn." in texts
