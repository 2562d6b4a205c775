"""One way to test a rule: take the base plan, change one thing, see what the rule finds and where."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kehoach.check.runner import Config, check_text

BASE = (Path(__file__).parent / "base_plan.yaml").read_text(encoding="utf-8")
#: The example plan of the repository, which every rule must accept too.
PLAN_2024 = (Path(__file__).parents[2] / "data" / "plan_2024.yaml").read_text(encoding="utf-8")
#: A fixed "today" so that date rules do not depend on the day the tests run.
TODAY = date(2025, 6, 1)


def edit(text: str, old: str, new: str) -> str:
    """`text` with the one occurrence of `old` replaced (failing loudly if `old` is not there exactly once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    """The 1-based line holding `fragment` (which must occur once)."""
    assert text.count(fragment) == 1, f"{fragment!r} occurs {text.count(fragment)} times"
    return text[: text.index(fragment)].count("\n") + 1


def findings(text: str, rule: str, today: date = TODAY, path: Path | None = None,
             config: Config | None = None) -> list[tuple[int | None, int | None, str]]:
    """(line, column, message) of each problem `rule` reports in `text` (which must load as a plan)."""
    report = check_text(text, "ke-hoach.yaml", config=config, today=today, path=path)
    load = [p for p in report.problems if report.unusable]
    if report.unusable and all(p.rule != rule for p in load):
        raise AssertionError(f"the plan did not load: {[str(p) for p in load]}")
    return [(p.location.line, p.location.column, p.message) for p in report.problems if p.rule == rule]


def all_findings(text: str, today: date = TODAY, path: Path | None = None) -> list[str]:
    """Every problem in `text`, as printed."""
    return [str(p) for p in check_text(text, "ke-hoach.yaml", today=today, path=path).problems]


def position_of(text: str, fragment: str) -> tuple[int, int]:
    """The 1-based (line, column) where `fragment` (occurring once) starts, as editors count them."""
    line = line_of(text, fragment)
    start = text.index(fragment)
    return line, start - (text.rfind("\n", 0, start) + 1) + 1
