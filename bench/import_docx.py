"""`kehoach import` of the 2024 plan's .docx against `kehoach render` of the same plan: whole process, interleaved.

Target: importing the Word file takes at most 1.2× the time of rendering it (issue 16). Each round runs both
commands once, in a shuffled order, through the measuring helpers of bench/run.py (same environment: bytecode
cached, templates compiled once, peak memory read by GNU time). The imported file is removed after each run,
since `kehoach import` never writes over a file.

    .venv/bin/python bench/import_docx.py            # 20 rounds after 2 warm-up rounds
    .venv/bin/python bench/import_docx.py --runs 5   # quicker
    .venv/bin/python bench/import_docx.py --write    # and write the figures into bench/RESULTS.md (its own section)

The section says how busy the machine was: the load average, and the share of the CPU that processes other than
the benchmark's used while it ran (the figures are then upper bounds; the ratio, paired by round, moves less).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, Runner, child_env, cpu_snapshot, others_share  # noqa: E402
from sections import write_section  # noqa: E402

TARGET = 1.2
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- section: import (bench/import_docx.py) -->", "<!-- end: import -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--write", action="store_true", help="write the figures into bench/RESULTS.md")
    args = parser.parse_args(argv)
    start = cpu_snapshot()
    kehoach = str(ROOT / ".venv" / "bin" / "kehoach")
    plan = ROOT / "data" / "plan_2024.yaml"
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-import-") as folder:
        work = Path(folder)
        runner = Runner(child_env(None), work)
        document, imported = work / "ke-hoach-2024.docx", work / "ke-hoach-2024.yaml"
        render = [kehoach, "render", str(plan), "-o", str(document)]
        read_back = [kehoach, "import", str(document), "-o", str(imported)]
        runner.run(render)
        times: dict[str, list[float]] = {"render": [], "import": []}
        memory: dict[str, list[int]] = {"render": [], "import": []}
        order = random.Random(args.seed)
        for round_number in range(args.warmup + args.runs):
            pair = [("render", render), ("import", read_back)]
            order.shuffle(pair)
            for name, command in pair:
                imported.unlink(missing_ok=True)
                sample = runner.run(command)
                if round_number >= args.warmup:
                    times[name].append(sample.wall)
                    if sample.rss_kb:
                        memory[name].append(sample.rss_kb)
    others = others_share(start, cpu_snapshot(), os.cpu_count() or 1)
    ratios = [i / r for i, r in zip(times["import"], times["render"])]
    rows = []
    for name in ("render", "import"):
        rss = f"{statistics.median(memory[name]) / 1024:.0f}" if memory[name] else "–"
        rows.append((name, statistics.median(times[name]), min(times[name]), max(times[name]), rss))
        print(f"kehoach {name:6}  median {rows[-1][1] * 1000:.0f} ms (min {rows[-1][2] * 1000:.0f},"
              f" max {rows[-1][3] * 1000:.0f}), peak {rss} MB")
    ratio = statistics.median(ratios)
    verdict = "met" if ratio <= TARGET else "missed"
    print(f"import ÷ render, paired by round: median {ratio:.2f}× over {len(ratios)} rounds"
          f" (target ≤ {TARGET}×): {verdict}")
    if others is not None:
        print(f"other processes used {others:.0%} of the machine's CPU meanwhile")
    if args.write:
        write_section(BEGIN, END, section(rows, ratios, others), RESULTS)
        print(f"written: {RESULTS}", file=sys.stderr)
    return 0


def section(rows: list[tuple[str, float, float, float, str]], ratios: list[float], others: float | None) -> str:
    """This script's section of RESULTS.md: the two commands and their ratio, paired by round."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    ratio = statistics.median(ratios)
    busy = f"{others:.0%}" if others is not None else "unknown"
    lines = [
        BEGIN,
        "## Import of the 2024 plan's Word file (`bench/import_docx.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {commit}; {len(ratios)} rounds, each"
        " running both commands once in a shuffled order; whole processes. Load average at the end"
        f" {load} (1, 5, 15 min); other processes used {busy} of the machine's CPU while it ran.",
        "",
        "| command | median ms | min ms | max ms | peak MB |",
        "|---|---|---|---|---|",
        *(f"| kehoach {name} | {median * 1000:.0f} | {low * 1000:.0f} | {high * 1000:.0f} | {rss} |"
          for name, median, low, high, rss in rows),
        "",
        f"- import ÷ render, paired by round: median **{ratio:.2f}×** (min {min(ratios):.2f}, max {max(ratios):.2f});"
        f" target ≤ {TARGET}× (issue 16): **{'met' if ratio <= TARGET else 'missed'}**.",
        "- render: `kehoach render data/plan_2024.yaml -o ke-hoach-2024.docx`; import: `kehoach import"
        " ke-hoach-2024.docx -o ke-hoach-2024.yaml` (the file removed before each run: import never writes over one).",
    ]
    if others is not None and others > 0.1:
        lines.append("- The machine was shared while this ran: the times are upper bounds of a quiet machine's; the"
                     " ratio, paired by round, is less affected.")
    return "\n".join([*lines, END])


if __name__ == "__main__":
    sys.exit(main())
