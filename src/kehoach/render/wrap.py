"""Break a title kehoach composes (not one the clerk wrote line by line) into lines, as a clerk would.

A clerk breaks a long trích yếu by hand between phrases — after a colon or a comma, before «thuộc», «về»,
«năm 2024» — never inside a word, and keeps the centred lines of similar length. A Vietnamese word is
several syllables written apart («Chương trình»), so Word, which breaks at any space, splits words. kehoach
does the clerk's work for the titles it writes itself («Về việc ban hành Kế hoạch …»): the break points the
clerk chose in the plan's own summary, a colon and the words that open a phrase are free, a comma costs a
little (it may stand inside «phòng, chống»); breaking anywhere else is allowed only when nothing else fits.
Among the ways that cost the same, lines of similar length are preferred.
"""

from __future__ import annotations

from kehoach import profiles
from kehoach.render.measure import text_width

#: Room left for the difference between the width table and the font a reader has (and Word's rounding).
_SAFETY = 0.92
#: A number stays on the line of the word that announces it: «số 36/KH-UBND», «ngày 12/3/2024», «năm 2024».
_BEFORE_NUMBER = {"số", "ngày", "tháng", "năm"}
#: Words that open a phrase: a line may start with them.
_OPENERS = {"về", "thuộc", "trên", "của", "và", "tại", "cho", "theo", "với", "đến", "trong", "năm", "ngày", "giai",
            "nhằm", "để", "từ", "đối", "giữa", "khi", "sau", "trước"}
# Costs, in squared line widths: an empty line's worth of raggedness is 1.
_LINE = 0.3  # each line: fewer lines are better
_WORD_BREAK = 1.0  # a break inside a phrase (and so, maybe, inside a word)
_COMMA_BREAK = 0.3  # after a comma: often inside a set phrase («phòng, chống»)


def balanced_lines(text: str, size: float, bold: bool, width: int | None = None) -> list[str]:
    """`text` in lines that fit `width` (twips), broken between phrases and of similar length; a line break
    in `text` marks a place the clerk chose to break. Without `width`: the text width of the default layout."""
    if width is None:
        width = profiles.load().text_width
    units, breaks = _units(text)
    if not units:
        return []
    limit = int(width * _SAFETY)
    widths = {}

    def measure(start: int, end: int) -> int:
        if (start, end) not in widths:
            widths[start, end] = text_width(" ".join(units[start:end]), size, bold)
        return widths[start, end]

    # best[i]: the cheapest way to set units[:i], as (cost, where its last line starts).
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * len(units)
    for end in range(1, len(units) + 1):
        for start in range(end - 1, -1, -1):
            line = measure(start, end)
            if line > limit and end - start > 1:
                break  # longer lines only get wider
            cost = best[start][0] + ((limit - min(line, limit)) / limit) ** 2 + _LINE
            if start:
                cost += breaks[start]
            if cost < best[end][0]:
                best[end] = (cost, start)
    lines, end = [], len(units)
    while end:
        start = best[end][1]
        lines.insert(0, " ".join(units[start:end]))
        end = start
    return lines


def _units(text: str) -> tuple[list[str], list[float]]:
    """The words of `text`, each number joined to the word announcing it, and for each the cost of starting a
    line with it: none after the clerk's own line break, a colon, or on a word that opens a phrase."""
    units: list[str] = []
    breaks: list[float] = []
    for number, line in enumerate(text.splitlines()):
        for index, word in enumerate(line.split()):
            if units and index and units[-1].split(" ")[-1].lower() in _BEFORE_NUMBER and word[:1].isdigit():
                units[-1] += f" {word}"
                continue
            mark = units[-1][-1:] if units else ""
            if (number > 0 and index == 0) or mark == ":" or word.lower() in _OPENERS:
                breaks.append(0.0)
            else:
                breaks.append(_COMMA_BREAK if mark in (",", ";") else _WORD_BREAK)
            units.append(word)
    return units, breaks
