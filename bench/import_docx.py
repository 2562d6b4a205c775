"""`kehoach import` of the 2024 plan's .docx against `kehoach render` of the same plan: whole process, interleaved.

Target: importing the Word file takes at most 1.2× the time of rendering it (issue 16). Each round runs both
commands once, in a shuffled order, through the measuring helpers of bench/run.py (same environment: bytecode
cached, templates compiled once, peak memory read by GNU time). The imported file is removed after each run,
since `kehoach import` never writes over a file.

    .venv/bin/python bench/import_docx.py            # 20 rounds after 2 warm-up rounds
    .venv/bin/python bench/import_docx.py --runs 5   # quicker
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, Runner, child_env  # noqa: E402

TARGET = 1.2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
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
    ratios = [i / r for i, r in zip(times["import"], times["render"])]
    for name in ("render", "import"):
        rss = f", peak {statistics.median(memory[name]) / 1024:.0f} MB" if memory[name] else ""
        print(f"kehoach {name:6}  median {statistics.median(times[name]) * 1000:.0f} ms"
              f" (min {min(times[name]) * 1000:.0f}, max {max(times[name]) * 1000:.0f}){rss}")
    ratio = statistics.median(ratios)
    verdict = "passes" if ratio <= TARGET else "misses"
    print(f"import ÷ render, paired by round: median {ratio:.2f}× over {len(ratios)} rounds"
          f" (target ≤ {TARGET}×): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
