"""kehoach render for many plans at once: a folder or several files, in parallel, with one summary.

Each plan goes through `kehoach.render.pipeline.render`, exactly as when it is rendered alone, and its output
is written beside it. A plan that fails does not stop the others; the summary lists each failure with
its first error, and the exit code says the worst that happened.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kehoach.errors import InputError, InputErrors, InternalError, Interrupted, KehoachError, PlanHasErrors
from kehoach.problems import Location

OK, SHARED, ERRORS, UNUSABLE, PDF_FAILED, INTERNAL = "ok", "shared", "errors", "unusable", "pdf-failed", "internal"
#: The exit code of each outcome; the run exits with the highest (lint.exit_code's 0/1/2, and 70 for a bug).
_EXIT = {OK: 0, SHARED: 0, ERRORS: 1, UNUSABLE: 2, PDF_FAILED: 2, INTERNAL: 70}


@dataclass(frozen=True)
class Outcome:
    """What happened to one plan; plain values only, so that it crosses from a worker process."""

    plan: str
    status: str
    output: str | None = None
    draft: bool = False
    warnings: int = 0
    message: str = ""  # the first error, as `kehoach render` prints it
    more: int = 0  # how many errors besides that one
    pdf: str | None = None
    documents: int = 1  # how many documents were written (--doc all: the plan, its decision and its report)
    pdfs: int = 0  # how many PDF files were made from them


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    pdf_missing: str | None = None  # the install instructions, when --pdf was asked and LibreOffice is missing
    font_warning: str | None = None
    check_hint: str = ""  # the paths, to suggest «kehoach check …» for the warnings

    @property
    def exit_code(self) -> int:
        codes = [_EXIT[o.status] for o in self.outcomes] + ([2] if self.pdf_missing else [])
        return max(codes, default=0)

    def summary(self) -> str:
        return summary(self)


def render_many(paths: Sequence[Path], template: Path | None = None, force: bool = False, pdf: bool = False,
                jobs: int | None = None, progress: Callable[[int, int, str], None] | None = None,
                doc: str = "ke-hoach") -> BatchResult:
    """Render every plan in `paths` (folders give their .yaml files) beside itself; never raises for one plan.

    `doc`: which documents of each plan (kehoach.render.documents): ke-hoach, quyet-dinh, bao-cao or all.
    """
    from kehoach.source.files import plan_files
    from kehoach.render.documents import TEMPLATE_FOR_ONE, kinds_of

    kinds = kinds_of(doc)  # a misspelt --doc is said once, not once per plan
    if len(kinds) > 1 and template is not None:
        raise InputError(TEMPLATE_FOR_ONE, Location(str(template)))
    plans = _unique(plan_files(paths))
    if not plans:
        raise InputError("không có tệp kế hoạch .yaml nào để tạo văn bản", Location(" ".join(map(str, paths)) or "."))
    if template is not None and not template.exists():
        raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
    result = BatchResult([], check_hint=" ".join(_quoted(str(p)) for p in paths))
    if pdf:
        from kehoach.features import pdf as pdf_module

        if pdf_module.find_soffice() is None:
            result.pdf_missing, pdf = pdf_module.missing_message(), False
        else:
            result.font_warning = pdf_module.font_warning()
    clashes = _clashes(plans, [kind.name for kind in kinds])
    tasks = [(str(p), str(template) if template else None, force, pdf, doc) for p in plans if p not in clashes]
    done = {o.plan: o for o in _run(tasks, jobs, progress)}
    done.update({str(p): Outcome(str(p), UNUSABLE, message=message) for p, message in clashes.items()})
    result.outcomes = [done[str(p)] for p in plans]
    return result


def render_one(plan: str, template: str | None, force: bool, pdf: bool, doc: str = "ke-hoach") -> Outcome:
    """One plan, as `kehoach render PLAN` would do it; every failure becomes an Outcome (this runs in a worker)."""
    from kehoach.render import pipeline

    try:
        result = pipeline.render(Path(plan), None, Path(template) if template else None, force, doc,
                                 elsewhere=None)  # -o is for one document
    except Exception as error:
        # A shared file of the folder (dung_chung) is no plan, so it never renders: it is looked for only then, and
        # every plan is read once, not twice.
        return Outcome(plan, SHARED) if _is_shared(Path(plan)) else _failed(plan, error)
    documents = len(result.made) or 1
    outcome = Outcome(plan, OK, str(result.output), result.draft, len(result.warnings), documents=documents)
    if not pdf:
        return outcome
    from kehoach.features.pdf import convert

    pdfs = []
    for docx in [m.output for m in result.made] or [result.output]:
        try:
            pdfs.append(str(convert(docx).output))
        except KehoachError as error:
            message = f"đã tạo văn bản Word, nhưng chưa tạo được {docx.with_suffix('.pdf').name}: {error.message}"
            return Outcome(plan, PDF_FAILED, outcome.output, outcome.draft, outcome.warnings, message,
                           documents=documents, pdf=pdfs[0] if pdfs else None, pdfs=len(pdfs))
    return Outcome(plan, OK, outcome.output, outcome.draft, outcome.warnings, pdf=pdfs[0], documents=documents,
                   pdfs=len(pdfs))


def _failed(plan: str, error: Exception) -> Outcome:
    """The outcome of a plan whose render raised `error`."""
    if isinstance(error, PlanHasErrors):
        problems = error.problems or [error]
        return Outcome(plan, ERRORS, message=str(problems[0]), more=len(problems) - 1)
    if isinstance(error, InputErrors):  # mistakes in the plan (exit code 1), or a file that cannot be read (2)
        status = ERRORS if error.exit_code == 1 else UNUSABLE
        return Outcome(plan, status, message=str(error.errors[0]), more=_count(error.errors) - 1)
    if isinstance(error, InternalError):  # kehoach's own fault: reported as a bug is, below
        return Outcome(plan, INTERNAL, message=f"lỗi nội bộ của kehoach ({type(error).__name__}: {error.message})")
    if isinstance(error, KehoachError):
        return Outcome(plan, ERRORS if error.exit_code == 1 else UNUSABLE, message=str(error))
    # a bug in kehoach: reported with the plan it happened on, the others go on
    return Outcome(plan, INTERNAL, message=f"lỗi nội bộ của kehoach ({type(error).__name__}: {error})")


def _run(tasks: list[tuple], jobs: int | None, progress) -> list[Outcome]:
    """Run the tasks, in worker processes when there is more than one worker, reporting each one done."""
    workers = max(1, min(jobs or _cores(), len(tasks)))
    outcomes: list[Outcome] = []
    total = len(tasks)

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), total, outcome.plan)

    from kehoach.rules.register_number_used import held_listings

    if workers == 1:  # no pool: no process start-up for one plan or --jobs 1
        try:
            with held_listings():
                for task in tasks:
                    record(render_one(*task))
        except KeyboardInterrupt:
            raise _interrupted(outcomes) from None
        return outcomes
    from concurrent.futures import ProcessPoolExecutor, as_completed

    executor = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
    try:
        futures = [executor.submit(render_one, *task) for task in tasks]
        for future in as_completed(futures):
            record(future.result())
    except KeyboardInterrupt:
        executor.shutdown(wait=True, cancel_futures=True)
        raise _interrupted(outcomes) from None
    executor.shutdown()
    return outcomes


def _worker_start() -> None:
    """In each worker, which lives for this run only: the folders' plans are listed once for the run."""
    from kehoach.rules.register_number_used import held_listings

    held_listings().__enter__()


