"""What a command imports, in a fresh process: the structural side of the start-up targets of bench/RESULTS.md.

Each test runs `python -m kehoach ARGS` and lists the modules of the work it loaded. Times are never asserted
here (bench/ measures them); what is asserted is that a command does not load what it does not use.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import probe_run

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "plan_2024.yaml"

#: What writing a Word document needs, and only that: python-docx, lxml, Jinja2, docxtpl and kehoach's renderer.
RENDERING = ("docx", "docxtpl", "lxml", "jinja2", "kehoach.render")


def imported(args: list[str], prefixes: tuple[str, ...], cwd: Path = ROOT) -> tuple[int, list[str]]:
    """Run the command as `python -m kehoach` does; its exit code and the loaded modules under `prefixes`."""
    return probe_run(args, f"result = sorted(m for m in sys.modules if m.startswith({prefixes!r}))", cwd=cwd)


def module_set(prefixes: tuple[str, ...], found: list[str]) -> list[str]:
    return sorted({m for m in found if any(m == p or m.startswith(p + ".") for p in prefixes)})


def test_checking_a_yaml_plan_loads_nothing_of_rendering():
    code, found = imported(["check", str(PLAN)], RENDERING)
    assert (code, module_set(RENDERING, found)) == (0, [])


def test_a_run_imports_the_command_line_module_of_its_command_alone():
    """Each command's module is imported when it runs (kehoach.cli.app.COMMANDS), not the other commands'."""
    code, found = imported(["check", str(PLAN)], ("kehoach.cli",))
    assert code == 0
    assert module_set(("kehoach.cli",), found) == ["kehoach.cli", "kehoach.cli.app", "kehoach.cli.check",
                                                   "kehoach.cli.options", "kehoach.cli.printing",
                                                   "kehoach.cli.vietnamese"]
    code, found = imported(["--version"], ("kehoach.cli",))
    assert (code, [m for m in found if m.startswith("kehoach.cli.")]) == (0, [
        "kehoach.cli.app", "kehoach.cli.options", "kehoach.cli.printing", "kehoach.cli.vietnamese"])


@pytest.mark.parametrize("plan", [PLAN, *sorted((ROOT / "data" / "vi-du").glob("*.yaml"))], ids=lambda p: p.name)
def test_checking_a_plan_builds_no_layout_profile(plan):
    """A YAML plan's rules read a few words of its layout (kehoach.profiles.text), none of its numbers: the profile's
    types are not even imported."""
    code, found = imported(["check", str(plan)], ("kehoach.profiles",))
    assert code in (0, 1)
    assert "kehoach.profiles" in found and "kehoach.profiles.profile" not in found


def test_checking_a_plan_builds_no_model_of_another_kind():
    """A plan is read by the plan's model: the decision's (another kind, `loai: Quyết định`) is not built."""
    code, found = imported(["check", str(PLAN)], ("kehoach.model",))
    assert code == 0
    assert "kehoach.model.plan" in found and "kehoach.model.decision" not in found


def test_checking_a_plan_imports_no_docx_rule():
    code, found = imported(["check", str(PLAN)], ("kehoach.rules",))
    assert code == 0
    assert "kehoach.rules.signature_authority" in found  # the plan's rules are there
    assert [m for m in found if m.startswith(("kehoach.rules.docx_", "kehoach.rules._docx"))] == []


def test_checking_a_plan_imports_no_load_rule():
    """The load stage's problems are reported by the loader by id: their modules are not imported (rules.STAGES)."""
    from kehoach import rules

    code, found = imported(["check", str(PLAN)], ("kehoach.rules",))
    assert code == 0
    rule_modules = {m.rsplit(".", 1)[1].replace("_", "-") for m in found if not m.rsplit(".", 1)[1].startswith("_")}
    assert rule_modules - {"rules", "base"} == set(rules.STAGES["plan"])
    assert imported(["check", str(PLAN)], ("pkgutil", "json")) == (0, [])  # nor the folder listed, nor JSON loaded


