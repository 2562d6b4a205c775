"""One exception family for everything a clerk can get wrong; the CLI maps it to exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
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


class KehoachError(Exception):
    """Base of every error shown to the user as a message, never as a traceback."""

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None, rule: str = "input") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        #: The id of the check that found it, as `kehoach check` reports it (see kehoach.rules).
        self.rule = rule

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


#: Rule ids of input that cannot be used at all: a file that cannot be read (missing, no permission, UTF-16),
#: YAML refused for safety (anchors, tags, nesting too deep), a wrong request («input»: a template that is not
#: there, -o on the plan itself) or configuration. Exit code 2.
#: Every other input error is a mistake in what a plan says (YAML syntax, a key typo, a date not on the
#: calendar): an error in the plan, exit code 1, as `kehoach check` reports it («1 khi có lỗi» in the README).
UNUSABLE_RULES = frozenset({"file-unreadable", "file-encoding", "yaml-unsafe", "yaml-too-deep", "input",
                            "config-invalid"})


class InputError(KehoachError):
    """The input cannot be used: missing file, bad YAML, data that does not fit the plan model."""

    #: A kehoach.problems.Fix when the correction is certain (a «KT» that lacks its dot); set by who raises it.
    fix = None

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        return 2 if self.rule in UNUSABLE_RULES else 1


class InputErrors(InputError):
    """Several input problems found at once, reported together."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors), errors[0].location if errors else None)
        self.errors = errors

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        return max((error.exit_code for error in self.errors), default=2)

    def __str__(self) -> str:
        return self.message


class OutputError(KehoachError):
    """The output cannot be written (locked by Word, no permission, …); nothing was changed."""

    exit_code = 2
