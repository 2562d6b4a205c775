"""Every rule is registered, documented (its docstring is its manual) and tested."""

from __future__ import annotations

import ast
import inspect
import types
from pathlib import Path

import pytest

from kehoach import rules
from kehoach.problems import Severity

TESTS = Path(__file__).parent
ALL = rules.all_rules()


def test_rules_are_found():
    ids = [r.ID for r in ALL]
    assert len(ids) == len(set(ids))
    assert {"signature-authority", "structure-lone-child", "yaml-syntax", "schema-unknown-key"} <= set(ids)


@pytest.mark.parametrize("rule", ALL, ids=[r.ID for r in ALL])
def test_rule_module_follows_the_contract(rule):
    module_name = rule.__name__.rsplit(".", 1)[1]
    assert rule.ID == module_name.replace("_", "-")
    assert isinstance(rule.SEVERITY, Severity)
    assert rule.STAGE in ("load", "plan", "docx")
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert doc.splitlines()[0].endswith("."), "the first line is a one-sentence summary"
    assert "\nĐúng:\n" in doc and "\nSai:\n" in doc, "the manual shows a passing and a failing example"
    if rule.STAGE in ("plan", "docx"):
        assert callable(getattr(rule, "check", None))
    else:
        assert not hasattr(rule, "check"), "load-stage problems are reported by the loader and the model"


@pytest.mark.parametrize("rule", [r for r in ALL if r.STAGE != "load"], ids=lambda r: r.ID)
def test_each_plan_and_docx_rule_has_its_own_tests(rule):
    module_name = rule.__name__.rsplit(".", 1)[1]
    test_file = TESTS / f"test_{module_name}.py"
    assert test_file.is_file(), f"{test_file.name} is missing"
    assert "def test_" in test_file.read_text(encoding="utf-8")


def test_the_docx_rules_are_exactly_the_docx_modules():
    """Checking a YAML plan skips importing the docx_… modules: the prefix must match the stage."""
    for rule in ALL:
        module_name = rule.__name__.rsplit(".", 1)[1]
        assert module_name.startswith(rules.DOCX_PREFIX) == (rule.STAGE == "docx"), rule.ID
    assert set(rules.rules_of_stage("docx")) | set(rules.rules_of_stage("plan")) | set(rules.rules_of_stage("load")) \
        == set(ALL)


def test_the_table_of_stages_is_what_the_modules_declare():
    """rules.STAGES (which modules a check imports, without importing any) against every module of the package."""
    declared: dict[str, list[str]] = {}
    for rule in ALL:
        declared.setdefault(rule.STAGE, []).append(rule.ID)
    assert {stage: list(ids) for stage, ids in rules.STAGES.items()} == declared
    assert rules.ids() == [r.ID for r in ALL]
    assert [rules.stage_of(r.ID) for r in ALL] == [r.STAGE for r in ALL]
    assert [rules.get(r.ID) for r in ALL] == list(ALL)
    assert (rules.get("text-qoutes"), rules.stage_of("text-qoutes")) == (None, None)


def test_a_stage_is_its_rules_sorted_by_id():
    for stage, ids in rules.STAGES.items():
        assert [rule.ID for rule in rules.rules_of_stage(stage)] == list(ids) == sorted(ids)


def _top_level_bindings(rule) -> dict[str, ast.AST]:
    """What each name bound at the top of a rule module's source is bound by (an assignment or an import)."""
    bound: dict[str, ast.AST] = {}
    for node in ast.parse(Path(rule.__file__).read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update({(alias.asname or alias.name).split(".")[0]: node for alias in node.names})
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound.update({target.id: node for target in targets if isinstance(target, ast.Name)})
    return bound


@pytest.mark.parametrize("rule", ALL, ids=[r.ID for r in ALL])
def test_a_rule_says_its_header_itself_with_an_allowed_value(rule):
    """A rule for one kind of header assigns ONLY_FOR_HEADER a literal of rules.HEADERS in its own module; a name
    imported from elsewhere must not decide which documents a rule checks, and the old name HEADER is read no more."""
    bound = _top_level_bindings(rule)
    assert not isinstance(bound.get("HEADER"), (ast.Assign, ast.AnnAssign)), \
        "HEADER is not read by the runner: write ONLY_FOR_HEADER"
    declaration = bound.get("ONLY_FOR_HEADER")
    if declaration is None:
        assert rules.only_for(rule) is None
        return
    assert isinstance(declaration, (ast.Assign, ast.AnnAssign)), "ONLY_FOR_HEADER is imported, not assigned"
    assert isinstance(declaration.value, ast.Constant) and declaration.value.value in rules.HEADERS
    assert rules.only_for(rule) == declaration.value.value == rule.ONLY_FOR_HEADER


def test_the_rules_for_one_header_are_these():
    """No rule's reach changed with the name: the State's title and motto, the Party's title."""
    assert {rule.ID: rules.only_for(rule) for rule in ALL if rules.only_for(rule)} == {
        "docx-motto": "state", "docx-national-title": "state", "docx-party-title": "party"}


def test_an_imported_header_constant_does_not_disable_a_rule():
    """docx-page-number reads inspect.sections (whose HEADER is "header", a story's kind): were that name imported
    into a rule module, the rule still applies to every document."""
    from kehoach.inspect.sections import HEADER

    rule = types.ModuleType("kehoach.rules.docx_example")
    rule.HEADER = HEADER
    assert rules.only_for(rule) is None


def test_a_header_outside_the_allowed_values_is_refused():
    rule = types.ModuleType("kehoach.rules.docx_example")
    rule.ONLY_FOR_HEADER = "State"
    with pytest.raises(ValueError, match=r"docx_example: ONLY_FOR_HEADER = 'State', not one of \('state', 'party'\)"):
        rules.only_for(rule)
