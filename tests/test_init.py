"""kehoach init (a new plan from a few answers, scripted or asked) and kehoach types."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from kehoach.conventions import doctypes
from kehoach.check.runner import check_file
from kehoach.source.plan_file import read_plan
from support import invoke

SCRIPTED = ["--co-quan", "Ủy ban nhân dân huyện Mường Ảng", "--nam", "2025", "--chuc-vu", "Phó Chủ tịch",
            "--nguoi-ky", "Đinh Văn Sơn", "--yes"]


def run(*args: str, input: str | None = None):
    result = invoke(list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems(path: Path) -> tuple[list[str], int]:
    """What check finds besides the «CẦN ĐIỀN» marks, and how many marks."""
    report = check_file(path, path.name)
    assert not report.unusable
    others = [str(p) for p in report.problems if p.rule != "todo-left"]
    return others, sum(1 for p in report.problems if p.rule == "todo-left")


def test_a_scripted_plan_checks_clean_but_for_its_marks_and_renders(folder):
    result = run("init", "ke-hoach.yaml", *SCRIPTED)
    assert (result.exit_code, result.stderr) == (0, "")
    others, marks = problems(folder / "ke-hoach.yaml")
    assert (others, marks) == ([], 18)
    assert result.stdout == (f"Đã tạo ke-hoach.yaml (và ke-hoach.schema.json: mẫu kế hoạch để trình soạn thảo gợi ý từng khóa); còn {marks} chỗ «CẦN ĐIỀN» cần viết, xem từng chỗ bằng «kehoach "
                             "check ke-hoach.yaml». Tạo văn bản: «kehoach render ke-hoach.yaml».\n")
    plan = read_plan(folder / "ke-hoach.yaml").plan
    assert plan.organ.name_lines == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"]
    assert (plan.organ.abbreviation, plan.organ.place, plan.year, plan.type) == ("UBND", "Mường Ảng", 2025, "Kế hoạch")
    assert plan.signature.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (plan.signature.position, plan.signature.name) == ("PHÓ CHỦ TỊCH", "Đinh Văn Sơn")
    assert plan.is_draft
    rendered = run("render", "ke-hoach.yaml")
    assert (rendered.exit_code, rendered.stdout) == (0, "Đã tạo ke-hoach.docx (bản dự thảo, chưa có số và ngày).\n")
    assert rendered.stderr.count("[todo-left]") == marks
    texts = [p.text for p in Document(folder / "ke-hoach.docx").paragraphs]
    assert texts[0] == "DỰ THẢO"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "- «CẦN ĐIỀN: mục đích của kế hoạch»" in texts


def test_every_mark_is_reported_at_its_place(folder):
    assert run("init", "ke-hoach.yaml", *SCRIPTED).exit_code == 0
    lines = (folder / "ke-hoach.yaml").read_text(encoding="utf-8").splitlines()
    report = check_file(folder / "ke-hoach.yaml", "ke-hoach.yaml")
    for problem in report.problems:
        line = lines[problem.location.line - 1]
        assert line[problem.location.column - 1 :].startswith("«CẦN ĐIỀN: ")
    summary = next(p for p in report.problems if lines[p.location.line - 1].startswith("trich_yeu:"))
    assert summary.message == ("còn chỗ đánh dấu «CẦN ĐIỀN: trích yếu nội dung, ví dụ Tuyên truyền phòng, chống thiên "
                               "tai năm 2025» chưa điền; hãy thay bằng nội dung thật")


def test_yes_alone_takes_every_default(folder):
    result = run("init", "--yes")
    year = date.today().year
    name = f"ke-hoach-{year}.yaml"
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"Đã tạo {name} (và ke-hoach.schema.json: mẫu kế hoạch để trình soạn thảo gợi ý từng khóa); còn 21 chỗ «CẦN ĐIỀN» cần viết")
    assert problems(folder / name) == ([], 21)
    plan = read_plan(folder / name).plan
    assert plan.organ.name_lines == ["ỦY BAN NHÂN DÂN", "«CẦN ĐIỀN: HUYỆN, XÃ …»"]
    assert (plan.year, plan.signature.position, plan.signature.authority) == (year, "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
    assert run("render", name).exit_code == 0


def test_interactive_questions_with_defaults_and_a_wrong_answer_asked_again(folder):
    year = date.today().year
    dialogue = [("Loại văn bản [Kế hoạch]", ""),
                ("Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng» (Enter: điền sau)",
                 "Ủy ban nhân dân xã Nậm Lịch"),
                ("Chữ viết tắt tên cơ quan (trong ký hiệu, như KH-UBND) [UBND]", ""),
                ("Địa danh ghi trước ngày tháng [Nậm Lịch]", ""),  # from the organ's name
                (f"Năm ban hành dự kiến [{year}]", "hai nghìn"),
                (f"Năm ban hành dự kiến [{year}]", "2025"),
                ("Chức vụ người ký [CHỦ TỊCH]", "Chủ tịch"),
                ("Họ và tên người ký (Enter: điền sau)", "Lò Văn Pánh")]
    result = run("init", "nam-lich.yaml", input="".join(answer + "\n" for _, answer in dialogue))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Lỗi: năm «hai nghìn» không hợp lệ; hãy ghi năm bằng bốn chữ số, ví dụ 2025\n"
    # Each question on stdout; the answers are the terminal's echo of what is typed, not kehoach's output.
    assert result.stdout == "".join(f"{question}: " for question, _ in dialogue) + (
        "Đã tạo nam-lich.yaml (và ke-hoach.schema.json: mẫu kế hoạch để trình soạn thảo gợi ý từng khóa); còn 18 chỗ «CẦN ĐIỀN» cần viết, xem từng chỗ bằng «kehoach check nam-lich.yaml». Tạo "
        "văn bản: «kehoach render nam-lich.yaml».\n")
    plan = read_plan(folder / "nam-lich.yaml").plan
    assert plan.organ.name_lines == ["ỦY BAN NHÂN DÂN", "XÃ NẬM LỊCH"]
    assert (plan.organ.place, plan.year, plan.signature.name) == ("Nậm Lịch", 2025, "Lò Văn Pánh")
    assert plan.signature.authority == ["TM. ỦY BAN NHÂN DÂN"]
    assert problems(folder / "nam-lich.yaml") == ([], 18)


def test_another_organ_and_type(folder):
    result = run("init", "bao-cao.yaml", "--loai", "báo cáo", "--co-quan", "Sở Giáo dục và Đào tạo", "--dia-danh",
                 "Điện Biên Phủ", "--chuc-vu", "PHÓ GIÁM ĐỐC", "--nguoi-ky", "Nguyễn Văn A", "--nam", "2025", "-y")
    assert result.exit_code == 0, result.stderr
    plan = read_plan(folder / "bao-cao.yaml").plan
    assert (plan.type, plan.symbol, plan.organ.name_lines) == ("Báo cáo", "BC-SGDĐT", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    assert plan.signature.authority == ["KT. GIÁM ĐỐC"]
    assert problems(folder / "bao-cao.yaml")[0] == []
    assert run("render", "bao-cao.yaml").exit_code == 0
    assert "BÁO CÁO" in [p.text for p in Document(folder / "bao-cao.docx").paragraphs]


@pytest.mark.parametrize("name", ["yes", "Nguyễn Văn: A", "#1 Lò Văn Pánh", "Hà \"Nội\"", "2025", "[Ngô]"])
def test_answers_that_yaml_would_misread_are_quoted(folder, name):
    assert run("init", "k.yaml", *SCRIPTED[:-3], "--nguoi-ky", name, "-y").exit_code == 0
    assert read_plan(folder / "k.yaml").plan.signature.name == name


def test_an_existing_file_is_never_replaced_and_nothing_is_asked(folder):
    (folder / "ke-hoach.yaml").write_text("so: 1\n", encoding="utf-8")
    result = run("init", "ke-hoach.yaml", input="Kế hoạch\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("ke-hoach.yaml: tệp này đã có; kehoach init không ghi đè lên kế hoạch đã có. Hãy ghi tên "
                             "tệp khác, ví dụ «kehoach init ke-hoach-moi.yaml»\n")
    assert (folder / "ke-hoach.yaml").read_text(encoding="utf-8") == "so: 1\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--loai", "Luật"], "--loai: «Luật» không phải loại văn bản kehoach soạn được; xem danh sách bằng «kehoach "
                             "types»"),
        (["--loai", "Kế hoach"], "--loai: «Kế hoach» không phải loại văn bản kehoach soạn được; có phải «Kế hoạch»?"),
        (["--nam", "25"], "--nam: năm «25» không hợp lệ; hãy ghi năm bằng bốn chữ số, ví dụ 2025"),
        (["--quyen-han", "KT CHỦ TỊCH"],
         "k.yaml: chưa tạo kế hoạch vì câu trả lời chưa dùng được: dòng thẩm quyền «KT CHỦ TỊCH» phải bắt đầu bằng "
         "TM., KT., Q., TL. hoặc TUQ. rồi đến chức danh; có phải «KT. CHỦ TỊCH»?"),
    ],
)
def test_answers_that_cannot_be_used(folder, args, message):
    result = run("init", "k.yaml", *args, "--yes")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert not (folder / "k.yaml").exists()


def test_types_lists_every_type_with_its_abbreviation():
    result = run("types")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Loại văn bản        Viết tắt  Nhóm",
        "------------------  --------  ------------------",
        "Nghị quyết          NQ        hành chính",
    ]
    assert "Kế hoạch            KH        hành chính" in lines
    assert "Luật                -         quy phạm pháp luật" in lines
    assert len([line for line in lines[2:] if line and not line.startswith(("kehoach", "mọi"))]) == \
        len(doctypes.all_types())


def test_answers_piped_in_may_be_fewer_than_the_questions(folder):
    """`kehoach init < tra-loi.txt`: the input ends, the other questions take their defaults; not «Đã dừng»."""
    year = date.today().year
    result = run("init", "k.yaml", input="\nỦy ban nhân dân xã Nậm Lịch\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Loại văn bản [Kế hoạch]: Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng» (Enter: điền sau): "
        "Chữ viết tắt tên cơ quan (trong ký hiệu, như KH-UBND) [UBND]: \n"
        "Đã tạo k.yaml (và ke-hoach.schema.json: mẫu kế hoạch để trình soạn thảo gợi ý từng khóa); còn 19 chỗ «CẦN "
        "ĐIỀN» cần viết, xem từng chỗ bằng «kehoach check k.yaml». Tạo văn bản: «kehoach render k.yaml».\n")
    plan = read_plan(folder / "k.yaml").plan
    assert (plan.organ.name_lines, plan.organ.place, plan.year) == (["ỦY BAN NHÂN DÂN", "XÃ NẬM LỊCH"], "Nậm Lịch", year)
    # No input at all: every default, as with -y.
    assert run("init", "rong.yaml").exit_code == 0


def test_ctrl_d_in_a_terminal_stops_and_writes_nothing(folder, monkeypatch):
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal(""))
    from kehoach.cli import main
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["init", "k.yaml"])
    assert (code, out.getvalue(), err.getvalue()) == (
        130, "Loại văn bản [Kế hoạch]: ", "Đã dừng theo yêu cầu; không tệp nào bị thay đổi.\n")
    assert sorted(p.name for p in folder.iterdir()) == []


def test_the_new_plan_names_its_schema_and_the_real_year(folder):
    assert run("init", "k.yaml", "-y", "--nam", "2027").exit_code == 0
    text = (folder / "k.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=ke-hoach.schema.json\n")
    assert "(so: 185, ngay: 05/7/2027)" in text and "{year}" not in text
    assert "data/plan_2024.yaml" not in text and "README" not in text
    import json

    from kehoach import api

    assert json.loads((folder / "ke-hoach.schema.json").read_text(encoding="utf-8")) == json.loads(api.json_schema())
    # A schema already there is the clerk's: kept, and not announced again.
    (folder / "ke-hoach.schema.json").write_text("{}", encoding="utf-8")
    result = run("init", "k2.yaml", "-y")
    assert "ke-hoach.schema.json" not in result.stdout
    assert (folder / "ke-hoach.schema.json").read_text(encoding="utf-8") == "{}"


def test_a_party_committee_gets_the_party_layout(folder):
    """«Đảng ủy xã …»: abbreviation ĐU, place from the name, T/M ĐẢNG ỦY and K/T for a deputy (HD 36)."""
    result = run("init", "ke-hoach.yaml", "--co-quan", "Đảng ủy xã Ẳng Nưa", "--nam", "2025", "--chuc-vu",
                 "Phó Bí thư", "--nguoi-ky", "Lò Văn Thanh", "--yes")
    assert (result.exit_code, result.stderr) == (0, "")
    others, _ = problems(folder / "ke-hoach.yaml")
    assert others == []
    plan = read_plan(folder / "ke-hoach.yaml").plan
    assert (plan.organ.abbreviation, plan.organ.place, plan.layout_id) == ("ĐU", "Ẳng Nưa", "hd36")
    assert plan.signature.authority == ["T/M ĐẢNG ỦY", "K/T BÍ THƯ"]
