"""A problem found in a plan: where, which rule, how serious, and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kehoach.errors import Location


class Severity(str, Enum):
    """How serious a problem is; `render` refuses a plan with errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, word: str) -> Severity | None:
        """A severity from a config value in Vietnamese or English; None means "switched off"."""
        key = word.strip().casefold()
        if key in _OFF:
            return None
        return _WORDS[key]


_LABELS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "gợi ý"}
_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_OFF = {"tat", "tắt", "off"}
_WORDS = {
    "loi": Severity.ERROR, "lỗi": Severity.ERROR, "error": Severity.ERROR,
    "canh-bao": Severity.WARNING, "cảnh báo": Severity.WARNING, "cảnh-báo": Severity.WARNING,
    "warning": Severity.WARNING,
    "goi-y": Severity.INFO, "gợi ý": Severity.INFO, "gợi-ý": Severity.INFO, "info": Severity.INFO,
}
SEVERITY_WORDS = sorted(set(_WORDS) | _OFF)


@dataclass(frozen=True)
class Edit:
    """Replace the characters of `file` from `start` up to (not including) `end` with `text`.

    Positions are (line, column), 1-based and counted in characters like every Location."""

    file: str
    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass(frozen=True)
class Fix:
    """What a rule knows would correct its finding: a title for the editor's menu and the edits to make.

    A rule gives one only when applying it blindly is right (kehoach.rules._fixes builds them); an editor
    shows it as a quick fix (kehoach.features.lsp), `kehoach check --format json` lists it."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Problem:
    """One finding, ready to print: `plan.yaml:12:5: lỗi: … [rule-id]`."""

    location: Location
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.location.file, self.location.line or 0, self.location.column or 0, self.rule, self.message)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.label}: {self.message} [{self.rule}]"
