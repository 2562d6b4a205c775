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
    body, headers = docx_text(path).split("\n\n--- ", 1)
    assert body.split() == plan_text(PLAN_2024).split()
    assert "--- " + headers == ("--- đầu trang của trang đầu (First Page Header) ---\n\n\n"
                                "--- đầu trang (Header) ---\n2\n")  # the pages from 2 on show their number


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


SECTION = "phần thứ {} (section) của văn bản: "


def test_docx_text_shows_each_sections_headers_and_footers_after_the_body(tmp_path):
    """A plan with a Phụ lục renders two sections, each with its own headers: each is shown once, named."""
    from kehoach.inspect.body import paragraph_texts
    from kehoach.inspect.package import Package

    path = tmp_path / "kh.docx"
    assert invoke(["render", str(ROOT / "data" / "vi-du-phu-luc.yaml"), "-o", str(path)]).exit_code == 0
    text = docx_text(path)
    body, headers = text.split("\n\n--- ", 1)
    with Package.open(path, "kh.docx") as package, package.stream(package.main) as stream:
        assert body == "\n".join(paragraph_texts(stream))  # the body first, as it was shown alone
    assert "--- " + headers == "\n".join(
        f"--- {SECTION.format(n)}đầu trang của trang đầu (First Page Header) ---\n\n\n"
        f"--- {SECTION.format(n)}đầu trang (Header) ---\n2\n" for n in (1, 2))
    assert invoke(["textconv", str(path)]).stdout == text


def test_a_changed_footer_of_the_second_section_shows_in_the_text(tmp_path):
    """git diff of a Word file whose Phụ lục's footer alone changed: the texts differ on that footer's line."""
    from test_check_docx import hand_typed, numbered_from_one

    def appendix_footer(words):
        def appendix(doc, section):
            numbered_from_one(doc, section)
            section.footer.is_linked_to_previous = False
            section.footer.paragraphs[0].add_run(words)
        return appendix

    before = docx_text(hand_typed(tmp_path / "a.docx", appendix=appendix_footer("Phụ lục, bản dự thảo"))).splitlines()
    after = docx_text(hand_typed(tmp_path / "b.docx", appendix=appendix_footer("Phụ lục, bản ký"))).splitlines()
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and changed == [("Phụ lục, bản dự thảo", "Phụ lục, bản ký")]
    footer = after.index("Phụ lục, bản ký")
    assert after[footer - 1] == f"--- {SECTION.format(2)}chân trang (Footer) ---"
