"""kehoach check as a whole: config files, line switches, output formats, exit codes, render's use of it."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from helpers import BASE, edit, position_of  # noqa: E402

from kehoach.check.runner import check_file, check_text, exit_code  # noqa: E402
from support import invoke  # noqa: E402

# A vice-chairman signing without «KT. CHỦ TỊCH» (an error) and a lone «1.» (a warning).
BROKEN = edit(BASE, "chuc_vu: CHỦ TỊCH", "chuc_vu: PHÓ CHỦ TỊCH")
BROKEN = edit(BROKEN, "      - muc: Yêu cầu\n        noi_dung:\n          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n", "")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rules_found(report) -> list[str]:
    return [p.rule for p in report.problems]


def test_an_error_and_a_warning_give_exit_code_1(tmp_path):
    report = check_file(write(tmp_path, "a.yaml", BROKEN))
    assert rules_found(report) == ["structure-lone-child", "signature-authority"]
    assert exit_code([report]) == 1


def test_warnings_only_give_exit_code_0(tmp_path):
    text = edit(BROKEN, "chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: CHỦ TỊCH")
    report = check_file(write(tmp_path, "a.yaml", text))
    assert (rules_found(report), exit_code([report])) == (["structure-lone-child"], 0)


def test_unusable_input_gives_exit_code_2(tmp_path):
    report = check_file(tmp_path / "khong-co.yaml")
    assert (rules_found(report), report.unusable, exit_code([report])) == (["file-unreadable"], True, 2)


def test_config_switches_a_rule_off_and_relevels_another(tmp_path):
    write(tmp_path, ".kehoach.yaml", "quy_tac:\n  structure-lone-child: tat\n  signature-authority: canh-bao\n")
    sub = tmp_path / "2025"
    sub.mkdir()
    report = check_file(write(sub, "a.yaml", BROKEN))  # the config of the folder above applies
    assert [(p.rule, p.severity.value) for p in report.problems] == [("signature-authority", "warning")]
    assert exit_code([report]) == 0


def test_a_broken_config_is_reported_where_it_is_wrong(tmp_path):
    write(tmp_path, ".kehoach.yaml", "quy_tac:\n  structure-lone-chil: tat\n  signature-authority: vang\n  yaml-syntax: tat\n")
    report = check_file(write(tmp_path, "a.yaml", BASE))
    cfg = str(tmp_path / ".kehoach.yaml")
    assert report.unusable
    assert [str(p) for p in report.problems] == [
        f"{cfg}:2:3: lỗi: không có quy tắc «structure-lone-chil»; có phải «structure-lone-child»? [config-invalid]",
        f"{cfg}:3:24: lỗi: mức «vang» không hợp lệ; hãy dùng tat, loi, canh-bao hoặc goi-y [config-invalid]",
        f"{cfg}:4:3: lỗi: quy tắc yaml-syntax kiểm tra tệp có đọc được không, không tắt hay đổi mức được [config-invalid]",
    ]


def test_a_comment_switches_a_rule_off_for_its_line_or_the_next():
    same_line = edit(BROKEN, "chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: PHÓ CHỦ TỊCH  # kehoach: bo-qua signature-authority")
    assert rules_found(check_text(same_line, "a.yaml")) == ["structure-lone-child"]
    line_above = edit(BROKEN, "  chuc_vu: PHÓ CHỦ TỊCH", "  # kehoach: bỏ qua signature-authority\n  chuc_vu: PHÓ CHỦ TỊCH")
    assert rules_found(check_text(line_above, "a.yaml")) == ["structure-lone-child"]
    other_rule = edit(BROKEN, "chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: PHÓ CHỦ TỊCH  # kehoach: bo-qua text-quotes")
    assert rules_found(check_text(other_rule, "a.yaml")) == ["structure-lone-child", "signature-authority"]


def test_human_output_groups_by_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", BROKEN)
    write(tmp_path, "b.yaml", edit(BASE, "so: 12", "so: 13"))  # the same number twice would be an error
    result = invoke(["check", "."])
    line, column = position_of(BROKEN, "PHÓ CHỦ TỊCH")
    child_line, child_column = position_of(BROKEN, "muc: Mục đích\n")
    first, second = f"{child_line}:{child_column}", f"{line}:{column}"
    width = max(len(first), len(second))  # positions are padded to one column
    assert result.exit_code == 1
    assert result.stdout == (
        "a.yaml\n"
        f"  {first.ljust(width)}  cảnh báo  mục I chỉ có một mục con; hãy thêm mục con thứ hai hoặc gộp nội dung "
        "lên mục cha  [structure-lone-child]\n"
        f"  {second.ljust(width)}  lỗi       PHÓ CHỦ TỊCH ký thay cấp trưởng nên cần dòng «KT. CHỦ TỊCH» ngay trên chức vụ; "
        "hãy thêm vào quyen_han  [signature-authority]\n"
        "\n"
        "1 lỗi, 1 cảnh báo trong 2 tệp.\n"
    )


def test_json_output(tmp_path):
    path = write(tmp_path, "a.yaml", BROKEN)
    result = invoke(["check", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    line, column = position_of(BROKEN, "PHÓ CHỦ TỊCH")
    assert result.exit_code == 1
    assert data["counts"] == {"error": 1, "warning": 1, "info": 0}
    assert data["problems"][1] == {
        "file": str(path), "line": line, "column": column, "rule": "signature-authority", "severity": "error",
        "message": "PHÓ CHỦ TỊCH ký thay cấp trưởng nên cần dòng «KT. CHỦ TỊCH» ngay trên chức vụ; hãy thêm vào quyen_han",
    }


def test_sarif_output(tmp_path):
    path = write(tmp_path, "a.yaml", BROKEN)
    result = invoke(["check", str(path), "--format", "sarif"])
    sarif = json.loads(result.stdout)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "kehoach"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["signature-authority", "structure-lone-child"]
    levels = [(r["ruleId"], r["level"], r["ruleIndex"]) for r in run["results"]]
    assert levels == [("structure-lone-child", "warning", 1), ("signature-authority", "error", 0)]
    region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == position_of(BROKEN, "PHÓ CHỦ TỊCH")


def test_explain_prints_the_rules_manual():
    result = invoke(["check", "--explain", "signature-authority"])
    assert result.exit_code == 0
    assert result.stdout.startswith("signature-authority (mặc định: lỗi)\n\nThẩm quyền ký không khớp")
    assert "Đúng:" in result.stdout and "Sai:" in result.stdout
    unknown = invoke(["check", "--explain", "signature-autority"])
    assert unknown.exit_code == 2
    assert unknown.stderr == ("signature-autority: không có quy tắc «signature-autority»; "
                              "có phải «signature-authority»?\n")


def test_rules_lists_every_rule_with_its_level():
    result = invoke(["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("signature-authority ") and " lỗi " in line for line in lines)
    assert any(line.startswith("structure-lone-child ") and " cảnh báo " in line for line in lines)


def test_render_refuses_a_plan_with_errors_and_writes_nothing(tmp_path):
    path = write(tmp_path, "a.yaml", BROKEN)
    result = invoke(["render", str(path)])
    line, column = position_of(BROKEN, "PHÓ CHỦ TỊCH")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:{line}:{column}: lỗi: PHÓ CHỦ TỊCH ký thay cấp trưởng nên cần dòng «KT. CHỦ TỊCH» ngay trên chức "
        "vụ; hãy thêm vào quyen_han [signature-authority]\n"
        "Chưa tạo văn bản vì kế hoạch còn 1 lỗi; hãy sửa các lỗi trên (hoặc chạy lại với --force để in bản dự thảo).\n"
    )
    assert not (tmp_path / "a.docx").exists()


def test_render_force_makes_a_marked_draft(tmp_path):
    from docx import Document

    path = write(tmp_path, "a.yaml", BROKEN)
    result = invoke(["render", str(path), "--force"])
    assert result.exit_code == 0
    assert result.stdout == f"Đã tạo {tmp_path / 'a.docx'} (bản dự thảo vì kế hoạch còn 1 lỗi).\n"
    assert "[signature-authority]" in result.stderr and "[structure-lone-child]" in result.stderr
    texts = [p.text for p in Document(tmp_path / "a.docx").paragraphs]
    assert texts[0] == "DỰ THẢO"


def test_the_2024_plan_checks_clean():
    root = Path(__file__).resolve().parents[1]
    report = check_file(root / "data" / "plan_2024.yaml")
    assert [str(p) for p in report.problems] == []


def test_a_folder_is_checked_file_by_file(tmp_path):
    write(tmp_path, "a.yaml", BASE)
    (tmp_path / "sub").mkdir()  # another folder: the same number there is another register
    write(tmp_path / "sub", "b.yml", BASE)
    write(tmp_path, "ghi-chu.txt", "không phải kế hoạch")
    shutil.copy(tmp_path / "a.yaml", tmp_path / "sub" / ".an.yaml")
    result = invoke(["check", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (0, "Không có lỗi nào trong 2 tệp.\n")