def test_a_folder_s_config_is_read_without_importing_the_rules_it_names(tmp_path):
    """`.kehoach.yaml` names rules by id: checking them (known? of the load stage?) imports no rule module."""
    (tmp_path / ".kehoach.yaml").write_text("quy_tac:\n  docx-font: tat\n  text-quotes: canh-bao\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    code, found = imported(["check", "a.yaml"], ("kehoach.rules",), cwd=tmp_path)
    assert code == 0
    assert [m for m in found if m.startswith(("kehoach.rules.docx_", "kehoach.rules.yaml_syntax"))] == []


def test_a_document_with_its_own_sentence_still_has_it_checked(tmp_path):
    """Jinja is loaded to read a document's own sentence (`cau_chu`), and only then: a wrong one is still found."""
    text = (ROOT / "data" / "vi-du" / "to-trinh.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "to-trinh.yaml"
    plan.write_text(text + "cau_chu:\n  ket-luan: Kính trình {{ khong_co }} xem xét./.\n", encoding="utf-8")
    code, found = imported(["check", str(plan)], ("jinja2",))
    assert code == 1 and "jinja2" in found
    plan.write_text(text, encoding="utf-8")
    assert imported(["check", str(plan)], ("jinja2",)) == (0, [])


def test_importing_a_plans_word_file_loads_no_jinja_nor_the_renderers_context(tmp_path):
    """`kehoach import` reads a .docx (python-docx) and writes YAML: the activity labels, the Phụ lục's default
    title and pointer and the heads' titles come from the kinds' data and conventions, not from the renderer."""
    from support import invoke

    document = tmp_path / "ke-hoach.docx"
    assert invoke(["render", str(PLAN), "-o", str(document)]).exit_code == 0
    code, found = imported(["import", str(document), "-o", str(tmp_path / "ke-hoach.yaml")],
                           ("jinja2", "docxtpl", "kehoach.render"))
    assert code == 0 and (tmp_path / "ke-hoach.yaml").exists()
    assert module_set(("jinja2", "docxtpl", "kehoach.render.context", "kehoach.render.compose"), found) == []


@pytest.mark.parametrize("kind", ["quyet-dinh"])
def test_a_decision_is_read_by_its_own_model(kind):
    examples = sorted((ROOT / "data" / "vi-du").glob(f"{kind}*.yaml"))
    assert examples, "an example of the kind in data/vi-du"
    code, found = imported(["check", str(examples[0])], ("kehoach.model",))
    assert code == 0 and "kehoach.model.decision" in found


@pytest.fixture
def pauses(monkeypatch) -> list[str]:
    """Each time a command turns the garbage collector off (kehoach.cli.app.pause_collector), recorded instead."""
    import kehoach.cli.check
    import kehoach.cli.render

    seen: list[str] = []
    for module in (kehoach.cli.check, kehoach.cli.render):
        monkeypatch.setattr(module, "pause_collector", lambda name=module.__name__: seen.append(name))
    return seen


def test_the_collector_is_paused_for_one_plan_and_for_yaml_checks(pauses, tmp_path):
    from support import invoke

    assert invoke(["check", str(PLAN)]).exit_code == 0
    assert invoke(["render", str(PLAN), "-o", str(tmp_path / "ke-hoach.docx")]).exit_code == 0
    assert pauses == ["kehoach.cli.check", "kehoach.cli.render"]


def test_the_collector_keeps_running_for_word_documents_and_many_plans(pauses, tmp_path):
    """A Word document's tree is made of cycles, and so is each rendered document: a batch frees them as it goes."""
    from support import invoke

    folder = tmp_path / "ho-so"
    folder.mkdir()
    (folder / "ke-hoach.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke(["render", str(folder), "--jobs", "1"]).exit_code == 0
    assert invoke(["check", str(folder / "ke-hoach.docx")]).exit_code in (0, 1)
    assert pauses == []


def test_a_run_in_the_same_process_gives_the_collector_back():
    import gc

    from support import invoke

    assert gc.isenabled()
    assert invoke(["check", str(PLAN)]).exit_code == 0
    assert gc.isenabled()


def test_importing_the_command_line_gives_the_collector_back():
    """The collector waits while the commands are declared, and is on again once `kehoach.cli` is imported."""
    script = "import gc, kehoach.cli; print(gc.isenabled())"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout == "True\n", done.stderr


def test_a_console_run_leaves_its_objects_to_the_exit_and_a_call_in_process_does_not(tmp_path):
    """`kehoach …` (main with no arguments given) freezes the heap before the process ends, so that Python's last
    collection does not walk every object of the run; a caller in the same process (main([...])) keeps them
    collectable: nothing it made is frozen."""
    import gc

    from support import invoke

    setup = "import gc\nimport kehoach.cli\ndeclared = gc.get_freeze_count()  # what importing the command line froze"
    report = "result = (declared > 0, gc.get_freeze_count() > declared)"
    assert probe_run(["render", str(PLAN), "-o", str(tmp_path / "k.docx")], report, setup=setup) == (0, (True, True))
    assert (tmp_path / "k.docx").stat().st_size > 0

    frozen = gc.get_freeze_count()
    assert invoke(["check", str(PLAN)]).exit_code == 0
    assert gc.get_freeze_count() == frozen
