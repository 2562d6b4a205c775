"""Shared registries (`dung_chung`): units and documents declared once for several plans, read with positions.

Every test builds a small tree of plans in tmp_path: a `.kehoach.yaml` at the top (the plans' folder tree),
a `dung-chung/` folder with the registry files, and plans in sub-folders that name them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from helpers import BASE, TODAY, edit, position_of  # noqa: E402

from kehoach import api as commands# noqa: E402
from kehoach.errors import InputErrors
from kehoach.problems import Location  # noqa: E402
from kehoach.check.runner import check_file, exit_code  # noqa: E402
from kehoach.source.plan_file import read_plan  # noqa: E402
from kehoach.features.textconv import docx_text, plan_text  # noqa: E402
from support import invoke  # noqa: E402

UNITS = """\
# Đơn vị dùng chung của UBND xã Nậm Lịch
don_vi:
  van-hoa:
    ten: Công chức Văn hóa - Xã hội xã
    viet_tat: VHXH
  truyen-thanh:
    ten: Đài Truyền thanh xã
  ban:
    ten: Trưởng các bản
"""

DOCUMENTS = """\
van_ban:
  luat-pctt:
    loai: Luật
    trich_yeu: Phòng, chống thiên tai
    ngay: 19/6/2013
  nd-66:
    loai: Nghị định
    so: 66/2021/NĐ-CP
    ngay: 06/7/2021
    co_quan: Chính phủ
    trich_yeu: quy định chi tiết thi hành Luật Phòng, chống thiên tai
  kh-20-huyen:
    loai: Kế hoạch
    so: 20/KH-UBND
    ngay: 10/02/2025
    co_quan: UBND huyện Mường Ảng
    trich_yeu: về công tác phòng, chống thiên tai năm 2025
"""

# The base plan with its own don_vi and van_ban blocks (lines 9-33) replaced by the registries.
_OWN_BLOCKS = BASE[BASE.index("don_vi:\n"):BASE.index("can_cu:\n")]
assert _OWN_BLOCKS.splitlines()[1:] and "van_ban:" in _OWN_BLOCKS
SHARED_PLAN = edit(BASE, _OWN_BLOCKS, "dung_chung: [../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yaml]\n")
NUMBERED_66 = ("Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ quy định chi tiết thi hành Luật "
               "Phòng, chống thiên tai;")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    """tmp_path as the current folder, holding `.kehoach.yaml`, `dung-chung/` and the plan `2025/a.yaml`."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".kehoach.yaml", "quy_tac: {}\n")
    write(tmp_path / "dung-chung" / "don-vi.yaml", UNITS)
    write(tmp_path / "dung-chung" / "van-ban.yaml", DOCUMENTS)
    write(tmp_path / "2025" / "a.yaml", SHARED_PLAN)
    return tmp_path


