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


class InputError(KehoachError):
    """The input cannot be used: missing file, bad YAML, data that does not fit the plan model."""

    exit_code = 2
    #: A kehoach.problems.Fix when the correction is certain (a «KT» that lacks its dot); set by who raises it.
    fix = None


class InputErrors(InputError):
    """Several input problems found at once, reported together."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors), errors[0].location if errors else None)
        self.errors = errors

    def __str__(self) -> str:
        return self.message


class OutputError(KehoachError):
    """The output cannot be written (locked by Word, no permission, …); nothing was changed."""

    exit_code = 2
