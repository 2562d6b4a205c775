"""Plans and documents as text in document order, and git diff through the textconv driver."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from kehoach.features.textconv import docx_text, plan_text
from support import PLAN_2024, ROOT, invoke


def test_plan_text_is_the_rendered_text_in_order():
    text = plan_text(PLAN_2024)
    lines = text.splitlines()
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 185/KH-UBND", "Mường Ảng, ngày 05 tháng 7 năm 2024"]
    assert "- Nội dung: Thực hiện phát sóng các tin, bài, phóng sự tại mục 1 và mục 2 Phần III của Kế hoạch này " \
           "trên Đài Phát thanh - Truyền hình tỉnh, hệ thống Truyền thanh từ huyện đến cơ sở." in lines
    assert lines[-4:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Văn Sơn"]


def test_docx_text_follows_the_document(rendered_bytes, tmp_path):
    path = tmp_path / "kh.docx"
    path.write_bytes(rendered_bytes)
    words = docx_text(path).split()
    assert words == plan_text(PLAN_2024).split()


def test_textconv_command_and_a_file_that_is_not_a_document(tmp_path):
    result = invoke(["textconv", str(PLAN_2024)])
    assert result.exit_code == 0 and result.stdout == plan_text(PLAN_2024)
    bad = tmp_path / "x.docx"
    bad.write_text("không phải Word", encoding="utf-8")
    result = invoke(["textconv", str(bad)])
    assert result.exit_code == 2  # a file that is not a document (a plan with errors is printed: test_textconv_git)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_with_the_textconv_driver_shows_document_text(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    kehoach = [sys.executable, "-m", "kehoach.cli"]

    def git(*args):
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "user.email", "vanthu@example.invalid")
    git("config", "user.name", "Văn thư")
    # The lines the README tells a clerk to add.
    (repo / ".gitattributes").write_text("*.yaml diff=kehoach\n*.docx diff=kehoach\n", encoding="utf-8")
    git("config", "diff.kehoach.textconv", " ".join(kehoach) + " textconv")
    plan = repo / "plan.yaml"
    shutil.copy(PLAN_2024, plan)
    git("add", ".")
    git("commit", "-qm", "2024")
    text = plan.read_text(encoding="utf-8").replace("      - muc: Phạm vi và thời gian thực hiện",
                                                    "      - muc: Phạm vi, thời gian thực hiện")
    plan.write_text(text, encoding="utf-8")
    diff = git("diff")
    assert "-2. Phạm vi và thời gian thực hiện" in diff
    assert "+2. Phạm vi, thời gian thực hiện" in diff
    assert "muc:" not in diff  # the diff speaks of the document, not of the YAML


def test_json_schema_validates_the_example_plans():
    jsonschema = pytest.importorskip("jsonschema")
    result = invoke(["schema"])
    schema = json.loads(result.stdout)
    for path in (PLAN_2024, ROOT / "tests" / "rules" / "base_plan.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8").replace("\t", " ")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"co_quan": {"ten": ["A"]}, "trich_yeu": "x"}, schema)


def test_plan_text_ends_with_the_appendix_table_one_row_a_line():
    lines = plan_text(ROOT / "data" / "vi-du-phu-luc.yaml").splitlines()
    start = lines.index("Phụ lục")
    assert lines[start + 1] == "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"
    assert lines[start + 3] == ("1 | Phát thanh trên hệ thống loa | Công chức Văn hóa - Xã hội xã | Đài Truyền thanh xã"
                                " | Trưởng các bản | Tháng 5 năm 2025 | 1.250.000")
    assert lines[-2:] == ["Tổng cộng | 18.750.000", "Bằng chữ: Mười tám triệu bảy trăm năm mươi nghìn đồng"]
