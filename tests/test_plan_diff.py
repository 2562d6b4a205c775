"""kehoach diff: the changes between two plans, item by item, in the plan's own terms."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from kehoach.source.gitrev import split_revision
from kehoach.source.load import load_yaml_text
from kehoach.features.diff.document import compare
from kehoach.source.plan_file import read_plan_text
from support import PLAN_2024, ROOT, invoke

PLAN = PLAN_2024.read_text(encoding="utf-8")
NEW_BUDGET = "Từ nguồn kinh phí sự nghiệp Chương trình MTQG giảm nghèo bền vững thực hiện Tiểu dự án 2: Truyền" \
             " thông về giảm nghèo đa chiều, thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững năm 2025 đã" \
             " giao cho phòng Lao động TB&XH huyện tại [[qd-50-2025]] của UBND huyện."
SUMMARY = "Triển khai thực hiện Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều thuộc Dự án 6 - Chương trình MTQG" \
          " giảm nghèo bền vững năm {} trên địa bàn huyện"
BUDGET = "Từ nguồn kinh phí sự nghiệp Chương trình MTQG giảm nghèo bền vững thực hiện Tiểu dự án 2: Truyền thông về" \
         " giảm nghèo đa chiều, thuộc Dự án 6 - Chương trình MTQG giảm nghèo bền vững năm {}"
BUDGET_2024 = BUDGET.format("2024 và năm 2023 chuyển nguồn sang thực hiện năm 2024 đã giao cho phòng Lao động"
                            " TB&XH huyện tại Quyết định số 4438/QĐ-UBND ngày 14/12/2023 của UBND huyện.")
BUDGET_2025 = BUDGET.format("2025 đã giao cho phòng Lao động TB&XH huyện tại Quyết định số 50/QĐ-UBND ngày"
                            " 05/01/2025 của UBND huyện.")
BASIS_2025 = "Quyết định số 50/QĐ-UBND ngày 05/01/2025 của UBND huyện Mường Ảng về việc giao dự toán ngân sách năm 2025"
DUTY = "Tổ chức triển khai, theo dõi, đôn đốc thực hiện kế hoạch; tổng hợp, báo cáo về tiến độ và kết quả thực hiện" \
       " kế hoạch."

#: The changes from the 2024 plan to `plan_2025()`, as `kehoach diff` prints them.
LINES_2025 = [
    "Số: sửa «185» → «12»",
    "Ngày: sửa «05/7/2024» → «10/01/2025»",
    # A text's changed words are marked, with a few unchanged words around them (kehoach.features.words).
    "Trích yếu: sửa «… MTQG giảm nghèo bền vững năm [-2024-]{+2025+} trên địa bàn huyện»",
    f"Căn cứ: thêm {BASIS_2025}",
    "Mục III.3: thêm đơn vị phối hợp: Phòng Văn hoá và Thông tin huyện",
    "Mục IV: sửa đoạn văn: «… MTQG giảm nghèo bền vững năm [-2024 và năm 2023 chuyển nguồn sang thực hiện năm"
    " 2024-]{+2025+} đã giao cho phòng Lao động TB&XH huyện tại Quyết định số [-4438/QĐ-UBND-]{+50/QĐ-UBND+} ngày"
    " [-14/12/2023-]{+05/01/2025+} của UBND huyện.»",
    f"Mục V.1: bỏ ý: {DUTY}",
    "Có 7 thay đổi.",
]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"not exactly one {old!r} in the plan"
    return text.replace(old, new)


def plan_data() -> dict:
    """The 2024 plan as plain data, to be edited and written back: the edits do not depend on its layout."""
    return load_yaml_text(PLAN, "plan_2024.yaml").data


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def block(data: dict, key: str, value: str) -> dict:
    """The body block with `key: value` (`id: phat-song`, `nhiem_vu: ldtbxh`), wherever it stands."""
    pending = list(data["noi_dung"])
    while pending:
        item = pending.pop(0)
        if isinstance(item, dict):
            if item.get(key) == value:
                return item
            pending += item.get("noi_dung", []) if isinstance(item.get("noi_dung"), list) else []
    raise KeyError(value)


def plan_2025(budget: bool = True, signer: str | None = None) -> str:
    """The 2024 plan as next year's would change it: number, date, year, a basis, a unit, a bullet, the budget."""
    data = plan_data()
    data["so"], data["ngay"] = 12, "10/01/2025"
    data["trich_yeu"] = edit(data["trich_yeu"], "năm 2024", "năm 2025")
    block(data, "id", "phat-song")["phoi_hop"] = ["ubnd-xa", "vhtt"]
    data["van_ban"]["qd-50-2025"] = {"loai": "Quyết định", "so": "50/QĐ-UBND", "ngay": "05/01/2025",
                                     "co_quan": "UBND huyện Mường Ảng",
                                     "trich_yeu": "về việc giao dự toán ngân sách năm 2025"}
    data["can_cu"].append({"van_ban": "qd-50-2025"})
    duties = block(data, "nhiem_vu", "ldtbxh")["noi_dung"]
    assert duties.pop(2)["gach"] == DUTY
    if budget:
        block(data, "id", "kinh-phi")["noi_dung"] = [NEW_BUDGET]
    if signer:
        data["ky"]["ho_ten"] = signer
    return dump(data)


