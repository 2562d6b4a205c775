"""A corpus of broken plans, each with one mistake a clerk could make, and where `kehoach check` must say so.

Every case in tests/corpus/ is a plan file `NN-<rule-id>-<what>.yaml` that starts with the findings it must
give, one comment line each:

    # kỳ vọng: text-spacing 54:32             (rule id, line:column in this file)
    # kỳ vọng: config-invalid .kehoach.yaml:3:3   (a position in another file of the case's folder)
    # kỳ vọng: file-encoding -                (about the whole file: no line, no column)

A file that cannot hold text (binary, UTF-16, Windows-1258) keeps these lines in a side file `<name>.expect`.
A case can also be a folder (two plans sharing a number, a broken `.kehoach.yaml`): each plan in it carries
its own expectations. A case passes when the check reports exactly those findings and nothing else.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kehoach import rules
from kehoach.check.runner import check_file

CORPUS = Path(__file__).parent / "corpus"
#: The fixed "today" of the date rules (a plan dated 14/8/2025 is in the future).
TODAY = date(2025, 6, 1)

_EXPECT = re.compile(r"#\s*kỳ vọng:\s*(?P<rule>[a-z0-9-]+)\s+(?:(?P<file>\S+):)?(?P<line>\d+):(?P<column>\d+)\s*$"
                     r"|#\s*kỳ vọng:\s*(?P<whole>[a-z0-9-]+)\s+-\s*$")

#: Plan and load rules a plan file cannot show, with the reason. Empty: the corpus shows every one.
NOT_IN_CORPUS: dict[str, str] = {}

Expected = tuple[str | None, str, int | None, int | None]  # (other file, rule, line, column)


def _cases() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir()
                  if (p.is_dir() or p.suffix == ".yaml") and not p.name.startswith("."))


def _plans(case: Path) -> list[Path]:
    """The plan files a case holds: itself, or the plans of its folder (the config file is not a plan)."""
    if case.is_file():
        return [case]
    return sorted(p for p in case.iterdir() if p.suffix == ".yaml" and not p.name.startswith("."))


def expectations(plan: Path) -> list[Expected]:
    """The findings a plan file announces in its leading comments (or in its side file `.expect`)."""
    side = plan.with_suffix(".expect")
    text = side.read_text(encoding="utf-8") if side.exists() else plan.read_text(encoding="utf-8")
    found: list[Expected] = []
    for line in text.splitlines():
        if not line.startswith("# kỳ vọng"):
            break
        match = _EXPECT.fullmatch(line)
        assert match, f"{plan.name}: cannot read the expectation {line!r}"
        if match["whole"]:
            found.append((None, match["whole"], None, None))
        else:
            found.append((match["file"], match["rule"], int(match["line"]), int(match["column"])))
    return found


def _key(item: Expected) -> tuple:
    return item[2] or 0, item[3] or 0, item[1]


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_corpus_case(case):
    plans = _plans(case)
    assert plans, f"{case.name} holds no plan file"
    for plan in plans:
        expected = expectations(plan)
        assert expected, f"{plan.name} announces no finding: every corpus file is broken"
        report = check_file(plan, today=TODAY)
        found = []
        for problem in report.problems:
            where = problem.location.file
            other = None if where == str(plan) else Path(where).name
            found.append((other, problem.rule, problem.location.line, problem.location.column))
        assert sorted(found, key=_key) == sorted(expected, key=_key), [str(p) for p in report.problems]
        # A problem found while reading makes the file unusable; a plan rule's finding does not.
        load = {r.ID for r in rules.rules_of_stage("load")}
        assert report.unusable == any(rule in load for _, rule, _, _ in expected)


def test_file_names_say_the_rule():
    """`NN-<rule-id>-<what>.yaml`: the rule named is one the file expects."""
    known = sorted(rules.by_id(), key=len, reverse=True)
    for case in _cases():
        if case.is_dir():
            continue
        match = re.fullmatch(r"\d\d-(.+)\.yaml", case.name)
        assert match, case.name
        named = next((rule for rule in known if match[1].startswith(rule + "-") or match[1] == rule), None)
        assert named in {rule for _, rule, _, _ in expectations(case)}, case.name


def test_corpus_is_large_and_covers_every_plan_rule():
    cases = _cases()
    assert len(cases) >= 40
    expected = {rule for case in cases for plan in _plans(case) for _, rule, _, _ in expectations(plan)}
    assert expected <= set(rules.by_id()), expected - set(rules.by_id())
    plan_rules = {r.ID for r in rules.all_rules() if r.STAGE in ("plan", "load")}
    assert plan_rules - expected == set(NOT_IN_CORPUS), sorted(plan_rules - expected)
    assert not {r.ID for r in rules.rules_of_stage("docx")} & expected  # Word documents are tested elsewhere
