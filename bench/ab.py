"""Before/after: the same figures for two or more copies of kehoach's sources, interleaved in one run.

    .venv/bin/python bench/ab.py --tree before=/tmp/base --tree after=/tmp/patched [--runs 11] [--out FILE]

Each DIR holds `src/kehoach` (e.g. `git archive HEAD src templates | tar -x -C /tmp/base`, then a patched
copy); `--tree work=.` measures the project's own sources. All trees run with the project's virtualenv,
in the same rounds (shuffled order each round) as the floors, so that the machine's load hits them alike;
ratios are per round. Figures: `--help`, `check` and `render` of the 2024 plan, `check`/`render` at 1,000
activities, and the batch (library path, 1 and 2 cores; --batch-runs, --batch-size).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import (BENCH, KEHOACH, PLAN, PY, ROOT, Figure, Runner, child_env, machine, paired_ratio,  # noqa: E402
                 stat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="NAME=DIR (DIR holds src/kehoach)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--batch-runs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    trees = []
    for spec in args.tree:
        name, _, folder = spec.partition("=")
        src = Path(folder).resolve()
        src = src / "src" if (src / "src" / "kehoach").is_dir() else src
        if not (src / "kehoach").is_dir():
            sys.exit(f"--tree {spec}: no kehoach package in {src}")
        trees.append((name, src))

    work = Path(tempfile.mkdtemp(prefix="kehoach-ab-"))
    try:
        base_env = child_env(None)
        plans = work / "batch"
        big = work / "sized" / "plan_1000.yaml"
        subprocess.run([str(PY), str(BENCH / "plans.py"), "batch", str(args.batch_size), str(plans)], check=True,
                       env=base_env)
        subprocess.run([str(PY), str(BENCH / "plans.py"), "sized", "1000", str(big)], check=True, env=base_env)
        out = work / "out"
        out.mkdir()
        floor = Figure("floor", "import floor", [str(PY), "-c", "import docx, jinja2, pydantic, yaml"])
        short: dict[str, list[tuple[str, Figure]]] = {}
        batch: dict[str, list[tuple[str, Figure]]] = {}
        runners = {}
        k = str(KEHOACH)
        for name, src in trees:
            runners[name] = Runner(child_env(src), ROOT)
            o = out / name
            o.mkdir()
            short[name] = [
                ("help", Figure("help", "kehoach --help", [k, "--help"])),
                ("check", Figure("check", "check 2024 plan", [k, "check", str(PLAN)])),
                ("render", Figure("render", "render 2024 plan", [k, "render", str(PLAN), "-o", str(o / "p.docx")])),
                ("check1000", Figure("check1000", "check 1,000 act.", [k, "check", str(big)])),
                ("render1000", Figure("render1000", "render 1,000 act.",
                                      [k, "render", str(big), "-o", str(o / "big.docx")])),
            ]
            batch[name] = [(f"batch{j}", Figure(f"batch{j}", f"batch {j} core(s)",
                                                [str(PY), str(BENCH / "batch.py"), "--jobs", str(j), str(plans),
                                                 str(o / f"b{j}")])) for j in (1, 2)]
        floor_runner = Runner(base_env, ROOT)
        # Every command once (works? bytecode cached), then the rounds.
        import random
        rng = random.Random(7)
        for name, _ in trees:
            for _, fig in short[name]:
                runners[name].run(fig.argv)
        jobs = [(floor_runner, floor)] + [(runners[n], f) for n, _ in trees for _, f in short[n]]
        for r in range(args.runs + 1):
            rng.shuffle(jobs)
            for runner, fig in jobs:
                sample = runner.run(fig.argv)
                if r:
                    fig.samples.append(sample)
            print(f"\r  round {r}/{args.runs}  ", end="", file=sys.stderr, flush=True)
        bjobs = [(runners[n], f) for n, _ in trees for _, f in batch[n]]
        for r in range(args.batch_runs):
            rng.shuffle(bjobs)
            for runner, fig in bjobs:
                fig.samples.append(runner.run(fig.argv))
            print(f"\r  batch round {r + 1}/{args.batch_runs}  ", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    info = machine()
    names = [n for n, _ in trees]
    lines = [f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM, {info['python']}, {info['os']}",
             "Trees: " + "; ".join(f"{n} = {s}" for n, s in trees),
             f"Runs: {args.runs} (batch {args.batch_runs}, {args.batch_size} plans); import floor median "
             f"{stat(floor.walls()).median * 1000:.0f} ms", ""]
    head = "| figure | " + " | ".join(names) + " | " + " | ".join(f"{n} ÷ floor" for n in names) + " | " + \
        " | ".join(f"{n} ÷ {names[0]}" for n in names[1:]) + " | peak MB " + " / ".join(names) + " |"
    lines += [head, "|" + "---|" * (head.count("|") - 1)]
    for i, (key, fig0) in enumerate(short[names[0]]):
        figs = [short[n][i][1] for n in names]
        meds = [f"{stat(f.walls()).median * 1000:.0f} ms" for f in figs]
        vs_floor = [f"{paired_ratio(f, floor).median:.2f}×" for f in figs]
        vs_first = [f"{paired_ratio(f, figs[0]).median:.2f}×" for f in figs[1:]]
        mem = " / ".join(f"{stat(f.rss_mb()).median:.1f}" for f in figs)
        lines.append(f"| {fig0.label} | " + " | ".join(meds) + " | " + " | ".join(vs_floor) + " | " +
                     " | ".join(vs_first) + f" | {mem} |")
    for i in range(2 if args.batch_runs else 0):  # --batch-runs 0: the start-up figures alone
        figs = [batch[n][i][1] for n in names]
        rates = [args.batch_size / stat(f.walls()).median for f in figs]
        lines.append(f"| {figs[0].label}, plans/s | " + " | ".join(f"{r:.1f}" for r in rates) + " | " +
                     " | ".join("" for _ in names) + " | " + " | ".join(f"{r / rates[0]:.2f}× faster" for r in rates[1:])
                     + " | " + " / ".join(f"{stat(f.rss_mb()).median:.1f}" for f in figs) + " |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
