"""Plans for the benchmark, made from data/plan_2024.yaml: batch variants and plans of a given size.

Runs with the project's Python (it needs PyYAML). The generated files are ordinary plan files: every one
passes `kehoach check` without errors (the bench verifies that before timing anything).

    .venv/bin/python bench/plans.py batch 500 OUT_DIR      # 500 variants: other number, date, summary
    .venv/bin/python bench/plans.py sized 1000 OUT.yaml    # part III repeated up to 1,000 activities
"""

from __future__ import annotations

import copy
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "plan_2024.yaml"
#: The section of the 2024 plan that holds the activities («Nội dung thực hiện», part III).
ACTIVITIES_SECTION = "noi-dung-thuc-hien"


class _Dumper(yaml.SafeDumper):
    """Never anchors and aliases: kehoach refuses them in a plan file."""

    def ignore_aliases(self, data):  # noqa: D102
        return True


def _load(source: Path = SOURCE) -> dict:
    return yaml.safe_load(source.read_text(encoding="utf-8"))


def _dump(plan: dict, path: Path) -> None:
    text = yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    path.write_text(text, encoding="utf-8")


def variant(plan: dict, index: int) -> dict:
    """The 2024 plan with its own number, a date between the last basis (15/3/2024) and year end, a summary."""
    plan = copy.deepcopy(plan)
    day = date(2024, 3, 18) + timedelta(days=index % 280)
    plan["so"] = 200 + index
    plan["ngay"] = f"{day.day:02d}/{day.month}/{day.year}"
    lines = plan["trich_yeu"].splitlines()
    lines[-1] = f"{lines[-1]}, đợt {index + 1}"
    plan["trich_yeu"] = "\n".join(lines)
    return plan


def _section(plan: dict, section_id: str) -> dict:
    for block in plan["noi_dung"]:
        if isinstance(block, dict) and block.get("id") == section_id:
            return block
    raise KeyError(section_id)


def sized(plan: dict, activities: int) -> dict:
    """The 2024 plan whose part III holds `activities` activities: its own six, repeated with new ids and titles.

    The first six keep their ids, so the plan's cross-references ([[phong-su]] …) still resolve.
    """
    plan = copy.deepcopy(plan)
    section = _section(plan, ACTIVITIES_SECTION)
    others = [b for b in section["noi_dung"] if not (isinstance(b, dict) and "hoat_dong" in b)]
    originals = [b for b in section["noi_dung"] if isinstance(b, dict) and "hoat_dong" in b]
    made = []
    for i in range(activities):
        activity = copy.deepcopy(originals[i % len(originals)])
        if i >= len(originals):
            round_ = i // len(originals) + 1
            activity["id"] = f"{activity['id']}-{round_}"
            activity["hoat_dong"] = f"{activity['hoat_dong']} (đợt {round_})"
        made.append(activity)
    section["noi_dung"] = others + made
    return plan


def write_batch(count: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    plan = _load()
    paths = []
    for i in range(count):
        path = folder / f"plan_{i:04d}.yaml"
        _dump(variant(plan, i), path)
        paths.append(path)
    return paths


def write_sized(activities: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _dump(sized(_load(), activities), path)
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("batch", "sized"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, count, out = argv[0], int(argv[1]), Path(argv[2])
    if kind == "batch":
        write_batch(count, out)
    else:
        write_sized(count, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
