"""What each `kehoach check` rule costs on a plan: its import (cold) and its check (first call and warm).

    .venv/bin/python bench/rule_costs.py [PLAN.yaml ...] [--top 12]

For each plan: the rules of the "plan" stage, each run on the already-loaded plan the way
`kehoach.check.runner.run_rules` runs them; first call (what one `kehoach check` pays, caches empty) and the
median of 5 more calls (what a batch pays once warm). Prints the costliest rules first.
"""

from __future__ import annotations

import importlib
import pkgutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    args = sys.argv[1:]
    top = 12
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    plans = [Path(a) for a in args] or [ROOT / "data" / "plan_2024.yaml"]

    from kehoach import rules
    from kehoach.source.plan_file import read_plan
    from kehoach.rules.base import PlanContext

    imports = []
    for info in pkgutil.iter_modules(rules.__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        t = time.perf_counter()
        importlib.import_module(f"kehoach.rules.{info.name}")
        imports.append((time.perf_counter() - t, info.name))
    imports.sort(reverse=True)
    total = sum(t for t, _ in imports)
    print(f"importing {len(imports)} rule modules: {total * 1000:.1f} ms; costliest: "
          + ", ".join(f"{name} {t * 1000:.1f}" for t, name in imports[:5]))

    for plan_path in plans:
        loaded = read_plan(plan_path, str(plan_path))
        ctx = PlanContext(loaded.plan, loaded.source, loaded.refs, plan_path, date.today())
        rows = []
        for rule in rules.rules_of_stage("plan"):
            t = time.perf_counter()
            list(rule.check(ctx))
            first = time.perf_counter() - t
            warm = []
            for _ in range(5):
                t = time.perf_counter()
                list(rule.check(ctx))
                warm.append(time.perf_counter() - t)
            rows.append((first, statistics.median(warm), rule.ID))
        rows.sort(reverse=True)
        print(f"\n{plan_path.name}: {len(rows)} plan rules, first call {sum(r[0] for r in rows) * 1000:.1f} ms in all, "
              f"warm {sum(r[1] for r in rows) * 1000:.1f} ms")
        print(f"{'rule':32} {'first ms':>9} {'warm ms':>9}")
        for first, warm, rule_id in rows[:top]:
            print(f"{rule_id:32} {first * 1000:9.2f} {warm * 1000:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