def _cores() -> int:
    """The cores this process may use (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _interrupted(outcomes: list[Outcome]) -> Interrupted:
    made = sum(1 for o in outcomes if o.output)
    return Interrupted(f"Đã dừng theo yêu cầu; đã tạo {made} văn bản, các kế hoạch còn lại chưa được tạo. Mỗi tệp "
                       "đã ghi đều trọn vẹn.")


def summary(result: BatchResult) -> str:
    """«Đã tạo 18 văn bản; 2 kế hoạch lỗi:» and one line per failed plan with its first error."""
    outcomes = result.outcomes
    made = [o for o in outcomes if o.output]
    written = sum(o.documents for o in made)
    failed = [o for o in outcomes if o.status not in (OK, SHARED)]
    drafts = sum(1 for o in made if o.draft)
    shared = sum(1 for o in outcomes if o.status == SHARED)
    head = f"Đã tạo {written} văn bản" if made else "Không tạo được văn bản nào"
    notes = [f"{drafts} bản dự thảo"] * bool(drafts) + [f"bỏ qua {shared} tệp dùng chung"] * bool(shared)
    if notes:
        head += f" ({'; '.join(notes)})"
    pdfs = sum(o.pdfs or bool(o.pdf) for o in outcomes)
    if pdfs:
        head += f" và {pdfs} tệp PDF"
    lines = [head + (f"; {len(failed)} kế hoạch lỗi:" if failed else ".")]
    for outcome in failed:
        message = outcome.message if outcome.message.startswith(outcome.plan) else f"{outcome.plan}: {outcome.message}"
        lines.append(f"  {_first_line(message)}" + (f" (và {outcome.more} lỗi khác)" if outcome.more else ""))
    warned = sum(1 for o in made if o.warnings)
    if warned:
        lines.append(f"{warned} kế hoạch có cảnh báo; xem bằng «kehoach check {result.check_hint}».")
    if result.font_warning:
        lines.append(result.font_warning)
    if result.pdf_missing:
        lines.append(result.pdf_missing[0].upper() + result.pdf_missing[1:])
    return "\n".join(lines)


class Progress:
    """«[12/500] data/x.yaml» rewritten in place on a terminal; call `clear()` before printing the summary."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.width = 0

    def __call__(self, done: int, total: int, plan: str) -> None:
        columns = _columns()
        line = f"[{done}/{total}] {plan}"[: columns - 1]
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _columns() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _is_shared(plan: Path) -> bool:
    """A shared file of units and documents (kehoach.source.registry, `dung_chung:`) found in the folder: not a plan."""
    from kehoach.source.load import load_yaml_file
    from kehoach.source.registry import is_registry

    try:
        return is_registry(load_yaml_file(plan).data)
    except KehoachError:
        return False  # unreadable: rendering it says why


