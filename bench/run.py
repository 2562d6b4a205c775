"""kehoach's benchmark: how fast, how much memory, against the floors and against what a clerk would otherwise use.

    .venv/bin/python bench/run.py              # full run (about 10 minutes on 2 cores), writes bench/RESULTS.md
    .venv/bin/python bench/run.py --quick      # fewer runs, 100-plan batch: a smoke test, writes nothing
                                               # unless --out is given

Every figure is measured on THIS machine, N times, and reported as median and spread (IQR and min–max).
Commands of one group are interleaved round by round (a shuffled order each round), so that a burst of
load on a shared machine hits every command alike, and ratios are the median of the per-round ratios.

Wall time: from the parent's fork to the child's exit (perf_counter around the run).
Peak memory: the maximum resident set size of the command, from GNU time (`/usr/bin/time -f %M`);
for a multi-process command it is the largest single process, not the sum.

See bench/README.md for what it needs and what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
KEHOACH = VENV / "bin" / "kehoach"
PLAN = ROOT / "data" / "plan_2024.yaml"
TEMPLATE = ROOT / "templates" / "ke-hoach.docx"
GNU_TIME = shutil.which("time", path="/usr/bin:/bin") or None
PANDOC = shutil.which("pandoc")
SIZES = (10, 100, 1000)

#: Targets of issue 15, on a 2-core machine: render and check against the stack floor (what any tool on
#: kehoach's stack pays: typer, python-docx, Jinja2, PyYAML imported and one pydantic model defined and
#: validated), `--help` against a bare typer app's `--help` with one command.
TARGET_RENDER_VS_FLOOR = 1.25
TARGET_CHECK_VS_FLOOR = 1.05
TARGET_HELP_VS_TYPER = 1.0
#: Issue 6's, kept: render against a bare docxtpl script filling the same template.
TARGET_RENDER_VS_PEER = 1.0
TARGET_BATCH_2CORES = 60.0
#: The stack floor's code: `python -c "import typer, docx, jinja2, yaml"` plus one pydantic model.
STACK_FLOOR = ("import typer, docx, jinja2, yaml, pydantic\n"
               "class M(pydantic.BaseModel):\n    x: int\n"
               "M.model_validate({'x': 1})")
#: The plan model's figure: imported, and built by validating the 2024 plan (as every check and render does).
MODEL_FIGURE = ("import sys, yaml, kehoach.model.plan as m\n"
                "m.Plan.model_validate(yaml.safe_load(open(sys.argv[1], encoding='utf-8')))")
TARGET_MEMORY_1000_MB = 120.0
#: "Linear": the cost of one more activity between 100 and 1,000 is at most this many times the cost
#: of one more activity between 10 and 100 (quadratic growth would make it about 10×).
LINEAR_SLOPE_RATIO = 1.5


# ---------------------------------------------------------------------------------------------- running


@dataclass
class Sample:
    wall: float  # seconds
    rss_kb: int | None  # peak resident set, KiB


@dataclass
class Figure:
    key: str
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    samples: list[Sample] = field(default_factory=list)

    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    def rss_mb(self) -> list[float]:
        return [s.rss_kb / 1024 for s in self.samples if s.rss_kb is not None]


def child_env(src: Path | None) -> dict[str, str]:
    """The environment of every measured command.

    Bytecode: a clerk's installed kehoach has its .pyc files. Where PYTHONDONTWRITEBYTECODE is set (as on
    this project's sandboxes), the editable install under src/ would be compiled from source on every run;
    so it is unset, and the bytecode cache goes to bench/.pycache (never beside the sources).
    Compiled Word templates (kehoach.render.template_cache) are kept in bench/.template-cache, filled by
    the first run of each command as a clerk's first render fills theirs, never in the user's cache folder.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BENCH / ".pycache")
    env["KEHOACH_CACHE_DIR"] = str(BENCH / ".template-cache")
    env["NO_COLOR"] = "1"
    env.pop("KEHOACH_DEBUG", None)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


