"""Render every plan of a folder in ONE process, through the library: the batch figure of the bench.

    .venv/bin/python bench/batch.py --jobs 1 PLAN_DIR OUT_DIR    # sequential: 1 core
    .venv/bin/python bench/batch.py --jobs 2 PLAN_DIR OUT_DIR    # ProcessPoolExecutor(2): 2 cores

This is the LIBRARY path, `kehoach.api.render(path, output)` for each file, the same call
`kehoach render FILE` makes. The command-line batch path (`kehoach render FOLDER/` with parallel
workers) does not exist yet; when it does, the bench should time that command instead of this driver.

With --jobs 2 the parent imports the rendering code before it starts the pool, so the forked workers
start warm (what a multi-file command would do too), and hands out files in chunks.
Prints one line: `<files> <seconds inside the process> <plans/s>`; exits 1 if any plan failed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _render(job: tuple[str, str]) -> str | None:
    from kehoach.api import render
    from kehoach.errors import KehoachError

    plan, output = job
    try:
        render(Path(plan), Path(output))
    except KehoachError as error:
        return f"{plan}: {error}"
    return None


#: What a render imports, loaded once before forking: each worker then starts with them (shared copy-on-write
#: pages), as a long-running batch would, instead of paying every import again.
_WARM = ("kehoach.api", "kehoach.check.runner", "kehoach.output", "kehoach.source.plan_file",
         "kehoach.render.docx_writer", "kehoach.render.finish", "kehoach.render.templates", "docxtpl", "jinja2.sandbox")


def _warm() -> None:
    """Import what a render needs, once, before forking (_WARM): only loaded, never used here."""
    for name in _WARM:
        importlib.import_module(name)
    from kehoach import rules

    rules.all_rules()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("plans", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    files = sorted(args.plans.glob("*.yaml"))
    jobs = [(str(f), str(args.out / f.with_suffix(".docx").name)) for f in files]
    if args.jobs <= 1:
        failures = [r for r in map(_render, jobs) if r]
    else:
        _warm()
        chunk = max(1, len(jobs) // (args.jobs * 8))
        with ProcessPoolExecutor(args.jobs) as pool:
            failures = [r for r in pool.map(_render, jobs, chunksize=chunk) if r]
    elapsed = time.perf_counter() - start
    for failure in failures[:5]:
        print(failure, file=sys.stderr)
    print(f"{len(files)} {elapsed:.3f} {len(files) / elapsed:.1f}")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
