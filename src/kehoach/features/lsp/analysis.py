"""What the language server knows of the plans being edited: each file checked exactly as `kehoach check`
checks it (kehoach.check.runner), from the editor's unsaved text, and the last valid plan of each file for
completion, hover and navigation while the current text does not validate.

No editor protocol here: files are paths, positions are 1-based lines and columns in characters.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.check.runner import FileReport, check_text_plan
from kehoach.problems import Problem
from kehoach.source import registry

#: A plan that names shared files (found without parsing, to find who uses a registry being edited).
_NAMES_SHARED = re.compile(r"^dung_chung\s*:", re.MULTILINE)
#: A key at the top of a YAML file (what tells a registry file from a plan without parsing it).
_TOP_KEY = re.compile(r"^([^\s#'\"-][^:#\s]*)\s*:", re.MULTILINE)
#: At most this many plans of the workspace are read to find the users of a shared file.
MAX_WORKSPACE_PLANS = 300


@dataclass
class Checked:
    """One check of one file: what `kehoach check` reports, and the plan when it validated."""

    path: Path
    report: FileReport
    plan: Any | None  # kehoach.source.plan_file.LoadedPlan
    shared: set[Path] = field(default_factory=set)  # the registry files the plan read


class Workspace:
    """The open files (their unsaved text) and what checking them found."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        self.roots = [r.resolve() for r in roots or []]
        self.buffers: dict[Path, str] = {}
        self.checked: dict[Path, Checked] = {}
        self.good: dict[Path, Any] = {}  # the last valid plan of each file

    # -- names ----------------------------------------------------------------------------------

    def display(self, path: Path) -> str:
        """The file's name in messages: relative to the workspace folder, as `kehoach check` run there says it."""
        for root in self.roots:
            if root == path or root in path.parents:
                return os.path.relpath(path, root)
        return str(path)

    def real(self, display: str) -> Path:
        """The file a message's location names (the inverse of `display`)."""
        name = Path(display)
        if name.is_absolute() or not self.roots:
            return name.resolve()
        return (self.roots[0] / name).resolve()

    def text(self, path: Path) -> str | None:
        """The editor's text of `path` when it is open, else the file's."""
        if path in self.buffers:
            return self.buffers[path]
        from kehoach.errors import KehoachError
        from kehoach.source.reading import read_input

        try:  # the guarded read: a FIFO or a device named like a plan in the workspace cannot block the server
            return read_input(path, "plan").decode("utf-8-sig")
        except (KehoachError, UnicodeDecodeError):
            return None

    # -- checking -------------------------------------------------------------------------------

    def check(self, path: Path) -> Checked:
        """Check `path` as `kehoach check` would, with every open shared file read from its editor."""
        text = self.text(path)
        display = self.display(path)
        token = registry.UNSAVED.set({p: t for p, t in self.buffers.items() if p != path})
        try:
            if text is None:
                from kehoach.check.runner import check_file

                report, plan = check_file(path, display), None
            else:
                report, plan = check_text_plan(text, display, path=path)
        finally:
            registry.UNSAVED.reset(token)
        shared = {self.real(part.source) for part in plan.source.parts.values()} if plan is not None else set()
        if plan is not None:
            self.good[path] = plan
        elif path in self.checked:
            shared = self.checked[path].shared  # keep knowing its users while the plan does not validate
        checked = Checked(path, report, plan, shared)
        self.checked[path] = checked
        return checked

    def is_shared(self, path: Path) -> bool:
        """True for a registry file (only don_vi / van_ban at the top), told from its top-level keys alone."""
        text = self.text(path)
        if text is None:
            return False
        keys = set(_TOP_KEY.findall(text))
        return bool(keys) and keys <= set(registry.BLOCKS)

    def users(self, shared: Path) -> list[Path]:
        """The plans that read the shared file: those already checked, and the others of its folder tree."""
        found = [c.path for c in self.checked.values() if shared in c.shared]
        for plan in self._plans_around(shared):
            if plan not in self.checked:
                checked = self.check(plan)
                if shared in checked.shared:
                    found.append(plan)
        return list(dict.fromkeys(found))

    def _plans_around(self, shared: Path) -> list[Path]:
        """The plans that may read `shared`: a plan reads shared files inside its plans' folder tree only (the
        folder of the nearest .kehoach.yaml, kehoach.source.registry), so that tree is the one searched."""
        from kehoach.source.files import find_config

        config = find_config(shared.parent)
        if config is None:
            return []  # without a .kehoach.yaml a plan reads shared files beside or below it: already checked
        if self.roots and not any(r == config.parent or r in config.parent.parents or config.parent in r.parents
                                  for r in self.roots):
            return []  # outside the folders the editor opened
        plans = []
        for root in [config.parent]:
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                        path = Path(folder, name).resolve()
                        text = self.text(path)
                        if text and _NAMES_SHARED.search(text):
                            plans.append(path)
                        if len(plans) >= MAX_WORKSPACE_PLANS:
                            return plans
        return plans

    def problems_by_file(self, checked: Checked) -> dict[Path, list[Problem]]:
        """The problems of one check, by the file each is in (a plan's problem may lie in a shared file)."""
        by_file: dict[Path, list[Problem]] = {checked.path: []}
        for path in checked.shared:
            by_file.setdefault(path, [])
        for problem in checked.report.problems:
            by_file.setdefault(self.real(problem.location.file), []).append(problem)
        return by_file

    def plan_for(self, path: Path):
        """The last valid plan of `path`, or, for a shared file, of a plan that reads it."""
        if path in self.good:
            return self.good[path]
        for checked in self.checked.values():
            if path in checked.shared and checked.path in self.good:
                return self.good[checked.path]
        return None