_HELPER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1)
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def cpu_snapshot() -> tuple[float, float, float] | None:
    """(CPU seconds the whole machine was busy, CPU seconds of our finished children, wall clock)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return None
    ticks = [int(x) for x in fields]
    busy = sum(ticks[:3]) + sum(ticks[5:8])  # user nice system (idle iowait) irq softirq steal
    import resource

    ours = resource.getrusage(resource.RUSAGE_CHILDREN)
    return busy / os.sysconf("SC_CLK_TCK"), ours.ru_utime + ours.ru_stime, time.monotonic()


def others_share(start, end, cores: int) -> float | None:
    """The share of the machine's CPU that processes other than the benchmark's used between two snapshots."""
    if not start or not end or end[2] <= start[2]:
        return None
    others = (end[0] - start[0]) - (end[1] - start[1])
    return max(0.0, others) / ((end[2] - start[2]) * cores)


class Runner:
    def __init__(self, env: dict[str, str], cwd: Path):
        self.env = env
        self.cwd = cwd
        fd, name = tempfile.mkstemp(prefix="kehoach-bench-rss-")
        os.close(fd)
        self.rss_file = Path(name)
        import atexit

        atexit.register(self.rss_file.unlink, missing_ok=True)
        self.loads: list[float] = []  # 1-minute load average after each round
        self.cpu_start = cpu_snapshot()
        self.group_others: dict[str, float | None] = {}  # per group: CPU share of other processes

    def run(self, argv: list[str], ok_codes=(0,)) -> Sample:
        if GNU_TIME:
            wrapped = [GNU_TIME, "-f", "%M", "-o", str(self.rss_file), *argv]
        else:  # a fresh, small helper process whose wait4() sees only this command (see README)
            wrapped = [sys.executable, "-I", "-S", "-c", _HELPER, str(self.rss_file), *argv]
        start = time.perf_counter()
        done = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env, cwd=self.cwd)
        wall = time.perf_counter() - start
        if done.returncode not in ok_codes:
            err = done.stderr.decode("utf-8", "replace").strip()[-2000:]
            raise RuntimeError(f"exit {done.returncode}: {' '.join(argv)}\n{err}")
        rss = None
        try:
            lines = self.rss_file.read_text().split()
            rss = int(lines[-1]) if lines else None
        except (OSError, ValueError):
            pass
        return Sample(wall, rss)

    def rounds(self, figures: list[Figure], runs: int, warmup: int, seed: int, progress: str) -> None:
        """Run every figure `runs` times, interleaved, in a shuffled order each round; `warmup` rounds first."""
        rng = random.Random(seed)
        before = cpu_snapshot()
        for r in range(warmup + runs):
            order = figures[:]
            rng.shuffle(order)
            for fig in order:
                sample = self.run(fig.argv, fig.ok_codes)
                if r >= warmup:
                    fig.samples.append(sample)
            try:
                self.loads.append(os.getloadavg()[0])
            except OSError:
                pass
            tag = "warm-up" if r < warmup else f"{r - warmup + 1}/{runs}"
            print(f"\r  {progress}: round {tag}   ", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        self.group_others[progress] = others_share(before, cpu_snapshot(), os.cpu_count() or 1)


# ------------------------------------------------------------------------------------------------ stats


@dataclass
class Stat:
    median: float
    q1: float
    q3: float
    lo: float
    hi: float
    n: int


def stat(values: list[float]) -> Stat | None:
    if not values:
        return None
    values = sorted(values)
    if len(values) >= 2:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = q3 = values[0]
    return Stat(statistics.median(values), q1, q3, values[0], values[-1], len(values))


def paired_ratio(a: Figure, b: Figure) -> Stat | None:
    """a/b, round by round (both ran in the same rounds), summarised."""
    return stat([x / y for x, y in zip(a.walls(), b.walls())])


def ms(s: float) -> str:
    return f"{s * 1000:.0f}"


def fmt_time(st: Stat | None) -> tuple[str, str, str]:
    if st is None:
        return "–", "–", "–"
    return f"{ms(st.median)} ms", f"{ms(st.q1)}–{ms(st.q3)}", f"{ms(st.lo)}–{ms(st.hi)}"


def fmt_mb(st: Stat | None) -> str:
    if st is None:
        return "–"
    spread = f" ({st.lo:.1f}–{st.hi:.1f})" if st.hi - st.lo >= 0.05 else ""
    return f"{st.median:.1f}{spread}"


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("**PASS**" if ok else "**MISS**")


# ---------------------------------------------------------------------------------------------- machine


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal:")), 0)
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in _read("/etc/os-release").splitlines()
                    if line.startswith("PRETTY_NAME=")), platform.system())
    py = subprocess.run([str(PY), "-c", "import sys, platform; print(platform.python_version())"],
                        capture_output=True, text=True).stdout.strip()
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        nproc = str(len(os.sched_getaffinity(0)))
    return {
        "cpu": cpu,
        "cores": nproc,
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "python": f"Python {py}",
        "os": f"{os_name}, Linux {platform.release()}",
    }


def versions(env) -> str:
    code = ("import importlib.metadata as m\n"
            "print(', '.join(f'{n} {m.version(n)}' for n in "
            "('kehoach','pydantic','PyYAML','python-docx','docxtpl','Jinja2','lxml')))")
    out = subprocess.run([str(PY), "-c", code], capture_output=True, text=True, env=env).stdout.strip()
    if PANDOC:
        first = subprocess.run([PANDOC, "--version"], capture_output=True, text=True).stdout.splitlines()
        out += f", {first[0] if first else 'pandoc'}"
    return out


def git_state() -> str:
    """The commit measured, and whether the work tree had changes (read-only git commands)."""
    def git(*args):
        r = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else ""
    head = git("rev-parse", "--short", "HEAD")
    if not head:
        return "not a git checkout"
    changed = [line for line in git("status", "--porcelain", "--", "src", "templates", "data").splitlines() if line]
    return f"{head}" + (f" + {len(changed)} uncommitted change(s) in src/templates/data" if changed else "")


def sources_digest(src: Path | None) -> str:
    """A fingerprint of the measured sources (names, sizes, mtimes): taken at start and end of the run,
    so that a run during which someone edited src/ says so."""
    import hashlib

    root = src or ROOT / "src"
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    for path in sorted((ROOT / "templates").glob("*")):
        st = path.stat()
        h.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:12]


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# ------------------------------------------------------------------------------------------------- main


def prepare(work: Path, env, batch_size: int) -> dict[str, Path]:
    """Everything made before timing: the context dump, the Markdown, the generated plans."""
    paths = {
        "context": work / "context.json",
        "markdown": work / "plan.md",
        "batch": work / "batch" / "plans",
        "out": work / "out",
    }
    paths["out"].mkdir(parents=True)

    def py(*args):
        subprocess.run([str(PY), *map(str, args)], check=True, env=env, cwd=ROOT)

    py(BENCH / "dump_context.py", PLAN, paths["context"])
    py(BENCH / "plan_markdown.py", paths["context"], paths["markdown"])
    py(BENCH / "plans.py", "batch", batch_size, paths["batch"])
    for n in SIZES:
        # Each sized plan in its own folder: the register rule reads the other plans of a plan's folder.
        paths[f"sized{n}"] = work / "sized" / str(n) / f"plan_{n}.yaml"
        py(BENCH / "plans.py", "sized", n, paths[f"sized{n}"])
    return paths



def _other_sections(path: Path) -> str:
    """The sections other scripts keep in RESULTS.md (`<!-- section: … -->` to `<!-- end: … -->`, e.g.
    bench/editor.py's), carried over unchanged when this run rewrites the file."""
    import re

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = re.findall(r"<!-- section: .*? -->.*?<!-- end: .*? -->", old, re.DOTALL)
    return "".join(f"\n{block}\n" for block in kept)

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kehoach benchmark (see bench/README.md)")
    parser.add_argument("--runs", type=int, default=15, help="runs of each short command (default 15)")
    parser.add_argument("--size-runs", type=int, default=11, help="runs of each plan-size command (default 11)")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of each batch (default 3)")
    parser.add_argument("--batch-size", type=int, default=500, help="plans in the batch (default 500)")
    parser.add_argument("--quick", action="store_true", help="3 runs, 2 size runs, 1 batch run of 100 plans")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch figures")
    parser.add_argument("--src", type=Path, help="measure the kehoach sources in this folder (its src/) instead "
                        "of the project's: for before/after comparisons of a change")
    parser.add_argument("--out", type=Path, help="where to write the results (default bench/RESULTS.md; "
                        "--quick writes nothing unless given)")
    parser.add_argument("--json", type=Path, help="also write every sample as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (generated plans, outputs)")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="first wait up to SECONDS for the 1-minute load average to fall below --quiet-load")
    parser.add_argument("--quiet-load", type=float, default=0.5, help="load average counted as quiet (default 0.5)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.size_runs, args.batch_runs, args.batch_size = 3, 2, 1, 100
    out_path = args.out or (None if args.quick else BENCH / "RESULTS.md")

    if not PY.exists():
        sys.exit(f"no project virtualenv at {VENV}: run the README's first command first")
    src = None
    if args.src:
        src = args.src.resolve() / "src" if (args.src / "src" / "kehoach").is_dir() else args.src.resolve()
        if not (src / "kehoach").is_dir():
            sys.exit(f"--src: no kehoach package in {src}")
    env = child_env(src)
    info = machine()
    if args.wait_quiet > 0:
        deadline = time.monotonic() + args.wait_quiet
        while os.getloadavg()[0] >= args.quiet_load and time.monotonic() < deadline:
            print(f"\r  waiting for a quiet machine: load {os.getloadavg()[0]:.2f}   ", end="", file=sys.stderr,
                  flush=True)
            time.sleep(10)
        print(f"\r  load average {loadavg()}, starting   ", file=sys.stderr)
    started = datetime.now(timezone.utc)
    load_start = loadavg()
    git_start, digest_start = git_state(), sources_digest(src)
    print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM, {info['python']}, {info['os']}",
          file=sys.stderr)

    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-"))
    try:
        paths = prepare(work, env, args.batch_size)
        runner = Runner(env, cwd=ROOT)
        out = paths["out"]
        k = str(KEHOACH)
        py = str(PY)

        main_figs = [
            Figure("pass", "`python -c pass`", [py, "-c", "pass"]),
            Figure("floor", '`python -c "import docx, jinja2, pydantic, yaml"` (import floor)',
                   [py, "-c", "import docx, jinja2, pydantic, yaml"]),
            Figure("stackfloor", '`python -c "import typer, docx, jinja2, yaml"` + one pydantic model defined '
                   "and validated (stack floor)", [py, "-c", STACK_FLOOR]),
            Figure("typerhelp", "bare typer app, one command: `--help` (`bench/bare_typer.py`)",
                   [py, str(BENCH / "bare_typer.py"), "--help"]),
            # What any tool that also defines a pydantic model pays: pydantic's model machinery, which the
            # import floor's lazy `import pydantic` does not load.
            Figure("modelfloor", "import floor + one pydantic model (model floor)",
                   [py, "-c", "import docx, jinja2, pydantic, yaml\nclass M(pydantic.BaseModel): x: int"]),
            # What every kehoach command pays before any work: YAML and the plan model, which pydantic builds at
            # its first validation (kehoach.model.fields): imported and one plan validated.
            Figure("model", "`python -c \"import yaml, kehoach.model.plan\"` and the 2024 plan validated (kehoach's "
                   "plan model, built at its first validation)", [py, "-c", MODEL_FIGURE, str(PLAN)]),
            Figure("help", "`kehoach --help`", [k, "--help"]),
            Figure("check", "`kehoach check data/plan_2024.yaml`", [k, "check", str(PLAN)]),
            Figure("render", "`kehoach render data/plan_2024.yaml`",
                   [k, "render", str(PLAN), "-o", str(out / "kehoach.docx")]),
            Figure("peer", "peer: bare docxtpl script, same template, JSON context",
                   [py, str(BENCH / "peer_docxtpl.py"), str(paths["context"]), str(TEMPLATE),
                    str(out / "peer.docx")]),
        ]
        if PANDOC:
            main_figs.append(Figure("pandoc", "peer: pandoc, plan as Markdown, our template as reference .docx",
                                    [PANDOC, "-f", "markdown", str(paths["markdown"]), "-o",
                                     str(out / "pandoc.docx"), f"--reference-doc={TEMPLATE}"]))
        size_figs = []
        for n in SIZES:
            plan_n = str(paths[f"sized{n}"])
            size_figs.append(Figure(f"check{n}", f"check, {n:,} activities", [k, "check", plan_n]))
            size_figs.append(Figure(f"render{n}", f"render, {n:,} activities",
                                    [k, "render", plan_n, "-o", str(out / f"sized{n}.docx")]))
        batch_figs = []
        if not args.no_batch:
            for jobs in (1, 2):
                # The clerk's command for a folder: each .docx is written beside its plan.
                batch_figs.append(Figure(f"batch{jobs}", f"{args.batch_size} plans, {jobs} core(s)",
                                         [k, "render", str(paths["batch"]), "--jobs", str(jobs)]))

        # Every command once, before anything is timed: it must work, and it fills the bytecode cache.
        print("Checking that every command works…", file=sys.stderr)
        for fig in main_figs + size_figs:
            runner.run(fig.argv, fig.ok_codes)
        for fig in batch_figs:  # a small batch, so that a broken batch fails fast
            small = work / "batch" / "smoke"
            small.mkdir(parents=True, exist_ok=True)
            for p in sorted(paths["batch"].glob("*.yaml"))[:4]:
                shutil.copy(p, small / p.name)
            runner.run([str(small) if arg == str(paths["batch"]) else arg for arg in fig.argv])

        runner.rounds(main_figs, args.runs, warmup=2, seed=1, progress="commands, floors, peers")
        runner.rounds(size_figs, args.size_runs, warmup=1, seed=2, progress="plan sizes")
        if batch_figs:
            runner.rounds(batch_figs, args.batch_runs, warmup=0, seed=3, progress="batch")
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    finished = datetime.now(timezone.utc)
    cores = int(info["cores"]) if info["cores"].isdigit() else (os.cpu_count() or 1)
    git_end, digest_end = git_state(), sources_digest(src)
    git = git_end if git_start == git_end else f"{git_start} at the start, {git_end} at the end"
    if digest_start != digest_end:
        git += (" — **the sources changed during the run** (someone edited or committed src/ or templates/); "
                "figures before and after the change are mixed: run again")
    report = Report(info, versions(env), git, src, started, finished, load_start, loadavg(),
                    {f.key: f for f in main_figs + size_figs + batch_figs}, args, runner.loads,
                    others_share(runner.cpu_start, cpu_snapshot(), cores), runner.group_others)
    text = report.markdown()
    print(report.console())
    if out_path:
        out_path.write_text(text + _other_sections(out_path), encoding="utf-8")
        print(f"\nwritten: {out_path}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({
            "machine": info, "started": started.isoformat(),
            "figures": {f.key: {"label": f.label, "wall_s": f.walls(), "rss_mb": f.rss_mb()}
                        for f in main_figs + size_figs + batch_figs},
        }, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------------------------- report


