"""Write src/kehoach/data/times_widths.json: advance widths of Times New Roman's characters.

Run by hand, once, when the set of characters changes (needs `pip install fonttools` and Debian's
fonts-liberation2). Liberation Serif is metric-compatible with Times New Roman: same advance width for
every character, which is all kehoach needs to size the short rules under the header lines.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
OUT = Path(__file__).resolve().parents[1] / "src/kehoach/data/times_widths.json"


def characters() -> list[str]:
    chars = [chr(c) for c in range(32, 127)]
    for start, end in ((0x00C0, 0x0250), (0x1EA0, 0x1EFA)):
        chars += [chr(c) for c in range(start, end) if unicodedata.category(chr(c)).startswith("L")]
    chars += list("–—‘’“”…•·«»")
    return chars


def widths(font_file: str) -> dict[str, int]:
    font = TTFont(FONTS / font_file)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    return {c: metrics[cmap[ord(c)]][0] for c in characters() if ord(c) in cmap}


def main() -> None:
    font = TTFont(FONTS / "LiberationSerif-Regular.ttf")
    table = {
        "units_per_em": font["head"].unitsPerEm,
        "regular": widths("LiberationSerif-Regular.ttf"),
        "bold": widths("LiberationSerif-Bold.ttf"),
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
