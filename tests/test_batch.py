"""kehoach render with a folder or several plans: every output, the summary, the exit code, and the same
bytes whether the plans are rendered one after another or in parallel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import kehoach.render.pipeline
from kehoach.features.batch import Progress
from support import invoke

BASE = (Path(__file__).parent / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
SIGNATURE_ERROR = ("PHÓ CHỦ TỊCH ký thay cấp trưởng nên cần dòng «KT. CHỦ TỊCH» ngay trên chức vụ; hãy thêm vào "
                   "quyen_han [signature-authority]")
OLD = b"PK\x03\x04 ban cu cua van thu"


def run(*args: str):
    result = invoke(list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result


def plan(number: int) -> str:
    """The base plan with its own number, so that the folder's register sees no number used twice."""
    assert BASE.count("\nso: 12\n") == 1
    return BASE.replace("\nso: 12\n", f"\nso: {number}\n")


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def deputy_without_kt(number: int) -> str:
    """A plan the checks refuse (exit 1 alone): a deputy signs without «KT. CHỦ TỊCH»."""
    text = plan(number).replace("  chuc_vu: CHỦ TỊCH\n", "  chuc_vu: PHÓ CHỦ TỊCH\n")
    assert text != plan(number)
    return text


def bad_yaml(number: int) -> str:
    """A plan that cannot be read at all (exit 2 alone)."""
    return plan(number).replace("  viet_tat: UBND\n", "  viet_tat: [UBND\n")


def fill(folder: Path, count: int, refused: int | None = None, unreadable: int | None = None) -> Path:
    """`count` plans ke-hoach-01.yaml, …; plan `refused` has a check error and plan `unreadable` bad YAML."""
    folder.mkdir(exist_ok=True)
    for number in range(1, count + 1):
        text = {refused: deputy_without_kt, unreadable: bad_yaml}.get(number, plan)(number)
        (folder / f"ke-hoach-{number:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """The folder «ho-so» (empty), in the current folder: messages show paths as the clerk typed them."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    return tmp_path / "ho-so"


@pytest.fixture
def plans(folder) -> Path:
    """«ho-so» with 20 plans, the 7th refused by the checks and the 13th unreadable."""
    return fill(folder, 20, refused=7, unreadable=13)


def first_error(plan: str) -> str:
    """The first line `kehoach render PLAN` prints on its own: the batch summary shows the same."""
    alone = run("render", plan)
    assert alone.exit_code in (1, 2)
    return alone.stderr.splitlines()[0]


def test_a_folder_is_rendered_plan_by_plan_with_a_summary(plans):
    (plans / "ke-hoach-07.docx").write_bytes(OLD)  # a failed plan never touches its old document
    result = run("render", "ho-so", "--jobs", "2")
    signature_line = line_of(deputy_without_kt(7), "  chuc_vu: PHÓ CHỦ TỊCH")
    assert (result.exit_code, result.stderr) == (1, "")  # errors in plans (broken YAML too), no unreadable file
    assert result.stdout == (
        "Đã tạo 18 văn bản; 2 kế hoạch lỗi:\n"
        f"  ho-so/ke-hoach-07.yaml:{signature_line}:12: lỗi: {SIGNATURE_ERROR}\n"
        f"  {first_error('ho-so/ke-hoach-13.yaml')}\n"
    )
    refused = f"ho-so/ke-hoach-07.yaml:{signature_line}:12: lỗi: {SIGNATURE_ERROR}"
    assert first_error("ho-so/ke-hoach-07.yaml") == refused
    assert first_error("ho-so/ke-hoach-13.yaml").startswith("ho-so/ke-hoach-13.yaml:5:")
    made = sorted(p.name for p in plans.glob("*.docx"))
    assert made == [f"ke-hoach-{n:02d}.docx" for n in range(1, 21) if n != 13]
    assert (plans / "ke-hoach-07.docx").read_bytes() == OLD
    assert list(plans.glob(".*.tmp")) == []


def test_the_exit_code_is_1_when_plans_are_only_refused_by_the_checks(folder):
    fill(folder, 3, refused=2)
    result = run("render", "ho-so")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "Đã tạo 2 văn bản; 1 kế hoạch lỗi:"


def test_the_exit_code_is_0_when_every_plan_is_rendered(folder):
    fill(folder, 3)
    result = run("render", "ho-so")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Đã tạo 3 văn bản.\n", "")
    assert sorted(p.name for p in folder.glob("*.docx")) == ["ke-hoach-01.docx", "ke-hoach-02.docx", "ke-hoach-03.docx"]


def test_one_worker_and_two_workers_write_the_same_bytes(plans, tmp_path):
    other = tmp_path / "ban-sao"
    other.mkdir()
    for path in plans.glob("*.yaml"):
        (other / path.name).write_bytes(path.read_bytes())
    assert run("render", "ho-so", "--jobs", "1").exit_code == 1
    assert run("render", "ban-sao", "--jobs", "2").exit_code == 1
    first = {p.name: p.read_bytes() for p in plans.glob("*.docx")}
    assert len(first) == 18
    assert first == {p.name: p.read_bytes() for p in other.glob("*.docx")}


def test_several_files_and_errors_of_the_files_themselves(folder):
    plans = fill(folder, 2)
    result = run("render", "ho-so/ke-hoach-01.yaml", "ho-so/khong-co.yaml", "ho-so/ke-hoach-01.yaml")
    assert result.exit_code == 2
    assert result.stdout == (
        "Đã tạo 1 văn bản; 1 kế hoạch lỗi:\n"
        "  ho-so/khong-co.yaml: không tìm thấy tệp «ho-so/khong-co.yaml»; kiểm tra lại đường dẫn\n"
    )
    assert sorted(p.name for p in plans.glob("*.docx")) == ["ke-hoach-01.docx"]


def test_drafts_and_warnings_are_counted(folder):
    plans = fill(folder, 2)
    draft = plan(3).replace("\nso: 3\n", "\n").replace("\nngay: 14/3/2025\n", "\nnam: 2025\n")
    (plans / "ke-hoach-03.yaml").write_text(draft.replace("Họp bản\n", "Họp bản  thôn\n"), encoding="utf-8")
    result = run("render", "ho-so")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Đã tạo 3 văn bản (1 bản dự thảo).\n"
        "1 kế hoạch có cảnh báo; xem bằng «kehoach check ho-so».\n"
    )


