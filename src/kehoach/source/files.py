"""Which files a command works on: the plan files of a folder, and the folder's `.kehoach.yaml`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

CONFIG_NAME = ".kehoach.yaml"
PLAN_SUFFIXES = (".yaml", ".yml")


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named, with each folder replaced by the YAML files inside it (config files excluded)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    return found


def find_config(start: Path) -> Path | None:
    """The nearest `.kehoach.yaml` in the plan's folder or a folder above it.

    Whatever has that name counts, not only a regular file: a FIFO, a folder or a broken link there is then
    refused with its path by the guarded read (kehoach.source.reading), as a broken config is, rather than
    passed over in silence, which would check the plans with other rules than the clerk set."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_NAME
        if os.path.lexists(candidate):
            return candidate
    return None