def load_errors(plan: Path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        read_plan(plan, str(plan.relative_to(Path.cwd())))
    return [str(e) for e in caught.value.errors]


def at(text: str, fragment: str) -> str:
    return "{}:{}".format(*position_of(text, fragment))


# -- reading and rendering --------------------------------------------------------------------------------


def test_a_plan_reads_the_same_with_its_blocks_moved_to_registries(tree):
    write(tree / "2025" / "own.yaml", BASE)
    assert plan_text(Path("2025/a.yaml")) == plan_text(Path("2025/own.yaml"))


def test_two_plans_render_the_shared_unit_and_document_and_a_correction_reaches_both(tree):
    second = edit(SHARED_PLAN, "so: 12", "so: 13")
    second = edit(second, "dung_chung: [../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yaml]",
                  "dung_chung: ../../dung-chung")  # the same registries, as a folder, from one level deeper
    write(tree / "2025" / "thon" / "b.yaml", second)
    texts = {}
    for plan in (Path("2025/a.yaml"), Path("2025/thon/b.yaml")):
        result = commands.render(plan)
        texts[plan] = docx_text(result.output)
    for text in texts.values():
        assert NUMBERED_66 in text.splitlines()
        assert "1. Công chức Văn hóa - Xã hội xã" in text.splitlines()
        assert "- Lưu: VT, VHXH." in text.splitlines()

    write(tree / "dung-chung" / "van-ban.yaml", edit(DOCUMENTS, "ngay: 06/7/2021", "ngay: 26/7/2021"))
    for plan, before in texts.items():
        after = docx_text(commands.render(plan).output)
        assert NUMBERED_66 not in after.splitlines()
        assert NUMBERED_66.replace("06/7/2021", "26/7/2021") in after.splitlines()
        assert after.replace("26/7/2021", "06/7/2021") == before  # nothing else changed


def test_a_folder_means_its_yaml_files_in_name_order_without_hidden_ones(tree):
    write(tree / "dung-chung" / ".nhap.yaml", "khong: phai tep dung chung\n")  # an editor's backup: skipped
    write(tree / "dung-chung" / "ghi-chu.txt", "không phải YAML\n")
    plan = write(tree / "2025" / "a.yaml", edit(SHARED_PLAN, "[../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yaml]",
                                                "../dung-chung/"))
    loaded = read_plan(plan, "2025/a.yaml")
    assert list(loaded.plan.units) == ["van-hoa", "truyen-thanh", "ban"]
    assert list(loaded.plan.documents) == ["luat-pctt", "nd-66", "kh-20-huyen"]
    assert loaded.source.where(("don_vi", "ban", "ten")) == Location("dung-chung/don-vi.yaml", 9, 10)
    assert loaded.source.key_where(("van_ban", "nd-66")) == Location("dung-chung/van-ban.yaml", 6, 3)
    assert loaded.source.where(("so",)) == Location("2025/a.yaml", 6, 5)  # the plan's own positions are kept
    assert loaded.source.texts() == {"2025/a.yaml": plan.read_text(encoding="utf-8"),
                                     "dung-chung/don-vi.yaml": UNITS, "dung-chung/van-ban.yaml": DOCUMENTS}


def test_a_duplicate_in_the_plan_names_the_registry_file_of_the_first_declaration(tree):
    own = edit(SHARED_PLAN, "can_cu:\n", "van_ban:\n  nd-66-lai:\n    loai: Nghị định\n    so: 66/2021/NĐ-CP\n"
               "    ngay: 06/7/2021\ncan_cu:\n")
    write(tree / "2025" / "a.yaml", own)
    report = check_file(Path("2025/a.yaml"), "2025/a.yaml", today=TODAY)
    (found,) = [str(p) for p in report.problems if p.rule == "citation-duplicate"]
    line = DOCUMENTS.splitlines().index("  nd-66:") + 1
    assert found == (f"2025/a.yaml:{at(own, '66/2021/NĐ-CP')}: lỗi: Nghị định số 66/2021/NĐ-CP đã khai báo ở «nd-66» "
                     f"(tệp dung-chung/van-ban.yaml, dòng {line}); hãy bỏ mã «nd-66-lai» và dẫn chiếu bằng «nd-66» "
                     "[citation-duplicate]")


def test_the_plan_keeps_its_own_entries_beside_the_shared_ones(tree):
    own = edit(SHARED_PLAN, "can_cu:\n", "don_vi:\n  cong-an:\n    ten: Công an xã\ncan_cu:\n")
    own = edit(own, "phoi_hop: ban", "phoi_hop: [ban, cong-an]")
    loaded = read_plan(write(tree / "2025" / "a.yaml", own), "2025/a.yaml")
    assert list(loaded.plan.units) == ["van-hoa", "truyen-thanh", "ban", "cong-an"]
    assert loaded.source.key_where(("don_vi", "cong-an")) == Location("2025/a.yaml", *position_of(own, "cong-an:"))


# -- errors inside a registry file are reported there ---------------------------------------------------


def test_a_bad_date_in_a_registry_is_reported_at_the_registry_line_and_column_by_render(tree):
    bad = edit(DOCUMENTS, "ngay: 06/7/2021", "ngay: 31/02/2021")
    write(tree / "dung-chung" / "van-ban.yaml", bad)
    old = b"ban cu, khong duoc ghi de"
    (tree / "2025" / "a.docx").write_bytes(old)
    done = invoke(["render", "2025/a.yaml"])
    assert done.exit_code == 1
    assert done.stderr == (f"dung-chung/van-ban.yaml:{at(bad, '31/02/2021')}: ngày «31/02/2021» không có trên lịch; "
                           "hãy kiểm tra lại ngày và tháng\n")
    assert (tree / "2025" / "a.docx").read_bytes() == old


def test_a_bad_date_and_an_unknown_key_in_a_registry_are_reported_there_by_check(tree):
    bad = edit(DOCUMENTS, "ngay: 06/7/2021", "ngay: 31/02/2021")
    bad = edit(bad, "    co_quan: UBND huyện Mường Ảng\n", "    co_quan: UBND huyện Mường Ảng\n    ghi_chu: x\n")
    write(tree / "dung-chung" / "van-ban.yaml", bad)
    plan = edit(SHARED_PLAN, "chuc_vu: CHỦ TỊCH", "chuc_vu: [CHỦ TỊCH]")  # and one in the plan itself
    write(tree / "2025" / "a.yaml", plan)
    report = check_file(Path("2025/a.yaml"), "2025/a.yaml", today=TODAY)
    assert (report.unusable, exit_code([report])) == (True, 1)
    assert [str(p) for p in report.problems] == [
        f"2025/a.yaml:{at(plan, '[CHỦ TỊCH]')}: lỗi: cần một đoạn chữ ở đây, không phải danh sách; hãy viết nội dung "
        "ngay sau dấu hai chấm, không dùng dòng «- » [schema-type]",
        f"dung-chung/van-ban.yaml:{at(bad, '31/02/2021')}: lỗi: ngày «31/02/2021» không có trên lịch; hãy kiểm tra "
        "lại ngày và tháng [date-invalid]",
        f"dung-chung/van-ban.yaml:{at(bad, 'ghi_chu')}: lỗi: khóa «ghi_chu» không có trong mẫu kế hoạch; hãy xóa "
        "hoặc sửa tên khóa [schema-unknown-key]",
    ]


def test_the_human_report_names_the_registry_file_under_the_plan(tree):
    bad = edit(DOCUMENTS, "ngay: 06/7/2021", "ngay: 31/02/2021")
    write(tree / "dung-chung" / "van-ban.yaml", bad)
    done = invoke(["check", "2025/a.yaml"])
    assert done.exit_code == 1
    assert done.stdout == (f"2025/a.yaml\n  dung-chung/van-ban.yaml:{at(bad, '31/02/2021')}  lỗi  ngày «31/02/2021» "
                           "không có trên lịch; hãy kiểm tra lại ngày và tháng  [date-invalid]\n\n1 lỗi trong 1 tệp.\n")


def test_a_yaml_error_in_a_registry_is_reported_at_the_registry(tree):
    write(tree / "dung-chung" / "don-vi.yaml", UNITS.replace("  ban:\n", "  ban\n"))
    assert load_errors(tree / "2025" / "a.yaml") == [
        "dung-chung/don-vi.yaml:8:3: lỗi cú pháp YAML: thiếu dấu hai chấm (:) sau tên khóa; mỗi dòng phải có dạng "
        "«khóa: giá trị»",
    ]


def test_check_rules_point_into_the_registry_file(tree):
    documents = edit(DOCUMENTS, "ngay: 10/02/2025", "ngay: 10/4/2025")  # after the plan (14/3/2025)
    documents += "  nd-66-ban-sao:\n    loai: Nghị định\n    so: 66/2021/NĐ-CP\n    ngay: 07/7/2021\n"
    documents = edit(documents, "chi tiết thi hành", "chi tiết  thi hành")
    write(tree / "dung-chung" / "van-ban.yaml", documents)
    units = UNITS + "  cong-an:\n    ten: Công an xã\n"
    write(tree / "dung-chung" / "don-vi.yaml", units)
    plan = write(tree / "2025" / "a.yaml", edit(SHARED_PLAN, "phoi_hop: ban", "phoi_hop: [ban, cong-an]"))
    report = check_file(Path("2025/a.yaml"), "2025/a.yaml", today=TODAY)
    found = {p.rule: str(p) for p in report.problems}
    assert set(found) == {"citation-after-plan", "citation-duplicate", "text-spacing", "unit-not-informed"}
    assert found["citation-after-plan"] == (
        f"dung-chung/van-ban.yaml:{at(documents, '10/4/2025')}: lỗi: Kế hoạch số 20/KH-UBND ngày 10/4/2025 ban hành "
        "sau ngày của kế hoạch (14/3/2025): kế hoạch không thể dẫn chiếu văn bản ban hành sau nó; hãy kiểm tra lại "
        "ngày này hoặc ngày của kế hoạch [citation-after-plan]")
    line, column = position_of(documents, "66/2021/NĐ-CP\n    ngay: 07")
    assert found["citation-duplicate"].startswith(f"dung-chung/van-ban.yaml:{line}:{column}: lỗi: Nghị định số "
                                                  "66/2021/NĐ-CP đã khai báo ở «nd-66» (dòng 6), với ngày khác")
    # A text rule: at the very place in the registry's text, as in the plan's own.
    spaced = at(documents, "  thi hành")
    assert found["text-spacing"].startswith(f"dung-chung/van-ban.yaml:{spaced}: ")
    # The unit lives in the registry, the task that names it in the plan: the finding is at the task.
    text = plan.read_text(encoding="utf-8")
    assert found["unit-not-informed"].startswith(
        f"2025/a.yaml:{at(text, 'cong-an]')}: cảnh báo: «Công an xã» được giao phối hợp nhưng không nhận kế hoạch")


def test_a_line_switch_applies_in_the_file_it_is_written_in(tree):
    late = edit(DOCUMENTS, "ngay: 10/02/2025", "ngay: 10/4/2025")
    line = position_of(late, "10/4/2025")[0]
    write(tree / "dung-chung" / "van-ban.yaml", late)
    # The same line number in the plan switches nothing in the registry.
    plan_lines = SHARED_PLAN.splitlines()
    plan_lines[line - 1] += "  # kehoach: bo-qua citation-after-plan"
    write(tree / "2025" / "a.yaml", "\n".join(plan_lines) + "\n")
    report = check_file(Path("2025/a.yaml"), "2025/a.yaml", today=TODAY)
    assert [(p.rule, p.location.file, p.location.line) for p in report.problems] == [
        ("citation-after-plan", "dung-chung/van-ban.yaml", line)]
    write(tree / "dung-chung" / "van-ban.yaml",
          edit(late, "ngay: 10/4/2025", "ngay: 10/4/2025  # kehoach: bo-qua citation-after-plan"))
    assert check_file(Path("2025/a.yaml"), "2025/a.yaml", today=TODAY).problems == []


# -- confinement ----------------------------------------------------------------------------------------


def _refused(tree: Path, path_text: str) -> list[str]:
    plan = edit(SHARED_PLAN, "dung_chung: [../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yaml]",
                f"dung_chung:\n  - ../dung-chung/don-vi.yaml\n  - {path_text}")
    write(tree / "2025" / "a.yaml", plan)
    return load_errors(tree / "2025" / "a.yaml")


def test_a_path_out_of_the_plans_tree_is_refused_at_its_position(tree):
    write(tree.parent / "ngoai.yaml", DOCUMENTS)
    assert _refused(tree, "../../ngoai.yaml") == [
        "2025/a.yaml:11:5: «../../ngoai.yaml» ra ngoài thư mục các kế hoạch «.»; tệp dùng chung phải nằm trong thư "
        "mục này"]


def test_without_a_config_the_tree_is_the_plans_own_folder(tree):
    (tree / ".kehoach.yaml").unlink()
    assert _refused(tree, "../dung-chung/van-ban.yaml") == [
        "2025/a.yaml:10:5: «../dung-chung/don-vi.yaml» ra ngoài thư mục các kế hoạch «2025»; tệp dùng chung phải "
        "nằm trong thư mục này; chưa có tệp .kehoach.yaml nên thư mục này là thư mục của kế hoạch: muốn dùng chung "
        "cho nhiều thư mục thì đặt tệp .kehoach.yaml ở thư mục chung của chúng",
        "2025/a.yaml:11:5: «../dung-chung/van-ban.yaml» ra ngoài thư mục các kế hoạch «2025»; tệp dùng chung phải "
        "nằm trong thư mục này; chưa có tệp .kehoach.yaml nên thư mục này là thư mục của kế hoạch: muốn dùng chung "
        "cho nhiều thư mục thì đặt tệp .kehoach.yaml ở thư mục chung của chúng"]


@pytest.mark.parametrize("absolute", ["/etc/passwd", "C:\\dung-chung\\van-ban.yaml", "~/van-ban.yaml"])
def test_an_absolute_path_is_refused(tree, absolute):
    text = f"'{absolute}'" if "\\" in absolute else absolute
    assert _refused(tree, text) == [
        f"2025/a.yaml:11:5: «{absolute}» là đường dẫn tuyệt đối; hãy ghi đường dẫn tính từ thư mục của kế hoạch, ví "
        "dụ ../dung-chung/van-ban.yaml"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlink_out_of_the_tree_is_refused(tree):
    write(tree.parent / "ngoai" / "van-ban.yaml", DOCUMENTS)
    (tree / "dung-chung" / "lien-ket.yaml").symlink_to(tree.parent / "ngoai" / "van-ban.yaml")
    (tree / "ngoai").symlink_to(tree.parent / "ngoai", target_is_directory=True)
    assert _refused(tree, "../dung-chung/lien-ket.yaml") == [
        "2025/a.yaml:11:5: «../dung-chung/lien-ket.yaml» là liên kết (symlink) trỏ ra ngoài thư mục các kế hoạch «.»;"
        " hãy chép tệp thật vào trong thư mục này thay cho liên kết"]
    assert _refused(tree, "../ngoai") == [
        "2025/a.yaml:11:5: «../ngoai» là liên kết (symlink) trỏ ra ngoài thư mục các kế hoạch «.»; hãy chép tệp thật"
        " vào trong thư mục này thay cho liên kết"]
    # A link inside a shared folder is refused too, though the folder itself is inside.
    (tree / "dung-chung" / "don-vi.yaml").unlink()
    assert _refused(tree, "../dung-chung") == [
        "2025/a.yaml:10:5: không tìm thấy tệp dùng chung «../dung-chung/don-vi.yaml» (đã tìm "
        "«dung-chung/don-vi.yaml»); hãy kiểm tra lại đường dẫn, tính từ thư mục của kế hoạch",
        "2025/a.yaml:11:5: tệp «lien-ket.yaml» trong thư mục «../dung-chung» là liên kết (symlink) trỏ ra ngoài thư "
        "mục các kế hoạch «.»; hãy chép tệp thật vào thay cho liên kết"]


def test_a_missing_file_or_an_empty_folder_is_reported_at_its_path(tree):
    (tree / "trong").mkdir()
    plan = edit(SHARED_PLAN, "dung_chung: [../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yaml]",
                "dung_chung: [../dung-chung/don-vi.yaml, ../dung-chung/van-ban.yml, ../trong]")
    write(tree / "2025" / "a.yaml", plan)
    assert load_errors(tree / "2025" / "a.yaml") == [
        f"2025/a.yaml:{at(plan, '../dung-chung/van-ban.yml')}: không tìm thấy tệp dùng chung "
        "«../dung-chung/van-ban.yml» (đã tìm «dung-chung/van-ban.yml»); hãy kiểm tra lại đường dẫn, tính từ thư mục "
        "của kế hoạch",
        f"2025/a.yaml:{at(plan, '../trong')}: thư mục «../trong» không có tệp .yaml nào; hãy kiểm tra lại đường dẫn",
    ]


def test_a_registry_cannot_name_registries_or_hold_plan_keys(tree):
    write(tree / "dung-chung" / "khac.yaml", UNITS.replace("don_vi:", "van_bn: {}\ndung_chung: don-vi.yaml\ndon_vi:"))
    write(tree / "2025" / "a.yaml", edit(SHARED_PLAN, "../dung-chung/don-vi.yaml", "../dung-chung/khac.yaml"))
    assert load_errors(tree / "2025" / "a.yaml") == [
        "dung-chung/khac.yaml:2:1: khóa «van_bn» không dùng trong tệp dùng chung, tệp này chỉ có don_vi và van_ban; "
        "có phải «van_ban»?",
        "dung-chung/khac.yaml:3:1: tệp dùng chung không được có dung_chung (không lồng tệp trong tệp); hãy ghi mọi "
        "tệp dùng chung ngay trong tệp kế hoạch",
    ]


# -- ids declared twice ---------------------------------------------------------------------------------


def test_an_id_in_the_plan_and_in_a_registry_is_an_error_at_the_plans_key(tree):
    plan = edit(SHARED_PLAN, "can_cu:\n", "don_vi:\n  ban:\n    ten: Trưởng bản\ncan_cu:\n")
    write(tree / "2025" / "a.yaml", plan)
    where = at(plan, "ban:\n    ten: Trưởng bản")
    assert load_errors(tree / "2025" / "a.yaml") == [
        f"2025/a.yaml:{where}: mã «ban» đã khai báo trong tệp dùng chung «dung-chung/don-vi.yaml» (dòng "
        "8); hãy xóa khai báo này hoặc khai báo trong tệp dùng chung (muốn dùng nội dung khác thì đặt mã khác)",
    ]


def test_an_id_in_two_registries_is_an_error_at_the_second(tree):
    write(tree / "dung-chung" / "them.yaml", "don_vi:\n  truyen-thanh:\n    ten: Đài Truyền thanh - Truyền hình\n")
    write(tree / "2025" / "a.yaml", edit(SHARED_PLAN, "../dung-chung/van-ban.yaml]", "../dung-chung]"))
    assert load_errors(tree / "2025" / "a.yaml") == [
        "dung-chung/them.yaml:2:3: mã «truyen-thanh» đã khai báo trong tệp dùng chung «dung-chung/don-vi.yaml» "
        "(dòng 6); hãy xóa một trong hai khai báo",
    ]


def test_an_id_used_for_a_unit_in_one_file_and_a_section_in_another_names_the_file(tree):
    plan = edit(SHARED_PLAN, "id: noi-dung", "id: ban")
    plan = edit(plan, "Phần [[noi-dung]]", "Phần [[ban]]")
    write(tree / "2025" / "a.yaml", plan)
    where = at(plan, "ban\n    noi_dung:")
    assert load_errors(tree / "2025" / "a.yaml") == [
        f"2025/a.yaml:{where}: mã «ban» đã được dùng; mỗi mục, đơn vị, văn bản cần một mã riêng, hãy đặt mã "
        "khác (mã này đã có ở tệp dung-chung/don-vi.yaml, dòng 8)",
    ]


# -- the registry files themselves, the schema ----------------------------------------------------------


def test_checking_the_folder_checks_registries_as_registries(tree):
    done = invoke(["check", "."])
    assert (done.exit_code, done.stdout) == (0, "Không có lỗi nào trong 3 tệp.\n")
    write(tree / "dung-chung" / "don-vi.yaml", UNITS.replace("ten: Đài Truyền thanh xã", "ten_ngan: Đài"))
    done = invoke(["check", "dung-chung/don-vi.yaml", "--format", "json"])
    assert done.exit_code == 1
    assert [(p["file"], p["line"], p["column"], p["message"]) for p in json.loads(done.stdout)["problems"]] == [
        ("dung-chung/don-vi.yaml", 6, 3, "thiếu khóa «ten» (Tên đầy đủ, dùng ở tiêu đề phần Tổ chức thực hiện); hãy "
         "thêm khóa này")]


def test_the_json_schema_has_the_key(capsys):
    schema = json.loads(commands.json_schema())
    assert schema["properties"]["dung_chung"] == {
        "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string", "minLength": 1}}],
        "description": "Tệp dùng chung khai báo don_vi, van_ban cho nhiều kế hoạch (một đường dẫn hoặc danh sách; thư "
        "mục là mọi tệp .yaml trong đó), tính từ thư mục của kế hoạch, ví dụ ../dung-chung/van-ban.yaml",
    }
    assert "dung_chung" not in schema.get("required", [])