def test_force_renders_refused_plans_as_drafts(folder):
    plans = fill(folder, 3, refused=1, unreadable=3)
    result = run("render", "ho-so", "--force")
    assert result.exit_code == 1  # the plan with broken YAML still cannot be rendered: an error in it
    assert result.stdout.splitlines()[0] == "Đã tạo 2 văn bản (1 bản dự thảo); 1 kế hoạch lỗi:"
    assert (plans / "ke-hoach-01.docx").is_file()


def test_two_plans_that_would_write_the_same_document(folder):
    plans = fill(folder, 1)
    (plans / "ke-hoach-01.yml").write_text(plan(21), encoding="utf-8")
    result = run("render", "ho-so/ke-hoach-01.yaml", "ho-so/ke-hoach-01.yml")
    assert result.exit_code == 2
    assert result.stdout == (
        "Đã tạo 1 văn bản; 1 kế hoạch lỗi:\n"
        "  ho-so/ke-hoach-01.yml: văn bản tạo ra sẽ trùng tên ke-hoach-01.docx với văn bản của "
        "ho-so/ke-hoach-01.yaml; hãy đổi tên một trong hai tệp kế hoạch\n"
    )


def test_a_bug_on_one_plan_is_reported_with_that_plan_and_the_others_go_on(folder, monkeypatch):
    fill(folder, 4, unreadable=4)
    real = kehoach.render.pipeline.render

    def render(path, *args, **options):
        if path.name == "ke-hoach-02.yaml":
            raise RuntimeError("hỏng")
        return real(path, *args, **options)

    monkeypatch.setattr(kehoach.render.pipeline, "render", render)
    result = run("render", "ho-so", "--jobs", "1")
    assert result.exit_code == 70
    assert "  ho-so/ke-hoach-02.yaml: lỗi nội bộ của kehoach (RuntimeError: hỏng)\n" in result.stdout
    assert result.stdout.startswith("Đã tạo 2 văn bản; 2 kế hoạch lỗi:\n")


