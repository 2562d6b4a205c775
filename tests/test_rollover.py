"""`kehoach new`: the 2025 plan drafted from the 2024 one, as a clerk gets it."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from kehoach.check.runner import check_text
from kehoach.source.load import load_yaml_text
from kehoach.source.plan_file import read_plan_text
from kehoach.render.context import build_context
from kehoach.features.rollover import next_year
from kehoach.features.textconv import context_lines
from support import PLAN_2024, ROOT, invoke

TODAY = date(2025, 6, 1)
OUT = Path("data/plan_2025.yaml")
CHECKLIST = [
    "data/plan_2025.yaml:129: căn cứ của năm 2024 (Kế hoạch số 54/KH-UBND ngày 01/3/2024): thay bằng văn bản"
    " của năm 2025 nếu có",
    "data/plan_2025.yaml:131: căn cứ của năm 2024 (Quyết định số 4438/QĐ-UBND ngày 14/12/2023): thay bằng văn"
    " bản của năm 2025 nếu có",
    "data/plan_2025.yaml:133: căn cứ của năm 2024 (Quyết định số 1006/QĐ-UBND ngày 15/3/2024): thay bằng văn bản"
    " của năm 2025 nếu có",
    "data/plan_2025.yaml:234: đoạn văn dẫn chiếu văn bản của năm 2024 (Quyết định số 4438/QĐ-UBND ngày"
    " 14/12/2023): thay bằng văn bản của năm 2025 nếu có",
]


@pytest.fixture(scope="module")
def rolled() -> tuple[str, list[str]]:
    """`kehoach new data/plan_2024.yaml --year 2025`, run from the repository as the README shows it."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return next_year(Path("data/plan_2024.yaml"), 2025)
    finally:
        os.chdir(here)


def comment_lines(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))


