"""A benchmark script's own section of bench/RESULTS.md, between its `<!-- section: … -->` and `<!-- end: … -->`
markers: replaced where it stands (or added at the end), the rest of the file left as it is."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(begin: str, end: str, text: str, results: Path = RESULTS) -> None:
    """Put `text` (which starts with `begin` and ends with `end`) in place of the section in `results`."""
    current = results.read_text(encoding="utf-8") if results.exists() else ""
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        current = pattern.sub(lambda _: text, current)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    results.write_text(current.rstrip("\n") + "\n", encoding="utf-8")
