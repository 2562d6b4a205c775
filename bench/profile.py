"""Where the time goes: import times, a sampling profile, and render stage by stage. Writes bench/profiles/.

    .venv/bin/python bench/profile.py [--runs 5]

- `-X importtime` of `kehoach --help`, `kehoach check data/plan_2024.yaml` and `kehoach render …`, each run
  --runs times; per module the median self and cumulative time (µs), top 25 by cumulative, printed and
  saved as profiles/importtime-<command>.txt (the raw output of the last run beside it).
- pyinstrument of `kehoach render`, `kehoach check` and of a 100-plan batch (library path, 1 core), saved
  as profiles/pyinstrument-<name>.txt. pyinstrument lives in its own virtualenv, never in the project's:
      python3 -m venv bench/.venv-bench && bench/.venv-bench/bin/pip install pyinstrument
  (skipped with a note when that virtualenv is missing).
- bench/stages.py run --runs times: median of each stage of one cold render, and of a warm repeat.

Same environment as bench/run.py: bytecode cached in bench/.pycache.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BENCH, PLAN, PY, ROOT, child_env  # noqa: E402

PROFILES = BENCH / "profiles"
BENCH_VENV = BENCH / ".venv-bench"
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime(env, argv: list[str], runs: int, name: str) -> str:
    selfs: dict[str, list[int]] = defaultdict(list)
    cums: dict[str, list[int]] = defaultdict(list)
    depth: dict[str, int] = {}
    raw = ""
    for _ in range(runs):
        done = subprocess.run([str(PY), "-X", "importtime", "-m", "kehoach.cli", *argv], capture_output=True,
                              text=True, env=env, cwd=ROOT)
        raw = done.stderr
        for line in raw.splitlines():
            m = _LINE.match(line)
            if m:
                selfs[m[4]].append(int(m[1]))
                cums[m[4]].append(int(m[2]))
                depth[m[4]] = len(m[3]) // 2
    (PROFILES / f"importtime-{name}.raw.txt").write_text(raw)
    med = {mod: (statistics.median(selfs[mod]), statistics.median(cums[mod])) for mod in cums}
    top = sorted(med.items(), key=lambda kv: kv[1][1])[-25:]
    own = sum(s for mod, (s, _) in med.items() if mod.split(".")[0] == "kehoach")
    top_level = sum(c for mod, (_, c) in med.items() if depth.get(mod) == 0)
    lines = [f"-X importtime, kehoach {' '.join(argv)}: median of {runs} runs (µs)",
             f"{'self':>8} | {'cumulative':>10} | module"]
    lines += [f"{s:8.0f} | {c:10.0f} | {'  ' * depth.get(mod, 0)}{mod}" for mod, (s, c) in top]
    lines += [f"all imports (top-level cumulative): {top_level / 1000:.1f} ms; kehoach's own modules, self: "
              f"{own / 1000:.1f} ms"]
    text = "\n".join(lines)
    (PROFILES / f"importtime-{name}.txt").write_text(text + "\n")
    return text


def pyinstrument(env, name: str, args: list[str]) -> str:
    site = sorted(BENCH_VENV.glob("lib/python3*/site-packages"))
    if not site or not (site[0] / "pyinstrument").is_dir():
        return f"pyinstrument {name}: skipped (no {BENCH_VENV.relative_to(ROOT)}; see the docstring)"
    env = dict(env)
    # pyinstrument comes from its own virtualenv; kehoach and its dependencies from the project's.
    env["PYTHONPATH"] = ":".join(filter(None, [env.get("PYTHONPATH"), str(site[0])]))
    out = PROFILES / f"pyinstrument-{name}.txt"
    subprocess.run([str(PY), "-m", "pyinstrument", "-i", "0.0005", "-o", str(out), *args], check=True, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    return f"pyinstrument {name}: {out.relative_to(ROOT)}"


def stages(env, runs: int, plan: Path = PLAN, name: str = "stages") -> str:
    """bench/stages.py in `runs` fresh processes: per stage, the median cold and warm milliseconds."""
    cold: dict[str, list[float]] = defaultdict(list)
    warm: dict[str, list[float]] = defaultdict(list)
    order: list[str] = []
    for _ in range(runs):
        done = subprocess.run([str(PY), str(BENCH / "stages.py"), str(plan), "--repeat", "10"],
                              capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        for line in done.stdout.splitlines()[1:]:
            m = re.match(r"^(.*?)\s+(-?[\d.]+)(?:\s+(-?[\d.]+))?$", line)
            if not m:
                continue
            label = m[1].strip()
            if label not in order:
                order.append(label)
            cold[label].append(float(m[2]))
            if m[3]:
                warm[label].append(float(m[3]))
    width = max(map(len, order))
    lines = [f"bench/stages.py {plan.name}: median of {runs} fresh processes (ms)",
             f"{'stage':{width}}  {'cold':>7}  {'(min–max)':>13}  {'warm':>7}"]
    for label in order:
        c = cold[label]
        w = f"{statistics.median(warm[label]):7.1f}" if warm.get(label) else ""
        lines.append(f"{label:{width}}  {statistics.median(c):7.1f}  {f'({min(c):.1f}–{max(c):.1f})':>13}  {w}")
    text = "\n".join(lines)
    (PROFILES / f"{name}.txt").write_text(text + "\n")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    PROFILES.mkdir(exist_ok=True)
    env = child_env(None)
    work = Path(tempfile.mkdtemp(prefix="kehoach-profile-"))
    try:
        out = work / "out.docx"
        subprocess.run([str(PY), "-c", "pass"], env=env)  # nothing: just make sure the venv runs
        print(importtime(env, ["--help"], args.runs, "help"), "\n")
        print(importtime(env, ["check", str(PLAN)], args.runs, "check"), "\n")
        print(importtime(env, ["render", str(PLAN), "-o", str(out)], args.runs, "render"), "\n")
        print(stages(env, args.runs), "\n")
        batch = work / "batch"
        subprocess.run([str(PY), str(BENCH / "plans.py"), "batch", "100", str(batch)], check=True, env=env)
        print(pyinstrument(env, "render", ["-m", "kehoach.cli", "render", str(PLAN), "-o", str(out)]))
        print(pyinstrument(env, "check", ["-m", "kehoach.cli", "check", str(PLAN)]))
        print(pyinstrument(env, "batch100-1core", [str(BENCH / "batch.py"), "--jobs", "1", str(batch),
                                                   str(work / "batch-out")]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
