"""`git diff` and `git log -p` through `kehoach textconv` never break: plans with `dung_chung`, plans with errors,
Word files that are not Word files, and the repository's own .gitattributes and pre-commit hooks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from kehoach.features.textconv import plan_text, textconv_for_git
from support import ROOT, invoke
from test_registry_files import BASE, DOCUMENTS, SHARED_PLAN, UNITS

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
KEHOACH = [sys.executable, "-m", "kehoach.cli"]
DRIVER = "[kehoach textconv: "
#: The lines the README gives a clerk for a repository of plans.
GITATTRIBUTES = "*.yaml diff=kehoach\n*.yml diff=kehoach\n*.docx diff=kehoach\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository of plans as the README sets it up: .gitattributes, the driver, shared files, one plan."""
    repo = tmp_path / "ke-hoach"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "vanthu@example.invalid")
    git(repo, "config", "user.name", "Văn thư")
    git(repo, "config", "diff.kehoach.textconv", " ".join(KEHOACH) + " textconv")
    write(repo / ".gitattributes", GITATTRIBUTES)
    write(repo / ".kehoach.yaml", "quy_tac: {}\n")
    write(repo / "dung-chung" / "don-vi.yaml", UNITS)
    write(repo / "dung-chung" / "van-ban.yaml", DOCUMENTS)
    write(repo / "2025" / "a.yaml", SHARED_PLAN)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Kế hoạch 2025")
    return repo


def git(repo: Path, *args: str, cwd: Path | None = None, env: dict | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd or repo, capture_output=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


@needs_git
def test_git_diff_and_log_of_a_plan_with_dung_chung_show_the_document_text(repo):
    plan = repo / "2025" / "a.yaml"
    plan.write_text(SHARED_PLAN.replace("hoat_dong: Họp bản", "hoat_dong: Họp bản, tổ dân phố"), encoding="utf-8")
    for diff in (git(repo, "diff"), git(repo, "diff", cwd=repo / "2025")):  # from the top and from a subfolder
        assert "-2. Họp bản\n+2. Họp bản, tổ dân phố" in diff.replace("\r", "")
        assert DRIVER not in diff and "hoat_dong:" not in diff
    git(repo, "commit", "-qam", "Thêm tổ dân phố")
    # Both versions are git's temporary copies now: the shared files are found through the real plan.
    diff = git(repo, "diff", "HEAD~1", "HEAD")
    assert "-2. Họp bản\n+2. Họp bản, tổ dân phố" in diff
    assert DRIVER not in diff
    log = git(repo, "log", "-p", "--format=%s")
    # As on a Vietnamese Windows, where the driver's output is a pipe in code page 1258.
    assert git(repo, "log", "-p", "--format=%s", env=dict(os.environ, PYTHONIOENCODING="cp1258")) == log
    assert "+2. Họp bản, tổ dân phố" in log
    assert "+Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ" in log  # a shared document, cited


@needs_git
def test_git_diff_of_a_plan_with_an_error_prints_it_as_written(repo):
    plan = repo / "2025" / "a.yaml"
    plan.write_text(SHARED_PLAN.replace("chu_tri: van-hoa\n", "chu_tri: van-hoa-xa\n"), encoding="utf-8")
    diff = git(repo, "diff")
    assert "+[kehoach textconv: kế hoạch còn lỗi nên chưa in được thành văn bản (xem «kehoach check»); dưới đây " \
           "là tệp kế hoạch như đã viết]" in diff
    assert "+        chu_tri: van-hoa-xa" in diff


def test_a_copy_far_from_its_shared_files_is_printed_without_them_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no repository, no plan of that name: nothing to find the shared files by
    plain = write(tmp_path / "copy" / "b.yaml", BASE)  # declares its own units and documents
    uses_none = write(tmp_path / "copy" / "a.yaml", plain.read_text(encoding="utf-8") + "dung_chung: ../dc\n")
    text, problems = textconv_for_git(uses_none)
    assert text.splitlines()[0] == ("[kehoach textconv: không tìm thấy tệp dùng chung «../dc»; văn bản dưới đây chưa "
                                    "có phần dùng chung]")
    assert text.split("\n", 1)[1] == plan_text(plain)
    assert problems and "«../dc»" in problems[0]  # the reason as kehoach check gives it, on stderr
    needs_them = write(tmp_path / "copy" / "c.yaml", SHARED_PLAN)
    text, _ = textconv_for_git(needs_them)
    assert text == ("[kehoach textconv: không tìm thấy tệp dùng chung «../dung-chung/don-vi.yaml», «../dung-chung/"
                    "van-ban.yaml»; dưới đây là tệp kế hoạch như đã viết]\n" + SHARED_PLAN)


def test_older_gits_copy_name_finds_the_real_plan(tmp_path, monkeypatch):
    write(tmp_path / ".kehoach.yaml", "quy_tac: {}\n")
    write(tmp_path / "dung-chung" / "don-vi.yaml", UNITS)
    write(tmp_path / "dung-chung" / "van-ban.yaml", DOCUMENTS)
    real = write(tmp_path / "2025" / "a.yaml", SHARED_PLAN)
    copy = write(tmp_path.parent / f"{tmp_path.name}-tmp" / "Xy12Zq_a.yaml", SHARED_PLAN)  # /tmp/XXXXXX_a.yaml
    monkeypatch.chdir(tmp_path)  # not a repository: the current folder is searched
    assert textconv_for_git(copy) == (plan_text(real), [])


def test_textconv_command_never_fails_for_a_plan_with_errors(tmp_path):
    broken = write(tmp_path / "y.yaml", "co_quan: [\n")
    result = invoke(["textconv", str(broken)])
    assert result.exit_code == 0 and result.stdout.endswith("co_quan: [\n") and result.stderr


def test_the_readme_gives_the_gitattributes_lines_and_the_driver():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert GITATTRIBUTES in readme
    assert 'git config diff.kehoach.textconv "kehoach textconv"' in readme


@needs_git
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not run from a git clone")
def test_gitattributes_of_this_repository_sends_example_plans_and_documents_through_the_driver():
    done = subprocess.run(["git", "check-attr", "diff", "--", "data/plan_2024.yaml", "templates/ke-hoach.docx",
                           "pyproject.toml"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["data/plan_2024.yaml: diff: kehoach", "templates/ke-hoach.docx: diff: kehoach",
                                        "pyproject.toml: diff: unspecified"]


def test_pre_commit_hooks_name_real_commands(tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"kehoach-check", "kehoach-fmt"}
    for hook in hooks:
        # What pre-commit needs of a hook: a name, an entry, a language it can install (python: this package).
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
        program, command, *options = hook["entry"].split()
        assert program == "kehoach" and re.search(hook["files"], "2025/ke-hoach.yaml")
        assert re.search(hook["exclude"], ".pre-commit-config.yaml")
        plan = shutil.copy(ROOT / "data" / "plan_2024.yaml", tmp_path / "ke-hoach.yaml")
        result = invoke([command, *options, str(plan)])  # the command as pre-commit runs it, with the staged files
        assert result.exit_code == 0, result.stderr
    assert by_id["kehoach-check"]["entry"] == "kehoach check"
    assert by_id["kehoach-fmt"]["entry"] == "kehoach fmt"
    # The console script those entries run, as pre-commit installs the package.
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["kehoach"] == "kehoach.cli:main"
