"""Print check results: for people (grouped by file, coloured on a terminal), JSON, and SARIF for CI and editors."""

from __future__ import annotations

from collections.abc import Sequence

from kehoach import __version__, rules
from kehoach.check.runner import FileReport
from kehoach.problems import Problem, Severity

#: ANSI SGR colour codes (ECMA-48 8.3.117): red, yellow, cyan; written by hand so that printing a report
#: loads no terminal library (a check runs in a fraction of a second, and every import counts).
_COLOURS = {Severity.ERROR: 31, Severity.WARNING: 33, Severity.INFO: 36}
_BOLD, _RESET = 1, 0
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def human(reports: Sequence[FileReport], colour: bool = False) -> str:
    """`plan.yaml` then one indented line per problem, then a count; nothing but the count when clean."""
    def paint(text: str, severity: Severity, bold: bool = False) -> str:
        return _style(text, _COLOURS[severity], bold) if colour else text

    lines: list[str] = []
    for report in reports:
        if not report.problems:
            continue
        lines.append(_style(report.file, None, bold=True) if colour else report.file)
        width = max(len(_position(p, report.file)) for p in report.problems)
        label_width = max(len(p.severity.label) for p in report.problems)
        for problem in report.problems:
            label = paint(problem.severity.label.ljust(label_width), problem.severity, bold=True)
            lines.append(f"  {_position(problem, report.file).ljust(width)}  {label}  {problem.message}  [{problem.rule}]")
        lines.append("")
    lines.append(_totals(reports))
    return "\n".join(lines)


def _style(text: str, colour: int | None, bold: bool) -> str:
    codes = [code for code in (colour, _BOLD if bold else None) if code is not None]
    return "".join(f"\x1b[{code}m" for code in codes) + text + f"\x1b[{_RESET}m"


def _position(problem: Problem, file: str) -> str:
    """line:column under the file's heading; a problem in another file (a shared registry, the config) names it."""
    where = problem.location
    if where.file != file:
        return str(where)
    if where.line is None:
        return "-"
    if where.column is None and where.file.lower().endswith(".docx"):
        return f"đoạn {where.line}"  # a Word document has paragraphs, not lines (kehoach.rules._docx)
    return f"{where.line}:{where.column}" if where.column is not None else str(where.line)


def _totals(reports: Sequence[FileReport]) -> str:
    counts = {s: sum(r.count(s) for r in reports) for s in Severity}
    files = len(reports)
    if not any(counts.values()):
        return f"Không có lỗi nào trong {files} tệp." if files != 1 else "Không có lỗi nào."
    parts = [f"{n} {s.label}" for s, n in counts.items() if n]
    return f"{', '.join(parts)} trong {files} tệp."


def to_json(reports: Sequence[FileReport]) -> str:
    import json  # here, as in to_sarif: the text report, what a clerk reads, needs none of it

    problems = [
        {
            "file": p.location.file,
            "line": p.location.line,
            "column": p.location.column,
            "rule": p.rule,
            "severity": p.severity.value,
            "message": p.message,
            **({"fix": _fix_json(p.fix)} if p.fix else {}),
        }
        for report in reports
        for p in report.problems
    ]
    counts = {s.value: sum(r.count(s) for r in reports) for s in Severity}
    unusable = [r.file for r in reports if r.unusable]
    return json.dumps({"problems": problems, "counts": counts, "files": len(reports), "unusable": unusable},
                      ensure_ascii=False, indent=2)


def _fix_json(fix) -> dict:
    """A fix for a tool that applies it: each edit replaces [start, end) (line, column, 1-based) with text."""
    return {"title": fix.title, "edits": [
        {"file": e.file, "start": {"line": e.start[0], "column": e.start[1]},
         "end": {"line": e.end[0], "column": e.end[1]}, "text": e.text} for e in fix.edits]}


def to_sarif(reports: Sequence[FileReport]) -> str:
    """SARIF 2.1.0: what code-scanning services and editors read."""
    import json

    used = sorted({p.rule for r in reports for p in r.problems})
    descriptors = []
    for rule_id in used:
        rule = rules.get(rule_id)
        descriptor = {"id": rule_id}
        if rule is not None:
            descriptor.update({
                "shortDescription": {"text": rules.summary(rule)},
                "fullDescription": {"text": (rule.__doc__ or "").strip()},
                "defaultConfiguration": {"level": _SARIF_LEVELS[rule.SEVERITY]},
            })
        descriptors.append(descriptor)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    results = []
    for report in reports:
        for p in report.problems:
            physical: dict = {"artifactLocation": {"uri": p.location.file}}
            if p.location.line is not None:
                physical["region"] = {"startLine": p.location.line, "startColumn": p.location.column or 1}
            results.append({
                "ruleId": p.rule,
                "ruleIndex": index[p.rule],
                "level": _SARIF_LEVELS[p.severity],
                "message": {"text": p.message},
                "locations": [{"physicalLocation": physical}],
                **({"fixes": [_fix_sarif(p.fix)]} if p.fix else {}),
            })
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kehoach", "version": __version__, "rules": descriptors}},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)


def _fix_sarif(fix) -> dict:
    """SARIF 2.1.0 §3.55: a fix as artifact changes, each replacing a region."""
    changes: dict[str, list] = {}
    for e in fix.edits:
        changes.setdefault(e.file, []).append({
            "deletedRegion": {"startLine": e.start[0], "startColumn": e.start[1], "endLine": e.end[0],
                              "endColumn": e.end[1]},
            "insertedContent": {"text": e.text}})
    return {"description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": {"uri": f}, "replacements": r} for f, r in changes.items()]}
