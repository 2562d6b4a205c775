"""What a rule module gets to look at (a context) and what it gives back (kehoach.problems.Problem).

A rule is a module with:
    ID        its id, e.g. "structure-lone-child" (the module's name with "_" for "-")
    SEVERITY  its default severity
    STAGE     "plan" (checks a valid plan: has `check(ctx)`), "load" (found while reading the file,
              reported by the loader and the model) or "docx" (checks a Word document: `check(doc)`)
    ONLY_FOR_HEADER  (docx rules, optional) "state" or "party", assigned in the module itself: the rule applies
              only to a document of that header (the layout profile's `header`: Nghị định 30 or Hướng dẫn 36);
              without it, to both. Its own name, so that a constant a module imports (inspect.sections.HEADER)
              cannot pass for it; `kehoach.rules.only_for(rule)` reads it and refuses any other value
    docstring its manual in Vietnamese, with an example that passes ("Đúng:") and one that fails ("Sai:")
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kehoach.source import positions
from kehoach.source.load import LoadedYaml, NodePath
from kehoach.model.plan import Plan
from kehoach.problems import Location, Problem, Severity
from kehoach.model.references import References

__all__ = ["PlanContext", "Problem", "Severity"]


class PlanContext:
    """A plan that loaded and validated, with what rules need to look at it.

    `path`: the plan file, when it is a file (the register rule reads its folder). A plain class rather than a
    dataclass: this module is imported by every `check`, and creating a dataclass costs ~0.6 ms at import
    (README, For developers)."""

    __slots__ = ("plan", "source", "refs", "path", "today", "_strings")

    def __init__(self, plan: Plan, source: LoadedYaml, refs: References, path: Path | None = None,
                 today: date | None = None) -> None:
        self.plan = plan
        self.source = source
        self.refs = refs
        self.path = path
        self.today = date.today() if today is None else today
        self._strings: list[tuple[NodePath, str]] | None = None

    def __repr__(self) -> str:
        return f"PlanContext(source={self.source.source!r}, path={self.path!r}, today={self.today!r})"

    def where(self, path: NodePath, key: bool = False) -> Location:
        return self.source.key_where(path) if key else self.source.where(path)

    @property
    def year(self) -> int | None:
        """The plan's year: its date's year, or `nam` for a draft."""
        if self.plan.date is not None:
            return self.plan.date.year
        return self.plan.year

    def strings(self) -> Iterator[tuple[NodePath, str]]:
        """Every text value of the file as the clerk wrote it (before any normalisation), with its path.

        Found once per plan: every text rule reads them all (about ten rules, a hundred or more texts each)."""
        if self._strings is None:
            self._strings = list(positions.text_values(self.source.data))
        return iter(self._strings)

