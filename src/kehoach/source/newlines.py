"""Line endings as the clerk's editor wrote them: a file saved with CRLF (Notepad, Word's "Plain text" on
Windows) is rewritten with CRLF by `kehoach fmt` and `kehoach new`, a file with LF keeps LF.

The YAML tools work on LF text (ruamel writes "\\n" for every line it makes), so a CRLF file is turned into
LF before and back after; without that, rewritten lines would end in LF among lines ending in CRLF.
"""

from __future__ import annotations

CRLF, LF = "\r\n", "\n"


def line_ending(text: str) -> str:
    """The file's line ending: that of its first line (an editor writes one kind); LF for a one-line file."""
    end = text.find("\n")
    return CRLF if end > 0 and text[end - 1] == "\r" else LF


def to_lf(text: str) -> str:
    return text.replace(CRLF, LF)


def with_ending(text: str, ending: str) -> str:
    """`text` (any endings) with every line ending `ending`."""
    text = to_lf(text)
    return text.replace(LF, CRLF) if ending == CRLF else text