def run(*args: str):
    return invoke(list(args))


def changes(old: str, new: str) -> list[str]:
    return [c.line() for c in compare(read_plan_text(old, "cu.yaml"), read_plan_text(new, "moi.yaml"))]


def test_the_2025_plan_lists_exactly_the_changed_items(tmp_path):
    new = tmp_path / "plan_2025.yaml"
    new.write_text(plan_2025(), encoding="utf-8")
    result = run("diff", str(PLAN_2024), str(new))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == LINES_2025
    assert result.stderr == ""


def test_json_gives_the_records(tmp_path):
    new = tmp_path / "plan_2025.yaml"
    new.write_text(plan_2025(), encoding="utf-8")
    result = run("diff", str(PLAN_2024), str(new), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["old"] == str(PLAN_2024) and data["new"] == str(new)
    records = [(c["kind"], c["where"], c["what"], c["old"], c["new"]) for c in data["changes"]]
    assert records == [
        ("sua", "Số", "", "185", "12"),
        ("sua", "Ngày", "", "05/7/2024", "10/01/2025"),
        ("sua", "Trích yếu", "", SUMMARY.format(2024), SUMMARY.format(2025)),
        ("them", "Căn cứ", "", None, BASIS_2025),
        ("them", "Mục III.3", "đơn vị phối hợp", None, "Phòng Văn hoá và Thông tin huyện"),
        ("sua", "Mục IV", "đoạn văn", BUDGET_2024, BUDGET_2025),
        ("bo", "Mục V.1", "ý", DUTY, None),
    ]
    assert [c["text"] for c in data["changes"]] == LINES_2025[:-1]


def test_the_same_plan_twice_has_no_changes():
    result = run("diff", str(PLAN_2024), str(PLAN_2024))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Không có thay đổi.\n", "")
    result = run("diff", str(PLAN_2024), str(PLAN_2024), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["changes"] == []


def test_items_are_matched_by_id_then_title_then_position():
    data = plan_data()
    activities = block(data, "id", "noi-dung-thuc-hien")["noi_dung"]
    # Activities 1 and 2 change places: the sentence citing them by [[id]] prints new numbers, not an edit.
    activities[1], activities[2] = activities[2], activities[1]
    block(data, "id", "doi-thoai")["hoat_dong"] += " năm 2025"
    block(data, "muc", "Mục đích")["muc"] = "Mục tiêu"  # no id, new title: matched by position
    block(data, "nhiem_vu", "thanh-vien-bcd")["nhiem_vu"] = "bcd"
    assert changes(PLAN, dump(data)) == [
        "Mục I.1: sửa tiêu đề: «Mục đích» → «Mục tiêu»",
        "Mục III.1: sửa vị trí: «Mục III.2» → «Mục III.1»",
        "Mục III.5: sửa tiêu đề: «Đối thoại chính sách về giảm nghèo với cấp xã {+năm 2025+}»",
        "Mục V.3: sửa đơn vị: «[-Thành viên Ban Chỉ đạo-]{+BCĐ+} thực hiện các Chương trình MTQG {+giai đoạn"
        " 2021-2025+} huyện»",
    ]


def test_items_added_and_removed_are_named_by_their_number():
    data = plan_data()
    activities = block(data, "id", "noi-dung-thuc-hien")["noi_dung"]
    activities.remove(block(data, "id", "doi-thoai"))
    activities.append({"hoat_dong": "Tập huấn cho cán bộ cấp xã", "thuc_hien": "ldtbxh",
                       "thoi_gian": "Quý III năm 2025"})
    block(data, "id", "to-chuc-thuc-hien")["noi_dung"].insert(3, {
        "muc": "Chế độ báo cáo", "noi_dung": ["Các đơn vị báo cáo kết quả trước ngày 15/12/2025."]})
    assert changes(PLAN, dump(data)) == [
        "Mục III.5: bỏ hoạt động: Đối thoại chính sách về giảm nghèo với cấp xã",
        "Mục III.6: thêm hoạt động: Tập huấn cho cán bộ cấp xã",
        "Mục V.4: thêm mục: Chế độ báo cáo",
    ]


def test_declarations_bases_recipients_and_signer():
    data = plan_data()
    data["don_vi"]["ttvh"]["ten"] = "Trung tâm Văn hóa, Thể thao và Truyền thông huyện"
    data["van_ban"]["qd-4438-2023"]["ngay"] = "15/12/2023"
    bases = data["can_cu"]
    bases.insert(0, bases.pop(2))
    bases.remove({"van_ban": "kh-172-2022"})
    block(data, "id", "phong-su")["kinh_phi"] = "15.000.000 đồng"
    data["noi_nhan"]["gui"].insert(0, "Sở Lao động - Thương binh và Xã hội tỉnh")
    data["noi_nhan"]["luu"] = ["ldtbxh", "HC (2)"]
    data["ky"]["ho_ten"] = "Lò Văn Hùng"
    data["co_quan"]["dia_danh"] = "Mường Ảng, Điện Biên"
    data["van_ban"]["luat-2017"] = {"loai": "Luật", "trich_yeu": "Lâm nghiệp", "ngay": "15/11/2017"}  # not a basis
    ttvh = "Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện"
    assert changes(PLAN, dump(data)) == [
        "Cơ quan: sửa địa danh: «Mường Ảng» → «Mường Ảng, Điện Biên»",
        f"Đơn vị {ttvh}: sửa tên: «Trung tâm Văn hóa[- --]{{+, Thể thao và+}} Truyền [-thanh - Truyền hình-]{{+thông+}}"
        " huyện»",
        "Văn bản Quyết định số 4438/QĐ-UBND ngày 14/12/2023: sửa ngày: «14/12/2023» → «15/12/2023»",
        "Văn bản: thêm Luật Lâm nghiệp ngày 15 tháng 11 năm 2017",
        "Căn cứ: sửa vị trí của Quyết định số 650/QĐ-LĐTBXH ngày 21/7/2022 của Bộ trưởng Bộ Lao động TB&XH phê"
        " duyệt Kế hoạch truyền thông về Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025:"
        " «thứ 3» → «thứ 1»",
        "Căn cứ: bỏ Kế hoạch số 172/KH-UBND ngày 23/9/2022 của UBND huyện Mường Ảng truyền thông về Chương trình"
        " MTQG giảm nghèo bền vững giai đoạn 2021-2025 huyện Mường Ảng",
        "Mục III.1: thêm kinh phí: 15.000.000 đồng",
        "Nơi nhận: thêm Sở Lao động - Thương binh và Xã hội tỉnh",
        "Nơi nhận: thêm nơi lưu: HC (2)",
        "Người ký: sửa họ tên: «Đinh Văn Sơn» → «Lò Văn Hùng»",
    ]


def test_a_draft_becoming_numbered_and_a_new_closing_paragraph():
    old, new = plan_data(), plan_data()
    del old["so"], old["ngay"]
    old["nam"] = 2024
    new["ket_luan"] = [new["ket_luan"], "Đoạn kết thứ hai./."]
    assert changes(dump(old), dump(new)) == ["Số: thêm 185", "Ngày: thêm 05/7/2024", "Năm: bỏ 2024",
                                             "Kết luận: thêm đoạn văn: Đoạn kết thứ hai./."]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_older_version_from_git(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "vanthu@example.invalid")
    git("config", "user.name", "Văn thư")
    plan = repo / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    git("add", "plan.yaml")
    git("commit", "-qm", "2024")
    plan.write_text(plan_2025(), encoding="utf-8")
    git("commit", "-qam", "2025")
    monkeypatch.chdir(repo)
    result = run("diff", "HEAD~1:plan.yaml", "plan.yaml")
    assert (result.exit_code, result.stdout.splitlines()) == (1, LINES_2025)
    assert run("diff", "HEAD~1:plan.yaml", "HEAD:plan.yaml").stdout.splitlines() == LINES_2025
    assert run("diff", "HEAD:plan.yaml", "plan.yaml").exit_code == 0
    # Messages name the version as written, with the line and column inside it.
    typo = edit(PLAN, "so: 185\n", "so: 185/KH\n")
    plan.write_text(typo, encoding="utf-8")
    git("commit", "-qam", "typo")
    result = run("diff", "HEAD:plan.yaml", "HEAD~1:plan.yaml")
    assert result.exit_code == 2
    line = typo.splitlines().index("so: 185/KH") + 1
    assert result.stderr.startswith(f"HEAD:plan.yaml:{line}:5: số văn bản chỉ ghi phần số")
    assert run("diff", "HEAD~7:plan.yaml", "plan.yaml").stderr == (
        "HEAD~7:plan.yaml: kho git không có phiên bản «HEAD~7»; hãy kiểm tra lại (ví dụ HEAD~1, tên nhánh hoặc mã"
        " commit, xem bằng «git log --oneline»)\n")
    assert run("diff", "HEAD:ke-hoach.yaml", "plan.yaml").stderr == (
        "HEAD:ke-hoach.yaml: phiên bản «HEAD» không có tệp «ke-hoach.yaml»; đường dẫn tính từ thư mục gốc của kho"
        " (hoặc bắt đầu bằng ./ để tính từ thư mục hiện tại)\n")
    monkeypatch.chdir(tmp_path)  # not inside a repository
    result = run("diff", "HEAD~1:plan.yaml", str(plan))
    assert result.exit_code == 2
    assert result.stderr == ("HEAD~1:plan.yaml: thư mục hiện tại không nằm trong một kho git nên không đọc được"
                             " phiên bản «HEAD~1»; hãy chạy lệnh trong thư mục của kho\n")


def test_a_file_on_disk_wins_over_the_revision_form(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "HEAD:plan.yaml").write_text(PLAN, encoding="utf-8")
    assert split_revision("HEAD:plan.yaml") is None
    assert split_revision("HEAD~1:data/plan.yaml") == ("HEAD~1", "data/plan.yaml")
    assert split_revision(r"C:\ke-hoach\plan.yaml") is None
    assert split_revision("D:/ke-hoach/plan.yaml") is None
    assert run("diff", "HEAD:plan.yaml", str(PLAN_2024)).exit_code == 0


def test_bad_input_exits_2_with_a_message(tmp_path):
    result = run("diff", str(tmp_path / "khong-co.yaml"), str(PLAN_2024))
    assert result.exit_code == 2
    assert result.stderr == (f"{tmp_path / 'khong-co.yaml'}: không tìm thấy tệp «{tmp_path / 'khong-co.yaml'}»;"
                             " kiểm tra lại đường dẫn\n")
    result = run("diff", str(PLAN_2024), str(PLAN_2024), "--format", "xml")
    assert (result.exit_code, result.stderr) == (2, (
        "Cách dùng: kehoach diff [TÙY CHỌN] CŨ MỚI\nXem «kehoach diff --help».\n\nLỗi: Giá trị không hợp lệ cho "
        "«-f» / «--format»: «xml» không có; hãy dùng một trong: text, json.\n"))
    result = run("diff", "--", "-n:plan.yaml", str(PLAN_2024))  # never passed to git as an option
    assert (result.exit_code, result.stderr) == (2, "-n:plan.yaml: «-n» không phải tên một phiên bản git; hãy viết"
                                                    " dạng PHIÊN_BẢN:đường/dẫn, ví dụ HEAD~1:data/plan_2024.yaml\n")


def test_the_readme_shows_what_kehoach_diff_prints(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### So sánh hai phiên bản kế hoạch"):]
    shown = section.split("```")[3].strip("\n").splitlines()  # the block after the commands
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ke-hoach-2024.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "ke-hoach-2025.yaml").write_text(plan_2025(budget=False, signer="Lò Văn Hùng"), encoding="utf-8")
    result = run("diff", "ke-hoach-2024.yaml", "ke-hoach-2025.yaml", "--docx", "thay-doi.docx")
    assert result.exit_code == 1 and result.stdout.splitlines() == shown


def test_a_tracked_document_open_in_word_names_the_option_of_diff(tmp_path):
    new = tmp_path / "plan_2025.yaml"
    new.write_text(plan_2025(), encoding="utf-8")
    (tmp_path / ".~lock.thay-doi.docx#").write_text("nguoi dung")
    result = run("diff", str(PLAN_2024), str(new), "--docx", str(tmp_path / "thay-doi.docx"))
    assert result.exit_code == 2
    assert result.stderr == (f"{tmp_path / 'thay-doi.docx'}: tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa"
                             " «.~lock.thay-doi.docx#»); hãy đóng tệp rồi chạy lại, hoặc ghi ra tệp khác bằng --docx."
                             " Nếu không ai đang mở tệp, tệp khóa còn sót lại sau khi Word hoặc LibreOffice bị tắt đột"
                             f" ngột: hãy xóa tệp khóa bằng lệnh: rm -- '{tmp_path / '.~lock.thay-doi.docx#'}'\n")
    assert not (tmp_path / "thay-doi.docx").exists()


SET = (ROOT / "data" / "vi-du-bo-van-ban.yaml").read_text(encoding="utf-8")
BROADCAST = "Báo cáo kết quả, hoạt động «Phát sóng tin, bài trên hệ thống truyền thanh huyện, xã»"


def test_the_decision_and_the_results_are_compared_in_their_own_terms():
    new = edit(SET, "  so: 512\n", "  so: 513\n")
    new = edit(new, "  de_nghi: ldtbxh", "  de_nghi: vp")
    new = edit(new, "      tinh_trang: dang-lam\n", "      tinh_trang: da-xong\n")
    new = edit(new, "      kinh_phi: 7.200.000\n", "      kinh_phi: 9.600.000\n")
    assert changes(SET, new) == [
        "Quyết định ban hành: sửa số: «512» → «513»",
        "Quyết định ban hành: sửa đơn vị trình: «Phòng Lao động TB&XH huyện» → «Văn phòng HĐND và UBND huyện»",
        f"{BROADCAST}: sửa tình trạng: «Đang thực hiện» → «Đã hoàn thành»",
        f"{BROADCAST}: sửa kinh phí đã chi: «7.200.000 đồng» → «9.600.000 đồng»",
    ]


def test_a_decision_or_results_block_added_or_removed_is_one_change():
    start, end = SET.index("quyet_dinh:\n"), SET.index("# Báo cáo kết quả thực hiện")
    without = SET[:start] + SET[end:]
    assert changes(without, SET) == ["Quyết định ban hành: thêm số 512 ngày 12/3/2024"]
    drafted = edit(SET, "ket_qua:\n  so: 410\n  ngay: 16/12/2024\n", "ket_qua:\n")
    assert changes(SET, drafted) == ["Báo cáo kết quả: bỏ số: 410", "Báo cáo kết quả: bỏ ngày: 16/12/2024"]


def test_a_decision_signed_by_another_and_sent_elsewhere():
    new = edit(SET, "  de_nghi: ldtbxh", "  noi_nhan:\n    gui: [ttvh]\n    luu: LĐTBXH\n  ky:\n    quyen_han: TM. ỦY BAN"
               " NHÂN DÂN\n    chuc_vu: CHỦ TỊCH\n    ho_ten: Lò Văn Hùng\n  de_nghi: ldtbxh")
    assert changes(SET, new) == [
        "Quyết định ban hành, nơi nhận: thêm Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện",
        "Quyết định ban hành, nơi nhận: thêm nơi lưu: LĐTBXH",
        "Quyết định ban hành, người ký: thêm dòng thẩm quyền: TM. ỦY BAN NHÂN DÂN",
        "Quyết định ban hành, người ký: thêm chức vụ: CHỦ TỊCH",
        "Quyết định ban hành, người ký: thêm họ tên: Lò Văn Hùng",
    ]


def test_changed_words_are_marked_with_a_few_words_around_them():
    from kehoach.features.words import marked

    long = " ".join(f"w{i}" for i in range(30))
    assert marked(long, long.replace("w15", "X")) == "… w9 w10 w11 w12 w13 w14 [-w15-]{+X+} w16 w17 w18 w19 w20 w21 …"
    assert marked("Đối thoại với cấp xã", "Đối thoại với cấp xã năm 2025") == "Đối thoại với cấp xã {+năm 2025+}"
    assert marked("Lưu: VT, LĐTBXH.", "Lưu: VT.") == "Lưu: VT[-, LĐTBXH-]."
    assert marked("a  b", "a b") == "a[-  -]{+ +}b"  # a change of spacing alone is shown inside its marks
