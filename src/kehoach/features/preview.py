"""`kehoach render --watch`: the document (and its PDF) rewritten on every save of the plan or its shared files.

Each save renders exactly as `kehoach render` does (kehoach.render.pipeline.render). Data with errors is not
rendered: the errors are printed and the last good document stays as it was. The PDF comes from one LibreOffice kept
running for the whole session (kehoach.features.office), so a save becomes an updated PDF in a fraction
of a second. Ctrl+C (or SIGTERM) ends the watch and that LibreOffice.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from kehoach.errors import InputErrors, KehoachError, PlanHasErrors

#: watchfiles groups the events of one save (an editor writes a temporary file, then renames it): it waits
#: until nothing has changed for STEP ms (at most DEBOUNCE ms) before answering.
STEP_MS = 30
DEBOUNCE_MS = 300

Say = Callable[[str], None]


def watched_files(plan: Path) -> set[Path]:
    """The plan and the shared files it reads now (those that cannot be read yet are left to the errors)."""
    from kehoach.source.load import load_yaml_file
    from kehoach.source.registry import merge

    files = {plan.resolve()}
    try:
        loaded = merge(load_yaml_file(plan, str(plan)), plan)
    except KehoachError:
        return files
    return files | {Path(part.source).resolve() for part in loaded.parts.values()}


class Preview:
    """One plan being watched: renders it, and its PDF when `office` is given (a kehoach.features.office.Office)."""

    def __init__(self, plan: Path, output: Path | None, template: Path | None, doc: str, office,
                 say: Say, warn: Say) -> None:
        self.plan, self.output, self.template, self.doc = plan, output, template, doc
        self.office, self.say, self.warn = office, say, warn

    def round(self) -> bool:
        """Render once; print what was made or what is wrong. True when the documents were updated."""
        from kehoach.output import write_atomic
        from kehoach.render import pipeline

        started = time.perf_counter()
        try:
            result = pipeline.render(self.plan, self.output, self.template, force=False, doc=self.doc)
        except PlanHasErrors as error:
            return self._kept([str(problem) for problem in error.problems])
        except InputErrors as error:
            return self._kept([str(e) for e in error.errors])
        except KehoachError as error:
            return self._kept([str(error)])
        for problem in result.warnings:
            self.warn(str(problem))
        names = []
        for made in result.made:
            names.append(made.output.name)
            if self.office is not None:
                pdf = made.output.with_suffix(".pdf")
                try:
                    write_atomic(pdf, self.office.convert(made.output), elsewhere=None)
                except KehoachError as error:
                    self.warn(str(error))
                else:
                    names.append(pdf.name)
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")  # Vietnamese decimal comma
        self.say(f"{time.strftime('%H:%M:%S')} Đã cập nhật {', '.join(names)} ({seconds} giây).")
        return True

    def _kept(self, errors: list[str]) -> bool:
        for error in errors:
            self.warn(error)
        self.warn(f"{time.strftime('%H:%M:%S')} Kế hoạch còn {len(errors)} lỗi: giữ nguyên văn bản lần trước; sửa rồi"
                  " lưu lại.")
        return False


def watch(plan: Path, output: Path | None = None, template: Path | None = None, doc: str = "ke-hoach",
          pdf: bool = True, say: Say = print, warn: Say = print, stop: threading.Event | None = None) -> None:
    """Render `plan` now and after every save until Ctrl+C (or `stop` is set)."""
    import watchfiles

    from kehoach.features.office import UNO_HINT, Office
    from kehoach.features.pdf import missing_message

    _stop_on_sigterm()
    office = Office() if pdf else None
    if office is not None and office.soffice is None:
        warn(f"Lưu ý: {missing_message()}")
        office = None  # the Word document is still kept up to date
    try:
        with office if office is not None else nullcontext():
            if office is not None and not office.fast:
                warn(f"Lưu ý: {UNO_HINT}.")
            preview = Preview(plan, output, template, doc, office, say, warn)
            preview.round()
            files = watched_files(plan)
            say(f"Đang theo dõi {len(files)} tệp; mỗi lần lưu, văn bản được tạo lại. Nhấn Ctrl+C để dừng.")
            while stop is None or not stop.is_set():
                folders = sorted({f.parent for f in files})
                changed = False
                for _ in watchfiles.watch(*folders, watch_filter=lambda _, name: Path(name).resolve() in files,
                                          step=STEP_MS, debounce=DEBOUNCE_MS, stop_event=stop, recursive=False):
                    preview.round()
                    now = watched_files(plan)
                    changed, files = now != files, now
                    if changed:
                        break  # dung_chung names other files: watch their folders
                if not changed:
                    break
    except KeyboardInterrupt:
        pass
    say("Đã dừng theo dõi.")


def _stop_on_sigterm() -> None:
    """SIGTERM ends the watch as Ctrl+C does, so that LibreOffice is ended with it."""
    if os.name == "posix" and threading.current_thread() is threading.main_thread():
        def interrupt(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, interrupt)
