"""Where the time of one `kehoach render` goes, stage by stage, without a profiler's overhead.

    .venv/bin/python bench/stages.py [PLAN.yaml] [--repeat N]

Does what `kehoach.api.render` does, in the same order, timing each step with perf_counter in a
fresh process: first the imports (each one cold, in the order the CLI meets them), then the work.
With --repeat N the work (not the imports) is done N more times in the same process and the median of
those warm repeats is printed too, per stage (second column) and in all (last line): the per-plan cost
of a batch, once everything is imported.
This mirrors commands.render by hand: if that function changes, this file may need the same change.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_t0 = time.perf_counter()
rows: list[tuple[str, float]] = []
warm_rows: dict[str, list[float]] = {}


def step(label: str, since: float) -> float:
    now = time.perf_counter()
    rows.append((label, now - since))
    return now


def load(*modules: str) -> None:
    """Import `modules` (each step times its imports cold; the work below imports what it uses by name)."""
    for name in modules:
        importlib.import_module(name)


def warm_step(label: str, since: float) -> float:
    now = time.perf_counter()
    warm_rows.setdefault(label, []).append(now - since)
    return now


def main() -> int:
    args = sys.argv[1:]
    repeat = 0
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i:i + 2]
    plan_path = Path(args[0]) if args else ROOT / "data" / "plan_2024.yaml"
    scratch = tempfile.TemporaryDirectory(prefix="kehoach-stages-")
    out = Path(scratch.name) / "out.docx"

    t = time.perf_counter()
    load("kehoach.cli")
    t = step("import kehoach.cli (typer)", t)
    load("pydantic", "pydantic.main")
    t = step("import pydantic (BaseModel machinery)", t)
    load("kehoach.model.plan")
    t = step("import kehoach.model.plan (pydantic collects the fields; built in read_plan)", t)
    load("kehoach.api", "kehoach.check.runner", "kehoach.source.plan_file")
    t = step("import kehoach.check.runner, plan_file, load (PyYAML)", t)
    from kehoach import rules
    rules.all_rules()
    t = step("import the rule modules", t)
    load("docxtpl")
    t = step("import docxtpl (python-docx, jinja2, lxml)", t)
    load("jinja2.sandbox", "kehoach.output", "kehoach.render.docx_writer", "kehoach.render.finish",
         "kehoach.render.package")
    t = step("import jinja2.sandbox, kehoach.render.*", t)
    imports_done = t

    def work(record: bool) -> float:
        from jinja2 import StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from kehoach.check.runner import run_rules
        from kehoach.output import write_atomic
        from kehoach.source.plan_file import read_plan
        from kehoach.render.context import build_context
        from kehoach.render.finish import finish
        from kehoach.render.package import deterministic_bytes
        from kehoach.render.templates import kind_template

        mark = step if record else warm_step
        start = t = time.perf_counter()
        loaded = read_plan(plan_path, str(plan_path))
        t = mark("read_plan: YAML + the plan model's build (first time) + validation + references", t)
        run_rules(loaded, plan_path)
        t = mark("run_rules: every check", t)
        from kehoach.render.docx_writer import _template_class  # docxtpl's, keeping its XML preparation

        document = _template_class()(kind_template())
        document.init_docx()
        t = mark("DocxTemplate(template).init_docx(): open the template", t)
        context = build_context(loaded.plan, loaded.refs, loaded.plan.is_draft)
        t = mark("build_context", t)
        try:  # the render's own environment (one per process, keeping its compiled templates), if it has one
            from kehoach.render.docx_writer import _environment
            env = _environment()
        except ImportError:
            env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
        document.render(context, jinja_env=env, autoescape=True)
        t = mark("DocxTemplate.render (docxtpl: patch XML, compile and run Jinja, parse; both kept)", t)
        finish(document.docx, loaded.plan, loaded.plan.is_draft)
        t = mark("finish: rule lengths, properties", t)
        data = deterministic_bytes(document)
        t = mark("deterministic_bytes: save, re-zip with fixed times", t)
        write_atomic(out, data)
        t = mark("write_atomic (with fsync)", t)
        return t - start

    work(record=True)
    total = time.perf_counter() - _t0
    warm = [work(record=False) for _ in range(repeat)]

    width = max(len(label) for label, _ in rows)
    print(f"{'stage (cold, one fresh process)':{width}}  {'ms':>7}" + (f"  {'warm ms':>7}" if warm else ""))
    for label, seconds in rows:
        again = f"  {statistics.median(warm_rows[label]) * 1000:7.1f}" if label in warm_rows else ""
        print(f"{label:{width}}  {seconds * 1000:7.1f}{again}")
    print(f"{'imports':{width}}  {(imports_done - _t0) * 1000:7.1f}")
    print(f"{'total inside Python (interpreter start-up not included)':{width}}  {total * 1000:7.1f}")
    if warm:
        print(f"{'the work again, warm (median of the repeats)':{width}}  {statistics.median(warm) * 1000:7.1f}")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
