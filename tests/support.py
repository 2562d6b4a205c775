"""Paths and helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from kehoach.source.plan_file import read_plan_text
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template

ROOT = Path(__file__).resolve().parents[1]
PLAN_2024 = ROOT / "data" / "plan_2024.yaml"
# The text of the issued 2024 plan (a copy of shared/seed/000_2bff03ff5408d911.txt), kept in the
# repository so that the tests run anywhere.
SEED = ROOT / "tests" / "data" / "seed_plan_2024.txt"


def render_text_bytes(text: str, template: Path | None = None) -> bytes:
    """Render YAML text to the bytes of a .docx (in memory)."""
    loaded = read_plan_text(text, "ke-hoach.yaml")
    return render_bytes(loaded.plan, template or kind_template("Kế hoạch", loaded.plan.layout_id), loaded.refs)


def render_text(text: str, template: Path | None = None):
    """Render YAML text to a python-docx Document (in memory)."""
    return Document(io.BytesIO(render_text_bytes(text, template)))


def docx_records(source: bytes | Path):
    """A Word document (its bytes or its path) as `kehoach check` reads it: kehoach.inspect's records of its
    paragraphs (text as shown, effective formatting, table cell), sections, headers and footers."""
    from kehoach.inspect.document import read_document
    from kehoach.inspect.package import Package

    data = source.read_bytes() if isinstance(source, Path) else source
    with Package(io.BytesIO(data)) as package:
        return read_document(package)


def docx_paragraphs(source: bytes | Path) -> list:
    """The body's paragraphs of a Word document as `kehoach check` reads them (`docx_records`), numbered from 1.

    A text box's paragraphs stand outside the flow the records number (and outside its anchor's text): a test that
    says a text is absent would not see one there, so a document with a text box is refused here."""
    document = docx_records(source)
    assert not document.text_boxes, "the document has a text box: read its paragraphs another way"
    return document.paragraphs


@dataclass(frozen=True)
class CliResult:
    """What a clerk sees of one `kehoach` run: the exit code and what was printed on each stream."""

    exit_code: int
    stdout: str
    stderr: str


def invoke(args: list[str], input: str | None = None) -> CliResult:
    """Run `kehoach ARGS` in this process (so that a test can inject a failure), with `input` as what is typed.

    stdin is `input`, or empty: a question asked with no answer given ends the run as the end of input does.
    """
    from kehoach.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO(input or "")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                exit_code = main(list(args))
            except SystemExit as stop:  # main returns its code; this only guards against a stray sys.exit
                exit_code = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.stdin = stdin
    return CliResult(exit_code, stdout.getvalue(), stderr.getvalue())


def probe_run(args: list[str], report: str, *, setup: str = "", cwd: Path = ROOT):
    """Run `python -m kehoach ARGS` in a fresh process, as a clerk's command runs, then the Python code `report`,
    which sets `result` to a literal (it sees `sys`, `stop`, the SystemExit that ended the run, and what the code
    `setup` defined before the run). Returns the exit code and `result`: what the run loaded, built or kept, which
    the test process itself cannot show (it has imported everything already).
    """
    import ast
    import os
    import subprocess

    script = "\n".join(["import runpy, sys", setup, f"sys.argv = ['kehoach', *{list(args)!r}]",
                        "try:", "    runpy.run_module('kehoach', run_name='__main__')",
                        "except SystemExit as ended:", "    stop = ended", report,
                        "print('PROBE', stop.code, repr(result), file=sys.stderr)"])
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="1")
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    last = done.stderr.splitlines()[-1] if done.stderr else ""
    assert last.startswith("PROBE "), done.stderr
    code, _, result = last.removeprefix("PROBE ").partition(" ")
    return int(code), ast.literal_eval(result)


def shared_workspace(root: Path) -> tuple[Path, Path]:
    """The 2024 plan with its cited documents in a shared file: root/.kehoach.yaml, root/ke-hoach/plan.yaml
    (`dung_chung: ../dung-chung/van-ban.yaml`) and root/dung-chung/van-ban.yaml; returns (plan, shared file)."""
    text = PLAN_2024.read_text(encoding="utf-8")
    head, rest = text.split("\nvan_ban:\n", 1)
    documents, tail = rest.split("\ncan_cu:\n", 1)
    (root / ".kehoach.yaml").write_text("quy_tac: {}\n", encoding="utf-8")
    (root / "dung-chung").mkdir()
    shared = root / "dung-chung" / "van-ban.yaml"
    shared.write_text("van_ban:\n" + documents, encoding="utf-8")
    (root / "ke-hoach").mkdir()
    plan = root / "ke-hoach" / "plan.yaml"
    plan.write_text(head + "\ndung_chung: ../dung-chung/van-ban.yaml\n\ncan_cu:\n" + tail, encoding="utf-8")
    return plan, shared
