"""Word-level differences between two texts, shared by `kehoach diff`'s text output and its tracked changes.

A text is cut into words, the punctuation around them, and the spaces between them, so that «2024;» changed
to «2025;» is a change of «2024» alone. Spaces standing between two changes are taken into the change
(«a b» → «x y» is one replacement, not two).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_CHUNK = re.compile(r"\s+|\S+")
# A word with the punctuation before and after it split off: «2024;» changes as «2024», not as «2024;»,
# and the end mark «./.» stands apart from the last word.
_WORD = re.compile(r"([(«“\"']*)(.*?)([.,;:!?)»”\"'/]*)", re.DOTALL)

#: The marks of a deletion and an insertion in text output (those of `git diff --word-diff`).
DELETED, INSERTED = ("[-", "-]"), ("{+", "+}")
#: Unchanged words kept on each side of a change; a longer unchanged stretch is shortened to «…».
CONTEXT = 6
#: Below this many words in both texts, the two are shown whole (a name, a date, a number).
SHORT = 6


def tokens(text: str) -> list[str]:
    """Words, the punctuation around them, and the spaces between them; joined, they give `text` back."""
    found: list[str] = []
    for chunk in _CHUNK.findall(text):
        if chunk.isspace():
            found.append(chunk)
        else:
            found += [part for part in _WORD.fullmatch(chunk).groups() if part]
    return found


def opcodes(old: list[str], new: list[str]) -> list[tuple]:
    """difflib's opcodes of two token lists, with the spaces between two changes taken into the change."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    ops = matcher.get_opcodes()
    joined: list[tuple] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        # difflib alternates equal and unequal opcodes, so an equal one inside is between two changes.
        if tag == "equal" and 0 < index < len(ops) - 1 and all(t.isspace() for t in old[i1:i2]):
            tag = "replace"
        if tag != "equal" and joined and joined[-1][0] != "equal":
            tag, i1, j1 = "replace", joined[-1][1], joined[-1][3]
            joined.pop()
        joined.append((tag, i1, i2, j1, j2))
    return joined


def is_short(old: str, new: str) -> bool:
    return len(old.split()) < SHORT or len(new.split()) < SHORT


def marked(old: str, new: str, context: int = CONTEXT) -> str:
    """`new` with the changed words marked: «… năm [-2024-]{+2025+} trên địa bàn huyện».

    Unchanged stretches longer than twice `context` words keep `context` words on each side of a change.
    """
    a, b = tokens(old), tokens(new)
    pieces: list[str] = []
    ops = opcodes(a, b)
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            pieces.append(_shortened(b[j1:j2], context, first=index == 0, last=index == len(ops) - 1))
            continue
        gone, came = "".join(a[i1:i2]), "".join(b[j1:j2])
        # Spaces around the change are written outside the marks: «xã {+năm 2025+}», not «xã{+ năm 2025+}».
        parts = [part for part in (gone, came) if part]
        if any(part.isspace() for part in parts):  # a change of spacing alone stays inside its marks
            parts = ["x"]
        before = _common(part[:len(part) - len(part.lstrip())] for part in parts)
        after = _common(part[len(part.rstrip()):] for part in parts)
        gone, came = (part[len(before):len(part) - len(after)] if part else part for part in (gone, came))
        pieces.append(before)
        if gone:
            pieces.append(DELETED[0] + gone + DELETED[1])
        if came:
            pieces.append(INSERTED[0] + came + INSERTED[1])
        pieces.append(after)
    return "".join(pieces)


def _common(spaces) -> str:
    """The same run of spaces at that end of every part, else none."""
    found = set(spaces)
    return found.pop() if len(found) == 1 else ""


def _shortened(stretch: list[str], context: int, first: bool, last: bool) -> str:
    words = [k for k, token in enumerate(stretch) if not token.isspace()]
    if len(words) <= 2 * context:
        return "".join(stretch)
    keep_before = 0 if first else context  # words kept after the change before this stretch
    keep_after = 0 if last else context  # words kept before the change after it
    head = "".join(stretch[:words[keep_before - 1] + 1]) if keep_before else ""
    tail = "".join(stretch[words[-keep_after]:]) if keep_after else ""
    return f"{head} … {tail}".strip() if head and tail else (f"{head} …" if head else f"… {tail}")