def without_marks(text: str) -> str:
    """The new plan once the clerk has looked at every mark and deleted its line."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("xem_lai:"))


def test_the_checklist_names_each_mark_at_its_line_in_the_new_file(rolled):
    text, checklist = rolled
    assert checklist == CHECKLIST
    lines = text.splitlines()
    for item in checklist:
        number, reason = re.match(r"data/plan_2025\.yaml:(\d+): (.*)", item).groups()
        assert lines[int(number) - 1].strip() == f'xem_lai: "{reason}"'


def test_the_marks_sit_in_the_blocks_that_need_them(rolled):
    text, _ = rolled
    plan = read_plan_text(text, str(OUT)).plan
    marked = [b.document for b in plan.bases if b.review]
    assert marked == ["kh-54-2024", "qd-4438-2023", "qd-1006-2024"]  # dated 2024 or 2023 (the 2024 budget)
    assert [s.title for s in plan.body if s.review] == ["Kinh phí thực hiện"]  # its paragraph cites qd-4438-2023
    assert not any(doc.review for doc in plan.documents.values())


def test_check_reports_exactly_the_marks(rolled):
    text, checklist = rolled
    problems = check_text(text, str(OUT), today=TODAY).problems
    assert [p.rule for p in problems] == ["review-needed"] * 4
    assert [f"{p.location.file}:{p.location.line}" for p in problems] == [c.split(": ")[0] for c in checklist]
    assert [p.message for p in problems] == [f"cần xem lại: {c.split(': ', 1)[1]}; xem, sửa xong thì xóa dòng xem_lai"
                                            for c in checklist]


def test_once_the_marks_are_deleted_the_plan_checks_clean(rolled):
    text, _ = rolled
    cleaned = without_marks(text)
    assert "xem_lai" not in cleaned
    report = check_text(cleaned, str(OUT), today=TODAY)
    assert not report.unusable and report.problems == []


def test_the_years_of_the_plans_own_text_move_and_nothing_else(rolled):
    text, _ = rolled
    old = read_plan_text(PLAN_2024.read_text(encoding="utf-8"), "2024").plan
    new = read_plan_text(text, "2025").plan
    assert new.summary.endswith("\nnăm 2025 trên địa bàn huyện")
    assert "bền vững năm 2025 trên địa bàn huyện" in new.opening[0]
    assert "bền vững năm 2025 của UBND huyện" in new.closing[0]
    body = [line for line in context_lines(build_context(new, read_plan_text(text, "2025").refs))]
    assert "b) Thời gian thực hiện: Quý III-IV năm 2025." in body
    assert "Các nội dung dự kiến thực hiện trong năm 2025:" in body
    budget = next(line for line in body if line.startswith("Từ nguồn kinh phí"))
    assert "bền vững năm 2025 và năm 2024 chuyển nguồn sang thực hiện năm 2025 đã giao" in budget
    assert "tại Quyết định số 4438/QĐ-UBND ngày 14/12/2023 của UBND huyện." in budget  # the citation: as it was
    # What other documents say, units' names and spans of years are theirs: unchanged.
    assert new.documents == old.documents
    assert new.units == old.units
    assert "giai đoạn 2021-2025" in new.body[0].content[0].content[1].text


def test_a_draft_of_the_new_year_in_the_old_plans_order(rolled):
    text, _ = rolled
    plan = read_plan_text(text, "2025").plan
    assert (plan.number, plan.date, plan.year, plan.is_draft) == (None, None, 2025, True)
    old_keys = list(load_yaml_text(PLAN_2024.read_text(encoding="utf-8"), "a").data)
    new_keys = list(load_yaml_text(text, "b").data)
    assert new_keys == ["nam" if k == "so" else k for k in old_keys if k != "ngay"]
    assert "\nnam: 2025\n\ntrich_yeu: |-\n" in text


def test_comments_and_the_editor_line_are_carried_over(rolled):
    text, _ = rolled
    source = PLAN_2024.read_text(encoding="utf-8")
    assert comment_lines(text) == comment_lines(source)
    assert text.startswith("# yaml-language-server: $schema=../schema/ke-hoach.schema.json\n")
    assert "    thuoc: bcd  # phối hợp ở mục III.4, không có trong Nơi nhận" in text
    # The comment that stood before `so:` and `ngay:` now stands before `nam:`.
    assert "# Xóa hai dòng này thì kehoach in bản dự thảo, để trống số và ngày cho văn thư.\nnam: 2025\n" in text


def test_the_new_plan_is_already_formatted(rolled):
    from kehoach.features.fmt import format_text

    text, _ = rolled
    assert format_text(text, "2025") == text


def test_a_plan_of_another_place_citing_last_years_documents_elsewhere():
    base = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
    base = base.replace("mo_dau: \"UBND xã Nậm Lịch xây dựng Kế hoạch tuyên truyền phòng, chống thiên tai năm 2025 như"
                        " sau:\"",
                        "mo_dau: \"Thực hiện [[nd-66]] và [[kh-20-huyen]], UBND xã xây dựng Kế hoạch năm 2025:\"")
    base = base.replace("        noi_dung: Phát các tin, bài về phòng, chống thiên tai.\n",
                        "        noi_dung: Phát các tin, bài theo [[kh-20-huyen]].\n")
    base = base.replace("  - van_ban: nd-66\n", "  - van_ban: nd-66\n  - noi_dung: Căn cứ tình hình thiên tai năm 2025\n")
    assert base.count("kh-20-huyen") == 4
    with_path = ROOT / "tests" / "rules" / "base_plan.yaml"
    text, checklist = _roll_text(base, with_path, 2026)
    plan = read_plan_text(text, "x").plan
    assert plan.year == 2026 and plan.summary == "Tuyên truyền phòng, chống thiên tai năm 2026"
    assert plan.body[1].content[0].period == "Tháng 5 năm 2026"
    cited = ("đoạn văn dẫn chiếu văn bản của năm 2025 (Kế hoạch số 20/KH-UBND ngày 10/02/2025): thay bằng văn bản"
             " của năm 2026 nếu có")
    assert [r.split(": ", 1)[1] for r in checklist] == [
        cited,  # cited in the opening, which cannot carry a mark: the document carries it
        "căn cứ của năm 2025: thay bằng văn bản của năm 2026 nếu có",  # the free-text basis
        "căn cứ của năm 2025 (Kế hoạch số 20/KH-UBND ngày 10/02/2025): thay bằng văn bản của năm 2026 nếu có",
        cited,  # cited by the activity
    ]
    assert plan.documents["kh-20-huyen"].review and plan.body[1].content[0].review
    report = check_text(text, "x.yaml", today=TODAY)
    assert [p.rule for p in report.problems] == ["review-needed"] * 4
    assert check_text(without_marks(text), "x.yaml", today=TODAY).problems == []


def _roll_text(text: str, like: Path, year: int) -> tuple[str, list[str]]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke-hoach.yaml"
        path.write_text(text, encoding="utf-8")
        return next_year(path, year, Path(folder) / "ke-hoach-2026.yaml")


# -- the command ----------------------------------------------------------------------------------------


def run(*args: str):
    return invoke(list(args))


def test_new_writes_beside_the_old_plan_and_prints_the_checklist(tmp_path):
    old = tmp_path / "plan_2024.yaml"
    shutil.copy(PLAN_2024, old)
    result = run("new", str(old), "--year", "2025")
    assert result.exit_code == 0, result.stderr
    new = tmp_path / "plan_2025.yaml"
    assert result.stdout.splitlines() == [
        f"Đã ghi {new}: bản dự thảo kế hoạch năm 2025 (chưa có số, ngày).",
        "Cần xem lại 4 chỗ (xem xong thì xóa dòng xem_lai):",
        *[line.replace("data/plan_2025.yaml", str(new)) for line in CHECKLIST],
    ]
    assert new.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/ke-hoach.schema.json")
    assert old.read_bytes() == PLAN_2024.read_bytes()
    # The new plan renders (as a draft, its marks are warnings).
    rendered = run("render", str(new))
    assert rendered.exit_code == 0 and (tmp_path / "plan_2025.docx").is_file()


def test_new_never_overwrites_unless_forced(tmp_path):
    old = tmp_path / "ke-hoach.yaml"
    shutil.copy(PLAN_2024, old)
    existing = tmp_path / "ke-hoach-2025.yaml"  # the default name when the old one has no year in it
    existing.write_text("# bản của văn thư\n", encoding="utf-8")
    result = run("new", str(old))
    assert result.exit_code == 2
    assert result.stderr == (f"{existing}: đã có tệp «{existing}»; kehoach không ghi đè. Hãy chọn tên khác bằng -o,"
                             " hoặc chạy lại với --force để ghi đè\n")
    assert existing.read_text(encoding="utf-8") == "# bản của văn thư\n"
    assert run("new", str(old), "--force").exit_code == 0
    assert "nam: 2025" in existing.read_text(encoding="utf-8")


def test_new_refuses_to_write_over_the_old_plan_or_to_go_back(tmp_path):
    old = tmp_path / "plan_2024.yaml"
    shutil.copy(PLAN_2024, old)
    same = run("new", str(old), "-o", str(old), "--force")
    assert (same.exit_code, same.stderr) == (2, f"{old}: tệp ra trùng với tệp kế hoạch đang có; hãy chọn tên khác"
                                                " bằng -o\n")
    back = run("new", str(old), "--year", "2024")
    assert (back.exit_code, back.stderr) == (2, f"{old}: năm của kế hoạch mới (2024) phải sau năm của kế hoạch này"
                                                " (2024); hãy sửa --year\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan_2024.yaml"]


def test_a_plan_without_a_year_cannot_say_which_year_is_next(tmp_path):
    old = tmp_path / "ke-hoach.yaml"
    old.write_text(PLAN_2024.read_text(encoding="utf-8").replace("ngay: 05/7/2024\n", ""), encoding="utf-8")
    result = run("new", str(old))
    assert (result.exit_code, result.stderr) == (2, f"{old}: kế hoạch chưa có ngày (ngay) hay năm (nam) nên không biết"
                                                    " đây là kế hoạch năm nào; hãy thêm dòng «nam: …» rồi chạy lại\n")


def test_the_editor_line_follows_the_new_plan_to_another_folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(PLAN_2024, data / "plan_2024.yaml")
    result = run("new", str(data / "plan_2024.yaml"), "-o", str(tmp_path / "ke-hoach-2025.yaml"))
    assert result.exit_code == 0, result.stderr
    first = (tmp_path / "ke-hoach-2025.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/ke-hoach.schema.json"  # the same file, seen from tmp/


def test_the_readme_shows_the_real_output(rolled):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = "\n".join(["Đã ghi data/plan_2025.yaml: bản dự thảo kế hoạch năm 2025 (chưa có số, ngày).",
                       "Cần xem lại 4 chỗ (xem xong thì xóa dòng xem_lai):", *CHECKLIST])
    assert f"```\n{shown}\n```" in readme


def test_marks_left_from_last_year_stay_on_the_checklist(rolled, tmp_path):
    text, _ = rolled
    plan_2025 = tmp_path / "plan_2025.yaml"
    plan_2025.write_text(text, encoding="utf-8")
    again, checklist = next_year(plan_2025, 2026)
    reasons = [item.split(": ", 1)[1] for item in checklist]
    assert reasons == [
        "căn cứ của năm 2024 (Kế hoạch số 54/KH-UBND ngày 01/3/2024): thay bằng văn bản của năm 2025 nếu có; căn cứ"
        " của năm 2025 (Kế hoạch số 54/KH-UBND ngày 01/3/2024): thay bằng văn bản của năm 2026 nếu có",
        "căn cứ của năm 2024 (Quyết định số 4438/QĐ-UBND ngày 14/12/2023): thay bằng văn bản của năm 2025 nếu có",
        "căn cứ của năm 2024 (Quyết định số 1006/QĐ-UBND ngày 15/3/2024): thay bằng văn bản của năm 2025 nếu có; căn"
        " cứ của năm 2025 (Quyết định số 1006/QĐ-UBND ngày 15/3/2024): thay bằng văn bản của năm 2026 nếu có",
        "đoạn văn dẫn chiếu văn bản của năm 2024 (Quyết định số 4438/QĐ-UBND ngày 14/12/2023): thay bằng văn bản của"
        " năm 2025 nếu có",
    ]
    problems = check_text(again, str(tmp_path / "plan_2026.yaml"), today=TODAY).problems
    assert [(p.rule, p.location.line) for p in problems] == [
        ("review-needed", int(item.split(":")[1])) for item in checklist]


def test_a_plan_with_amounts_rolls_over():
    """Activity budgets are amounts (numbers), not text: rolling them over must not trip on them."""
    text, _ = next_year(ROOT / "data" / "vi-du-phu-luc.yaml", 2026)
    plan = read_plan_text(text, "vi-du-2026.yaml").plan
    assert plan.year == 2026 and plan.number is None and plan.date is None
    budgets = [line for line in context_lines(build_context(plan)) if line.startswith("- Kinh phí")]
    assert budgets and all(line.endswith("đồng.") for line in budgets)


def test_the_decision_and_the_results_become_drafts_to_look_at_again():
    text, checklist = next_year(ROOT / "data" / "vi-du-bo-van-ban.yaml", 2025, Path("vi-du-2025.yaml"))
    plan = read_plan_text(text, "vi-du-2025.yaml").plan
    for block in (plan.decision, plan.results):
        assert (block.number, block.date, block.year) == (None, None, 2025)
    assert plan.decision.review == ("Quyết định ban hành kế hoạch năm 2024: xem lại căn cứ, đơn vị trình, người thi"
                                    " hành; số, ngày ghi khi ban hành")
    assert plan.results.review == ("kết quả thực hiện kế hoạch năm 2024: ghi lại tình trạng, kết quả, kinh phí của"
                                   " năm 2025 khi báo cáo; số, ngày ghi khi ban hành")
    lines = text.splitlines()
    assert lines[lines.index("quyet_dinh:") + 1:lines.index("quyet_dinh:") + 3] == [
        "  nam: 2025", f'  xem_lai: "{plan.decision.review}"']
    assert [item.split(": ", 1)[1] for item in checklist] == [plan.decision.review, plan.results.review]
    problems = check_text(text, "vi-du-2025.yaml", today=TODAY).problems
    assert [(p.rule, p.location.line) for p in problems] == [
        ("review-needed", lines.index(f'  xem_lai: "{block.review}"') + 1) for block in (plan.decision, plan.results)]
    cleaned = check_text(without_marks(text), "vi-du-2025.yaml", today=TODAY)
    assert not cleaned.unusable and cleaned.problems == []
