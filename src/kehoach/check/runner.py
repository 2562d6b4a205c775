"""Run the rules over plan files: load, validate, check, then apply the folder's config and line switches."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kehoach import rules
from kehoach.errors import UNUSABLE_RULES, InputError, InputErrors
from kehoach.source.files import CONFIG_NAME, find_config
from kehoach.source.load import LoadedYaml, load_yaml_file, load_yaml_text
from kehoach.problems import SEVERITY_WORDS, Location, Problem, Severity
from kehoach.source import positions


# `# kehoach: bo-qua rule-id other-id` switches rules off for its line (or, alone on a line, the next).
_SWITCH = re.compile(r"#\s*kehoach\s*:\s*(?:bo-qua|bỏ qua|bỏ-qua|disable)\s+([a-z0-9 ,-]+)", re.IGNORECASE)


# Plain classes rather than dataclasses: this module is imported by every `check`, and creating a dataclass costs
# ~0.6 ms at import (README, For developers).
class FileReport:
    """What checking one file found. `unusable`: the file could not be read as a plan at all."""

    __slots__ = ("file", "problems", "unusable")

    def __init__(self, file: str, problems: list[Problem] | None = None, unusable: bool = False) -> None:
        self.file = file
        self.problems: list[Problem] = [] if problems is None else problems
        self.unusable = unusable

    def __repr__(self) -> str:
        return f"FileReport({self.file!r}, {self.problems!r}, unusable={self.unusable!r})"

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)


class Config:
    """Rule levels for a folder of plans, from its `.kehoach.yaml` (None: the rule is off)."""

    __slots__ = ("levels", "file")

    def __init__(self, levels: dict[str, Severity | None] | None = None, file: str | None = None) -> None:
        self.levels: dict[str, Severity | None] = {} if levels is None else levels
        self.file = file

    def __repr__(self) -> str:
        return f"Config({self.levels!r}, {self.file!r})"

    def level(self, rule) -> Severity | None:
        return self.levels.get(rule.ID, rule.SEVERITY)


def exit_code(reports: Iterable[FileReport]) -> int:
    """0: clean or warnings only; 1: errors found (a key typo, bad YAML too); 2: some file could not be read."""
    reports = list(reports)
    if any(r.unusable and any(p.rule in UNUSABLE_RULES for p in r.problems) for r in reports):
        return 2
    return 1 if any(r.count(Severity.ERROR) for r in reports) else 0


def load_config(path: Path) -> Config:
    """Read a config file: `quy_tac:` maps rule ids to tat / loi / canh-bao / goi-y."""
    loaded = load_yaml_file(path, kind="config")
    data = loaded.data or {}
    errors: list[InputError] = []
    if not isinstance(data, dict) or set(data) - {"quy_tac"}:
        raise InputError("tệp cấu hình chỉ có khóa quy_tac (quy tắc: mức), ví dụ «text-quotes: tat»",
                         loaded.where(()), "config-invalid")
    levels: dict[str, Severity | None] = {}
    table = data.get("quy_tac") or {}
    if not isinstance(table, dict):
        raise InputError("quy_tac cần một khối «mã-quy-tắc: mức»", loaded.where(("quy_tac",)), "config-invalid")
    for rule_id, word in table.items():
        where = loaded.key_where(("quy_tac", rule_id))
        stage = rules.stage_of(rule_id) if isinstance(rule_id, str) else None
        if stage is None:
            errors.append(InputError(_unknown_rule(rule_id), where, "config-invalid"))
            continue
        if stage == "load":
            errors.append(InputError(f"quy tắc {rule_id} kiểm tra tệp có đọc được không, không tắt hay đổi mức được",
                                     where, "config-invalid"))
            continue
        try:
            levels[rule_id] = Severity.parse(str(word))
        except KeyError:
            errors.append(InputError(f"mức «{word}» không hợp lệ; hãy dùng tat, loi, canh-bao hoặc goi-y",
                                     loaded.where(("quy_tac", rule_id)), "config-invalid"))
    if errors:
        raise InputErrors(errors)
    return Config(levels, str(path))


def _unknown_rule(rule_id: str) -> str:
    import difflib

    close = difflib.get_close_matches(str(rule_id), rules.ids(), n=1)
    hint = f"; có phải «{close[0]}»?" if close else "; xem danh sách bằng «kehoach rules»"
    return f"không có quy tắc «{rule_id}»{hint}"


def check_file(path: Path, display: str | None = None, config: Config | None = None,
               today: date | None = None) -> FileReport:
    """Check one plan file; every problem is in the report, nothing is raised for the plan's content.

    Without `config`, the nearest `.kehoach.yaml` applies; a broken config file is reported (and
    makes the run unusable) rather than silently ignored.
    """
    display = display or str(path)
    try:
        loaded = load_yaml_file(path, display)
        config = config or config_for(path)
    except InputError as error:
        return _unusable(display, error)
    return check_loaded(loaded, path, config, today)


def check_docx(path: Path, display: str | None = None, config: Config | None = None,
               profile: str | None = None) -> FileReport:
    """Check the layout of a Word document (any .docx, not only kehoach's): the docx-… rules, against the layout
    `profile` (nd30, hd36) or, without one, the layout its header shows (kehoach.rules._docx.read).

    The .docx reader (lxml) is loaded here and only here, so that checking YAML plans never pays for it.
    """
    from kehoach.rules._docx import read

    display = display or str(path)
    try:
        context = read(path, display, profile)
        config = config or config_for(path)
    except InputError as error:  # DocxUnreadable too: not a Word document (rule file-unreadable, at the file)
        return _unusable(display, error)
    problems = _findings("docx", context, config,
                         lambda problem: problem if problem.location else problem._replace(location=Location(display)))
    problems.sort(key=Problem.sort_key)
    return FileReport(display, problems)


def check_text(text: str, source: str, config: Config | None = None, today: date | None = None,
               path: Path | None = None) -> FileReport:
    """Check YAML text (tests, editors); `path` lets the register rule find the plan's folder."""
    return check_text_plan(text, source, config, today, path)[0]


def check_text_plan(text: str, source: str, config: Config | None = None, today: date | None = None,
                    path: Path | None = None):
    """`check_text`, and the valid plan when the text is one (see `check_plan`); a broken config is reported."""
    try:
        loaded = load_yaml_text(text, source)
        if config is None and path is not None:
            config = config_for(path)
    except InputError as error:
        return _unusable(source, error), None
    return check_plan(loaded, path, config, today)


def check_loaded(loaded: LoadedYaml, path: Path | None, config: Config | None = None,
                 today: date | None = None) -> FileReport:
    return check_plan(loaded, path, config, today)[0]


def check_plan(loaded: LoadedYaml, path: Path | None, config: Config | None = None,
               today: date | None = None):
    """The report on `loaded`, and the valid plan when it is one (a `plan_file.LoadedPlan`, else None).

    What `kehoach check` runs on each file, for a caller that needs the plan too (the language server)."""
    from kehoach.source.plan_file import validate, validate_registry
    from kehoach.source.registry import is_registry

    try:
        if is_registry(loaded.data):  # a shared registry (dung_chung) met in a folder: checked as one, not as a plan
            validate_registry(loaded)
            return FileReport(loaded.source), None
        plan = validate(loaded, path)
    except InputError as error:
        return _unusable(loaded.source, error), None
    return FileReport(loaded.source, run_rules(plan, path, config, today)), plan


def run_rules(plan, path: Path | None, config: Config | None = None, today: date | None = None) -> list[Problem]:
    """The plan rules' findings on a valid plan (a `plan_file.LoadedPlan`), config and switches applied."""
    from kehoach.rules.base import PlanContext

    if config is None and path is not None:
        config = config_for(path)
    config = config or Config()
    context = PlanContext(plan.plan, plan.source, plan.refs, path, today or date.today())
    problems = _findings("plan", context, config, lambda problem: positions.place(problem, plan.source))
    problems = _apply_switches(problems, plan.source.texts())
    # The plan's own problems first, then those in the shared registry files it reads.
    problems.sort(key=lambda p: (p.location.file != plan.source.source, p.sort_key()))
    return problems


def config_for(plan_path: Path) -> Config:
    """The config that applies to a plan file: the nearest `.kehoach.yaml` above it, or the defaults."""
    found = find_config(plan_path.resolve().parent)
    return load_config(found) if found else Config()


def _findings(stage: str, context, config: Config, place) -> list[Problem]:
    """Every problem the stage's rules find on `context`, placed by `place`, with the rule's id and the level the
    config gives (skipping rules off)."""
    problems = []
    header = getattr(getattr(context, "profile", None), "header", None)
    for rule in rules.rules_of_stage(stage):
        severity = config.level(rule)
        if severity is None or rules.only_for(rule) not in (None, header):
            continue  # off, or a rule of the other kind of header (a State document's, a Party document's)
        problems += [place(problem).found_by(rule.ID, severity) for problem in rule.check(context)]
    return problems


def _unusable(file: str, error: InputError) -> FileReport:
    """The report of a file that cannot be used: each input error (one, or the several InputErrors holds)."""
    errors = error.errors if isinstance(error, InputErrors) else [error]
    return FileReport(file, [_load_problem(e, file) for e in errors], unusable=True)


def _load_problem(error: InputError, file: str) -> Problem:
    """The error as a problem, at the file itself when it has no place of its own (a .docx that is none)."""
    return error.problem if error.location else error.problem._replace(location=Location(file))


def _apply_switches(problems: list[Problem], texts: dict[str, str]) -> list[Problem]:
    """Drop the problems switched off by a `# kehoach: bo-qua …` comment on their line or just above.

    `texts`: each file's text by name; a switch applies in its own file only (a plan and its registries).
    """
    off = {name: _switches(text) for name, text in texts.items()}
    return [p for p in problems if p.rule not in off.get(p.location.file, {}).get(p.location.line or 0, set())]


def _switches(text: str) -> dict[int, set[str]]:
    """The rules each line of `text` switches off."""
    off: dict[int, set[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _SWITCH.search(line)
        if not match:
            continue
        ids = set(re.split(r"[\s,]+", match.group(1).strip()))
        target = number + 1 if line.lstrip().startswith("#") else number
        off.setdefault(target, set()).update(ids)
    return off


__all__ = ["SEVERITY_WORDS", "CONFIG_NAME", "Config", "FileReport", "check_docx", "check_file", "check_text",
           "exit_code"]
