"""Line breaks, and line:column, as the YAML parsers count them, so that every position kehoach gives agrees
with theirs (and with what an editor shows)."""

from __future__ import annotations

import re
from typing import Any

# Line breaks as the YAML parsers count them, so our positions agree with theirs.
BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_col(text: str, index: int) -> tuple[int, int]:
    line, start = 1, 0
    for m in BREAK.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return line, index - start + 1


def line_upto(mark: Any, text: str) -> str:
    """The line of a 0-based mark up to and including its character (libyaml's index is in bytes)."""
    pos = 0
    for _ in range(mark.line):
        m = BREAK.search(text, pos)
        if m is None:
            return ""
        pos = m.end()
    return text[pos : pos + mark.column + 1]
