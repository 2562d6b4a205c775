"""The one shape of a problem found in a document: where (Location), how serious (Severity), what and which rule
found it (Problem), and the correction a rule can attach (Fix). kehoach.errors raises them as exceptions.

Why `NamedTuple` and not `@dataclass(frozen=True)`: every command imports this module, and a frozen dataclass
costs 0.5–0.7 ms to create (dataclasses exec()s its generated methods), a NamedTuple ~70 µs; the four classes
here took 2.5 ms of a 256 ms `check` as dataclasses. They stay immutable, typed and equal by value; a changed
copy is `problem._replace(…)`. Being tuples, they also compare and sort by position (a Location: file, line,
column, as before), and a Problem's fields after `path` are given by keyword by convention, no longer by force.
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles a ForwardRef for each string annotation
# (README, For developers).
from enum import Enum
from typing import NamedTuple


class Location(NamedTuple):
    """A place in an input file, 1-based as editors show it."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


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
    def parse(cls, word: str) -> "Severity | None":
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


class Edit(NamedTuple):
    """Replace the characters of `file` from `start` up to (not including) `end` with `text`.

    Positions are (line, column), 1-based and counted in characters like every Location."""

    file: str
    start: tuple[int, int]
    end: tuple[int, int]
    text: str


class Fix(NamedTuple):
    """What a rule knows would correct its finding: a title for the editor's menu and the edits to make.

    A rule gives one only when applying it blindly is right (kehoach.source.fixes builds them); an editor
    shows it as a quick fix (kehoach.features.lsp), `kehoach check --format json` lists it."""

    title: str
    edits: tuple[Edit, ...]


#: Where a problem is in the data, before it is placed in a file: keys and list indexes from the root
#: (`("noi_dung", 0, "muc")`), as the model and the rules see it.
YamlPath = tuple[str | int, ...]


class Problem(NamedTuple):
    """One problem found in a document, the only shape of a finding: what is wrong, where, which rule found it,
    how serious it is, and what to do.

    Whoever finds it says where in the terms it knows:
    - a rule of a plan, or the reference resolver of the model, gives the YAML `path` of the value (`key=True`:
      of its key) — `Problem("…", ("trich_yeu",))`; the checker then places it at file:line:column;
    - a rule that knows the exact place (a word inside a text, a paragraph of a .docx) gives its `location`.
    `rule` and `severity` are left out by a rule: the checker takes them from the rule's module and the config
    (kehoach.check.runner). A printed problem is always placed: `plan.yaml:12:5: lỗi: … [rule-id]`.
    """

    message: str
    path: YamlPath = ()
    # The fields below are given by keyword: Problem("…", path, key=True).
    key: bool = False
    location: Location | None = None
    rule: str = ""
    severity: Severity | None = None  # None until the checker gives the rule's level
    fix: Fix | None = None  # a machine-usable correction, when the rule knows one (kehoach.source.fixes)
    #: Placing hints of the reference resolver: for a duplicate id, where it was first given; the text inside
    #: the value the problem is about (e.g. "[[phong-su]]"), to point at it rather than at the value's start.
    first: YamlPath | None = None
    snippet: str | None = None

    def found_by(self, rule: str, severity: Severity) -> "Problem":
        """This problem as the checker reports it: by `rule` (unless it names its own) at the config's `severity`."""
        return self._replace(rule=self.rule or rule, severity=severity)

    def sort_key(self) -> tuple:
        location = self.location or Location("")
        return (location.file, location.line or 0, location.column or 0, self.rule, self.message)

    def __str__(self) -> str:
        where = self.location if self.location is not None else ".".join(map(str, self.path))
        label = self.severity.label if self.severity is not None else Severity.ERROR.label
        return f"{where}: {label}: {self.message} [{self.rule}]"
