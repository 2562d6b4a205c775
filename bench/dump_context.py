"""Dump the render context of a plan as JSON, for the peers (bare docxtpl, pandoc) to work from.

    .venv/bin/python bench/dump_context.py data/plan_2024.yaml OUT.json

The context is exactly what `kehoach render` fills the template with:
`kehoach.render.context.build_context(plan, refs)` after `kehoach.source.plan_file.read_plan(path)`.
Made once by the bench, before any timing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kehoach.source.plan_file import read_plan
from kehoach.render.context import build_context


def dump(plan_path: Path, out: Path) -> None:
    loaded = read_plan(plan_path, str(plan_path))
    context = build_context(loaded.plan, loaded.refs)
    out.write_text(json.dumps(context, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    dump(Path(sys.argv[1]), Path(sys.argv[2]))