def _unique(plans: list[Path]) -> list[Path]:
    """Each plan once, even when named twice or both by itself and through its folder."""
    seen: set[Path] = set()
    unique = []
    for plan in plans:
        key = plan.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(plan)
    return unique


def _clashes(plans: list[Path], docs: list[str]) -> dict[Path, str]:
    """Plans whose output would overwrite another plan's (ke-hoach.yaml and ke-hoach.yml; with --doc all also
    a.yaml beside a-bao-cao.yaml, which would both write a-bao-cao.docx): the later ones."""
    from kehoach.render.pipeline import default_output

    first: dict[Path, Path] = {}
    clashes: dict[Path, str] = {}
    for plan in plans:
        for doc in docs:
            output = default_output(plan, doc)
            earlier = first.setdefault(output.resolve(), plan)
            if earlier is not plan:
                clashes[plan] = (f"{plan}: văn bản tạo ra sẽ trùng tên {output.name} với văn bản của {earlier}; hãy "
                                 "đổi tên một trong hai tệp kế hoạch")
                break
    return clashes


def _count(errors: list[InputError]) -> int:
    """How many errors a reading found, including those only counted («… và 12 lỗi khác»)."""
    listed = [e for e in errors if not e.message.startswith("… và ")]
    hidden = sum(int(m.group(1)) for e in errors if (m := re.match(r"… và (\d+) ", e.message)))
    return len(listed) + hidden


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def _quoted(path: str) -> str:
    return f'"{path}"' if " " in path else path