def test_a_plan_named_as_a_registry_is_one_message_at_the_path(tree):
    write(tree / "2025" / "b.yaml", edit(SHARED_PLAN, "../dung-chung/don-vi.yaml", "a.yaml"))
    assert load_errors(tree / "2025" / "b.yaml") == [
        "2025/b.yaml:9:14: «2025/a.yaml» là một tệp kế hoạch, không phải tệp dùng chung (chỉ có don_vi, van_ban); "
        "hãy chỉ ra đúng tệp dùng chung",
    ]


# -- next year's plan in another folder ----------------------------------------------------------------------


def test_next_years_plan_in_a_deeper_folder_reads_the_same_shared_files(tree):
    (tree / "2026" / "xa").mkdir(parents=True)
    result = invoke(["new", "2025/a.yaml", "-o", "2026/xa/a.yaml"])
    assert result.exit_code == 0, result.stderr
    text = (tree / "2026" / "xa" / "a.yaml").read_text(encoding="utf-8")
    assert "dung_chung: [../../dung-chung/don-vi.yaml, ../../dung-chung/van-ban.yaml]\n" in text
    old, new = read_plan(Path("2025/a.yaml")), read_plan(Path("2026/xa/a.yaml"))
    assert (new.plan.units, new.plan.documents) == (old.plan.units, old.plan.documents)


def test_next_years_plan_out_of_the_plans_tree_is_refused_with_what_to_do(tree, tmp_path_factory):
    outside = tmp_path_factory.mktemp("noi-khac") / "a.yaml"
    result = invoke(["new", "2025/a.yaml", "-o", str(outside)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{outside}: kế hoạch mới ở thư mục «{outside.parent}» không dùng được tệp dùng"
                                    " chung của kế hoạch cũ: ")
    assert result.stderr.endswith("Hãy ghi kế hoạch mới vào một thư mục trong cùng cây thư mục các kế hoạch (có tệp"
                                  " .kehoach.yaml ở thư mục chung)\n")
    assert not outside.exists()