class Report:
    def __init__(self, info, versions, git, src, started, finished, load_start, load_end, figs, args, loads=(),
                 others=None, group_others=None):
        self.group_others = dict(group_others or {})
        self.info, self.versions, self.git, self.src = info, versions, git, src
        self.loads = list(loads)
        self.others = others  # share of the CPU used by processes other than the benchmark's
        self.started, self.finished = started, finished
        self.load_start, self.load_end = load_start, load_end
        self.f, self.args = figs, args
        self.targets: list[tuple[str, str, str, bool | None]] = []
        self._evaluate()

    def med(self, key: str) -> float | None:
        fig = self.f.get(key)
        st = stat(fig.walls()) if fig else None
        return st.median if st else None

    def rss(self, key: str) -> Stat | None:
        fig = self.f.get(key)
        return stat(fig.rss_mb()) if fig else None

    def ratio(self, a: str, b: str) -> Stat | None:
        if a in self.f and b in self.f:
            return paired_ratio(self.f[a], self.f[b])
        return None

    def batch_rate(self, jobs: int) -> Stat | None:
        fig = self.f.get(f"batch{jobs}")
        if not fig or not fig.samples:
            return None
        return stat([self.args.batch_size / w for w in fig.walls()])

    def slopes(self, kind: str) -> tuple[float, float] | None:
        """Marginal cost per activity, 10→100 and 100→1,000, from the fastest run of each size.

        The work is deterministic and load only ever adds time, so the minimum is the least noisy estimate;
        a 10→100 increment of a few tens of ms is lost in the medians' spread on a shared machine.
        """
        figs = [self.f.get(f"{kind}{n}") for n in SIZES]
        if None in figs or not all(f.samples for f in figs):
            return None
        (n0, n1, n2), (t0, t1, t2) = SIZES, [min(f.walls()) for f in figs]
        return (t1 - t0) / (n1 - n0), (t2 - t1) / (n2 - n1)

    def _evaluate(self) -> None:
        add = self.targets.append
        r = self.ratio("render", "stackfloor")
        add(("`kehoach render` ÷ stack floor", f"≤ {TARGET_RENDER_VS_FLOOR}×",
             f"{r.median:.2f}×" if r else "–", r.median <= TARGET_RENDER_VS_FLOOR if r else None))
        r = self.ratio("render", "peer")
        add(("`kehoach render` ÷ bare docxtpl peer", f"≤ {TARGET_RENDER_VS_PEER}×",
             f"{r.median:.2f}×" if r else "–", r.median <= TARGET_RENDER_VS_PEER if r else None))
        r = self.ratio("help", "typerhelp")
        add(("`kehoach --help` ÷ bare typer app's `--help`", f"≤ {TARGET_HELP_VS_TYPER}×",
             f"{r.median:.2f}×" if r else "–", r.median <= TARGET_HELP_VS_TYPER if r else None))
        r = self.ratio("check", "stackfloor")
        add(("`kehoach check` ÷ stack floor", f"≤ {TARGET_CHECK_VS_FLOOR}×",
             f"{r.median:.2f}×" if r else "–", r.median <= TARGET_CHECK_VS_FLOOR if r else None))
        b = self.batch_rate(2)
        add((f"batch of {self.args.batch_size}, 2 cores (`kehoach render FOLDER/`)", f"≥ {TARGET_BATCH_2CORES:.0f} plans/s",
             f"{b.median:.1f} plans/s" if b else "not run", b.median >= TARGET_BATCH_2CORES if b else None))
        for kind in ("render", "check"):
            s = self.slopes(kind)
            if s:
                lo, hi = s
                # When the 10→100 increment is lost in the noise, say so rather than MISS.
                ok = hi <= LINEAR_SLOPE_RATIO * lo if lo > 0 else None
                ratio = f"×{hi / lo:.2f}" if lo > 0 else "n/a; 10→100 increment lost in the noise: inconclusive"
                add((f"`{kind}` time linear in plan size",
                     f"marginal cost 100→1,000 ≤ {LINEAR_SLOPE_RATIO}× that of 10→100 (fastest runs)",
                     f"{lo * 1000:.2f} → {hi * 1000:.2f} ms/activity ({ratio})", ok))
        for kind in ("render", "check"):
            m = self.rss(f"{kind}1000")
            add((f"`{kind}` peak memory, 1,000 activities", f"≤ {TARGET_MEMORY_1000_MB:.0f} MB",
                 f"{m.median:.1f} MB" if m else "–", m.median <= TARGET_MEMORY_1000_MB if m else None))

    # -------------------------------------------------------------------------------------- text

    def busy(self) -> str | None:
        """A warning when the machine was not quiet: other processes used more than 10 % of its CPU."""
        busy = {g: share for g, share in self.group_others.items() if share is not None and share >= 0.10}
        if not busy and (self.others is None or self.others < 0.10):
            return None
        where = "; ".join(f"{g}: {share:.0%}" for g, share in busy.items()) or f"whole run: {self.others:.0%}"
        return (f"**The machine was not quiet during this run**: processes other than the benchmark's took a "
                f"share of its CPU time ({where}). A one-process command still had a core to itself while that "
                f"share stayed under 50 % on 2 cores, but the 2-core batch did not, and absolute times in the "
                f"groups named are inflated; ratios of interleaved runs hold better. For clean absolute figures, "
                f"run again on a quiet machine (`--wait-quiet 600`).")

    def _group_shares(self) -> str:
        shares = [f"{g} {v:.0%}" for g, v in self.group_others.items() if v is not None]
        return f" (by group: {', '.join(shares)})" if shares else ""

    def _loads(self) -> str:
        if not self.loads:
            return "not recorded"
        return f"min {min(self.loads):.2f}, median {statistics.median(self.loads):.2f}, max {max(self.loads):.2f}"

    def machine_line(self) -> str:
        i = self.info
        return f"{i['cpu']}, {i['cores']} cores, {i['ram']} RAM, {i['python']}, {i['os']}"

    def command_rows(self) -> list[list[str]]:
        rows = []
        against = {"help": "typerhelp", "typerhelp": "pass", "check": "stackfloor", "render": "stackfloor",
                   "peer": "stackfloor", "pandoc": "stackfloor", "floor": "pass", "modelfloor": "floor",
                   "stackfloor": "floor", "model": "floor"}
        for key in ("pass", "floor", "modelfloor", "stackfloor", "model", "typerhelp", "help", "check", "render",
                    "peer", "pandoc"):
            fig = self.f.get(key)
            if fig is None:
                if key == "pandoc":
                    rows.append(["peer: pandoc", "not installed", "", "", "", "", ""])
                continue
            med, iqr, rng = fmt_time(stat(fig.walls()))
            base = against.get(key)
            r = self.ratio(key, base) if base else None
            ratio = f"{r.median:.2f}× {self._name(base)} (IQR {r.q1:.2f}–{r.q3:.2f})" if r else ""
            if key == "render":
                p = self.ratio("render", "peer")
                pd = self.ratio("render", "pandoc")
                ratio += f"; {p.median:.2f}× docxtpl peer" if p else ""
                ratio += f"; {pd.median:.2f}× pandoc" if pd else ""
            rows.append([fig.label, med, iqr, rng, fmt_mb(self.rss(key)), ratio])
        return rows

    @staticmethod
    def _name(key: str | None) -> str:
        return {"floor": "import floor", "pass": "`python -c pass`", "stackfloor": "stack floor",
                "typerhelp": "bare typer `--help`"}.get(key or "", key or "")

    def size_rows(self) -> list[list[str]]:
        rows = []
        for n in SIZES:
            for kind in ("check", "render"):
                fig = self.f.get(f"{kind}{n}")
                if fig is None:
                    continue
                med, iqr, rng = fmt_time(stat(fig.walls()))
                rows.append([f"{n:,}", kind, med, iqr, rng, fmt_mb(self.rss(f"{kind}{n}"))])
        return rows

    def batch_rows(self) -> list[list[str]]:
        rows = []
        for jobs in (1, 2):
            fig = self.f.get(f"batch{jobs}")
            if fig is None or not fig.samples:
                continue
            rate = self.batch_rate(jobs)
            w = stat(fig.walls())
            rows.append([f"{jobs}", f"{rate.median:.1f}", f"{rate.lo:.1f}–{rate.hi:.1f}",
                         f"{w.median:.1f} s", fmt_mb(self.rss(f"batch{jobs}")), str(w.n)])
        return rows

    @staticmethod
    def table(header: list[str], rows: list[list[str]]) -> str:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)

    def markdown(self) -> str:
        a = self.args
        n_main = len(self.f["pass"].samples)
        n_size = len(self.f["render10"].samples) if "render10" in self.f else 0
        measured = f"`{self.src}` (--src)" if self.src else "the project's `src/`"
        parts = [
            "# kehoach benchmark results",
            "",
            "Written by `bench/run.py` (see `bench/README.md`); do not edit by hand, run it again.",
            "",
            f"**Machine:** {self.machine_line()}.",
            "",
            *([f"> {self.busy()}", ""] if self.busy() else []),
            f"- Run: {self.started:%Y-%m-%d %H:%M} – {self.finished:%H:%M} UTC; load average at start "
            f"{self.load_start}, at end {self.load_end} (1, 5, 15 min); 1-minute load after each round: "
            f"{self._loads()} (the benchmark's own commands count in it); CPU used by other processes during the "
            f"run: {'not measured' if self.others is None else f'{self.others:.0%} of the machine'}"
            f"{self._group_shares()}.",
            f"- Measured: {measured} at commit {self.git}.",
            f"- Software: {self.versions}.",
            f"- Method: each figure N times, commands of one group interleaved in a shuffled order each round "
            f"(short commands N = {n_main} after 2 warm-up rounds; plan sizes N = {n_size} after 1; batch N = "
            f"{a.batch_runs}). Wall time from fork to exit, seen by the parent; peak memory = maximum resident set "
            f"of the process (GNU time `%M`; for the 2-core batch, the largest single process). Ratios are the "
            f"median of per-round ratios, with their IQR. Bytecode cached as in an installed kehoach "
            f"(`PYTHONPYCACHEPREFIX=bench/.pycache`, `PYTHONDONTWRITEBYTECODE` unset), and compiled Word templates "
            f"kept as after a clerk's first render (`KEHOACH_CACHE_DIR=bench/.template-cache`).",
            "",
            "## Targets",
            "",
            self.table(["target", "wanted", "measured", "result"],
                       [[t, w, m, verdict(ok)] for t, w, m, ok in self.targets]),
            "",
            "## Commands, floors and peers (the 2024 plan)",
            "",
            self.table(["figure", "median", "IQR", "min–max", "peak MB (min–max)", "ratio"], self.command_rows()),
            "",
            "- Stack floor (issue 15's): `import typer, docx, jinja2, yaml` and one pydantic model defined and "
            "validated: what any tool on kehoach's stack pays before its own work. `check` and `render` are "
            "measured against it. The bare typer app (`bench/bare_typer.py`: one command, typer's defaults, so "
            "its help is drawn by rich) is what `kehoach --help` is compared with; kehoach's help is click's plain "
            "one, in Vietnamese, without rich.",
            "- Import floor: the imports any such tool pays (`docx`, `jinja2`, `pydantic`, `yaml`). Its "
            "`import pydantic` is pydantic's lazy top level: the model machinery (`pydantic.main`, the schema "
            "generator, `importlib.metadata` for plugins) loads only when a model is defined, as the model floor "
            "shows; and kehoach's own plan model (18 models whose fields pydantic collects at import; the plan's "
            "is built at its first validation, its parts inside it) comes on top of it. "
            "These two rows bound from below what `check` and `render` can reach with a pydantic model.",
            "- Bare docxtpl peer (`bench/peer_docxtpl.py`): loads a JSON dump of kehoach's render context "
            "(`build_context`, dumped once before timing) and fills the same template: "
            "`DocxTemplate(t).render(ctx, autoescape=True); save`. No YAML, validation, checks, sandbox, "
            "rule lengths, deterministic zip or atomic write.",
            "- pandoc peer: Debian's pandoc; the plan as Markdown (`bench/plan_markdown.py`, written from the same "
            "context before timing, every paragraph in a `custom-style` div naming its «KH …» style) with "
            "**kehoach's own template `templates/ke-hoach.docx` as `--reference-doc`** (styles, page set-up; "
            "pandoc lays out no header table and no rules)." if PANDOC else
            "- pandoc peer: pandoc is not installed here (`apt-get install pandoc`); not measured.",
            "",
            "## Batch: plans per second, one command",
            "",
        ]
        if self.batch_rows():
            parts += [
                self.table(["cores", "plans/s (median)", "plans/s (min–max)", "wall (median)", "peak MB",
                            "runs"], self.batch_rows()),
                "",
                f"- The command a clerk runs, `kehoach render FOLDER/ --jobs N`, on {a.batch_size} generated plans "
                "(copies of the 2024 plan with other numbers, dates and summaries, all in one folder; "
                "`bench/plans.py batch`): every plan checked (the register rule reads the folder's other plans) "
                "and rendered beside its plan file, one process with `--jobs 1`, a parent and two worker "
                "processes with `--jobs 2` (kehoach.features.batch). Peak memory: the largest single process.",
                "- plans/s = plans ÷ wall time of the whole command, start-up included.",
            ]
        else:
            parts += ["Not run (`--no-batch`)."]
        parts += [
            "",
            "## Growth with plan size",
            "",
            self.table(["activities", "command", "median", "IQR", "min–max", "peak MB (min–max)"], self.size_rows()),
            "",
            "- The 2024 plan with part III repeated to 10, 100 and 1,000 activities (new ids and titles; "
            "`bench/plans.py`), each plan alone in its folder. CLI process, same measurement as above.",
        ]
        for kind in ("render", "check"):
            s = self.slopes(kind)
            if s:
                parts.append(f"- `{kind}`: {s[0] * 1000:.2f} ms per activity from 10 to 100, {s[1] * 1000:.2f} ms "
                             f"per activity from 100 to 1,000 (from the fastest run of each size: load only adds "
                             f"time).")
        parts.append("")
        return "\n".join(parts)

    def console(self) -> str:
        out = [f"Machine: {self.machine_line()}", ""]
        if self.busy():
            out += [self.busy().replace("**", "").replace("`", ""), ""]
        out.append(f"{'figure':58} {'median':>9} {'IQR':>13} {'min–max':>13} {'peak MB':>16}  ratio")
        for row in self.command_rows():
            label = row[0].replace("`", "")[:58]
            out.append(f"{label:58} {row[1]:>9} {row[2]:>13} {row[3]:>13} {row[4]:>16}  {row[5].replace('`', '')}")
        out.append("")
        for row in self.size_rows():
            out.append(f"{row[0]:>6} activities  {row[1]:7} {row[2]:>9} {row[3]:>13} {row[4]:>13} {row[5]:>16} MB")
        out.append("")
        for row in self.batch_rows():
            out.append(f"batch, {row[0]} core(s): {row[1]} plans/s (min–max {row[2]}), wall {row[3]}, peak {row[4]} MB")
        out.append("")
        for t, w, m, ok in self.targets:
            out.append(f"{verdict(ok).strip('*'):5} {t.replace('`', '')}: {m} (wanted {w})")
        return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