def test_ctrl_c_keeps_what_was_written_and_says_so(folder, monkeypatch):
    plans = fill(folder, 4)
    real = kehoach.render.pipeline.render

    def render(path, *args, **options):
        if path.name == "ke-hoach-03.yaml":
            raise KeyboardInterrupt
        return real(path, *args, **options)

    monkeypatch.setattr(kehoach.render.pipeline, "render", render)
    result = run("render", "ho-so", "--jobs", "1")
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == ("Đã dừng theo yêu cầu; đã tạo 2 văn bản, các kế hoạch còn lại chưa được tạo. Mỗi tệp đã "
                             "ghi đều trọn vẹn.\n")
    assert sorted(p.name for p in plans.glob("*.docx")) == ["ke-hoach-01.docx", "ke-hoach-02.docx"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ho-so", "-o", "ra.docx"],
         "Lỗi: -o chỉ dùng khi tạo một văn bản; khi tạo nhiều văn bản, mỗi văn bản được ghi cạnh tệp kế hoạch của nó, "
         "cùng tên\n"),
        (["trong"], "trong: không có tệp kế hoạch .yaml nào để tạo văn bản\n"),
        (["ho-so", "--template", "khong-co.docx"],
         "khong-co.docx: không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template\n"),
    ],
)
def test_unusable_requests_are_refused_before_any_work(folder, args, message):
    plans = fill(folder, 2)
    (plans.parent / "trong").mkdir()
    result = run("render", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert list(plans.glob("*.docx")) == []


def test_no_progress_line_when_stderr_is_not_a_terminal(folder):
    fill(folder, 2)
    assert run("render", "ho-so").stderr == ""


def test_the_progress_line_is_rewritten_in_place_and_cleared():
    stream = io.StringIO()
    progress = Progress(stream)
    progress(1, 3, "ho-so/ke-hoach-dai.yaml")
    progress(2, 3, "ho-so/b.yaml")
    progress.clear()
    assert stream.getvalue() == ("\r[1/3] ho-so/ke-hoach-dai.yaml"
                                 "\r[2/3] ho-so/b.yaml" + " " * 11
                                 + "\r" + " " * 18 + "\r")


def test_shared_files_of_units_and_documents_are_not_plans(folder):
    fill(folder, 2)
    (folder / "dung-chung.yaml").write_text("don_vi:\n  van-hoa:\n    ten: Công chức Văn hóa - Xã hội xã\n",
                                           encoding="utf-8")
    result = run("render", "ho-so")
    assert (result.exit_code, result.stdout) == (0, "Đã tạo 2 văn bản (bỏ qua 1 tệp dùng chung).\n")
    assert not (folder / "dung-chung.docx").exists()


def test_a_document_open_in_word_is_left_and_no_option_is_suggested_that_a_folder_cannot_take(folder):
    fill(folder, 2)
    (folder / ".~lock.ke-hoach-02.docx#").write_text("nguoi dung")
    result = run("render", "ho-so")
    assert result.exit_code == 2
    assert result.stdout == (
        "Đã tạo 1 văn bản; 1 kế hoạch lỗi:\n"
        "  ho-so/ke-hoach-02.yaml: ho-so/ke-hoach-02.docx: tệp đang được mở trong Word hoặc LibreOffice (có tệp khóa"
        " «.~lock.ke-hoach-02.docx#»); hãy đóng tệp rồi chạy lại. Nếu không ai đang mở tệp, tệp khóa còn sót lại sau"
        " khi Word hoặc LibreOffice bị tắt đột ngột: hãy xóa tệp khóa bằng lệnh: rm -- 'ho-so/.~lock.ke-hoach-02.docx#'\n"
    )


def test_a_folder_is_listed_once_and_each_plan_read_once_for_the_whole_run(folder, monkeypatch):
    """A 500-plan folder would otherwise be listed 500 times by the register rule (each listing looking at the
    state of every plan), and each plan parsed twice to tell a shared file from a plan."""
    import os

    from kehoach.rules import register_number_used
    from kehoach.source import load

    fill(folder, 5)
    listed, read = [], []
    real_scandir, real_load = os.scandir, load.load_yaml_text
    monkeypatch.setattr(register_number_used.os, "scandir", lambda path: listed.append(path) or real_scandir(path))
    monkeypatch.setattr(load, "load_yaml_text", lambda text, source, *a, **k: read.append(Path(source).name) or
                        real_load(text, source, *a, **k))
    result = run("render", "ho-so", "--jobs", "1")
    assert (result.exit_code, result.stdout) == (0, "Đã tạo 5 văn bản.\n")
    assert [p for p in listed if Path(p) == folder.resolve()] == [folder.resolve()]
    assert sorted(read) == [f"ke-hoach-{n:02d}.yaml" for n in range(1, 6)]


def test_a_number_used_twice_in_the_folder_is_still_found_when_the_folder_is_listed_once(folder):
    fill(folder, 3)
    (folder / "ban-sao.yaml").write_text(plan(2), encoding="utf-8")
    result = run("render", "ho-so", "--jobs", "1")
    assert result.exit_code == 1
    assert "số 02/KH-UBND năm 2025 đã dùng cho văn bản ở tệp ke-hoach-02.yaml" in result.stdout
    assert "số 02/KH-UBND năm 2025 đã dùng cho văn bản ở tệp ban-sao.yaml" in result.stdout
