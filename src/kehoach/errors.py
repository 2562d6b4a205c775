"""The one exception family of kehoach, with the exit code of each member (the CLI prints and returns them).

    KehoachError                 anything kehoach raises on purpose; never shown as a traceback
        InputError               the clerk's input cannot be used as it is: a positioned message, exit 1 or 2
            InputErrors          several of them, found at once
            DocxUnreadable       a file given as a Word document that is not one (exit 2)
            AmountError          a text that is not a sum of money in đồng (kehoach.conventions.money)
            SentenceError        a sentence template (`cau_chu`) that cannot be read or filled
        OutputError              a file cannot be written; nothing was changed (exit 2)
        PdfError                 the PDF could not be made; the Word document was written (exit 2)
        PlanHasErrors            the checks found errors, so the plan is not rendered (exit 1)
        Interrupted              Ctrl-C during a batch (exit 130)
        InternalError            kehoach's own fault, not the clerk's: said as a bug is (exit 70)
            PackageDataError     a data file shipped inside kehoach (data/kinds, data/profiles) is broken
                KindDataError, ProfileError, UnitError
            FormatFailed         a reformatted file would not mean the same as the original

Anything else that escapes a command is a bug and is reported like an InternalError (kehoach.cli.app.run).
"""

from __future__ import annotations

from kehoach.problems import Location, Problem, Severity


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
    """The input cannot be used: missing file, bad YAML, data that does not fit the plan model.

    It is a Problem that stops the file from being used, raised: `problem` is how `kehoach check` reports it,
    and `InputError.of(problem)` raises a problem the loader found (a dangling reference, a duplicate id)."""

    #: A kehoach.problems.Fix when the correction is certain (a «KT» that lacks its dot); set by who raises it.
    fix = None

    @classmethod
    def of(cls, problem: Problem) -> InputError:
        """The error of a placed problem (kehoach.source.positions.place): its message, place, rule and fix."""
        error = cls(problem.message, problem.location, problem.rule)
        error.fix = problem.fix
        return error

    @property
    def problem(self) -> Problem:
        """This error as `kehoach check` reports it: a problem of severity error, at its place."""
        return Problem(self.message, location=self.location, rule=self.rule, severity=Severity.ERROR, fix=self.fix)

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


class DocxUnreadable(InputError):
    """A file given as a Word document that cannot be read as one (not a .docx, broken, too big); the message
    says why, in Vietnamese. `kehoach check` reports it at the file, as rule file-unreadable (exit 2)."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message, location, "file-unreadable")


class AmountError(InputError):
    """A text that is not a sum of money in đồng, said in Vietnamese. Raised where the place is not known yet
    (kehoach.conventions.money); the model gives the message its place in the file (kehoach.model.fields)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, None, "schema-type")


class SentenceError(InputError):
    """A sentence template (a kind's, or a document's own `cau_chu`) that cannot be read or filled, said in
    Vietnamese (kehoach.kinds.sentences); `template` is its text, by which a render finds it in the file."""

    def __init__(self, message: str, template: str | None = None) -> None:
        super().__init__(message, None, "schema-type")
        self.template = template


class OutputError(KehoachError):
    """The output cannot be written (locked by Word, no permission, …); nothing was changed."""

    exit_code = 2


class PdfError(KehoachError):
    """The PDF could not be made; the Word document was written all the same."""

    exit_code = 2


class PlanHasErrors(KehoachError):
    """The checks found errors; the plan is not rendered unless the clerk insists (as a draft)."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        #: The errors themselves, for a caller that reports them its own way (kehoach.features.batch).
        self.problems = problems or []


class Interrupted(KehoachError):
    """Ctrl-C during a batch: what was written stays (each file is whole), the rest is not started."""

    exit_code = 130


class InternalError(KehoachError):
    """kehoach's own fault, never the clerk's: reported as a bug is (`bug_report`; the CLI shows the traceback
    with -v and raises it with KEHOACH_DEBUG=1), exit 70. Its message may be in English: it is for whoever fixes
    kehoach."""

    exit_code = 70

    def __str__(self) -> str:
        return bug_report(self)


def bug_report(error: BaseException) -> str:
    """The one line a clerk reads when kehoach fails by its own fault: an InternalError, or any other exception
    that escaped a command (kehoach.cli.app.run)."""
    text = error.message if isinstance(error, KehoachError) else str(error)
    return (f"lỗi nội bộ của kehoach ({type(error).__name__}: {text}); không tệp nào bị thay đổi. Hãy chạy lại với "
            "KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.")


class PackageDataError(InternalError):
    """A data file shipped inside the package (data/kinds/*.yaml, data/profiles/*.yaml) does not fit its schema.

    The developer's error, not the clerk's: a clerk never writes these files (a document chooses a kind with
    `loai:` and a layout with `the_thuc:`, both checked against what is shipped, at their place in the file), so
    a broken one means a broken installation or a bug, caught by the tests before a release."""


class KindDataError(PackageDataError):
    """A kind's data file (data/kinds/*.yaml) is malformed (kehoach.kinds.catalog)."""


class ProfileError(PackageDataError):
    """A layout profile that is missing, or whose file does not fit the schema (kehoach.profiles)."""


class UnitError(ProfileError):
    """A quantity of a profile file written without its unit, or with the wrong one (kehoach.profiles.units)."""


class FormatFailed(InternalError):
    """The reformatted text would not mean the same as the file (kehoach.features.fmt): a bug of kehoach, and
    nothing is written."""
