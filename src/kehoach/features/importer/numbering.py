"""The numbers Word draws in front of list paragraphs (numbering.xml), as the reader of the page sees them.

A clerk who let Word number the parts (I., 1., a)) has no number in the paragraph's text: Word computes it
from the list definition (ECMA-376 17.9). Here the same counting is done once, paragraph by paragraph in
document order: one counter per level of each abstract list, deeper levels restarting when a higher level
moves on, `w:startOverride` restarting a list instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from kehoach.conventions.text import roman

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Level:
    format: str  # w:numFmt: decimal, upperRoman, lowerLetter, bullet, …
    text: str  # w:lvlText, e.g. "%1." or "%1.%2."
    start: int


def _format(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(value)
    if fmt == "lowerRoman":
        return roman(value).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letters, out = _LETTERS, ""
        while value > 0:  # Word repeats the letter after z (aa, bb), a rare case kept simple
            value, rest = divmod(value - 1, 26)
            out = letters[rest] + out
        return out.upper() if fmt == "upperLetter" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Numbering:
    """The list numbers of one document, computed in document order by `label`."""

    def __init__(self, document) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._styles: dict[str, tuple[str | None, int]] = {}
        part = getattr(document.part, "numbering_part", None) if _has_numbering(document) else None
        if part is not None:
            self._read(part.element)
        for style in document.styles.element.iter(qn("w:style")):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                self._styles[style.get(qn("w:styleId"))] = _num_pr(num_pr)

    def _read(self, root) -> None:
        for abstract in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iter(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
                    _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "", int(_val(lvl, "w:start") or 1))
            self._abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iter(qn("w:num")):
            overrides = {}
            for override in num.iter(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            self._instances[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), overrides)

    def label(self, paragraph, style_id: str | None) -> str | None:
        """The number (or bullet) Word draws before `paragraph`, e.g. "II.", "1.", "a)", "-"; None if none.

        Call once per paragraph, in document order: the counters move on with each numbered paragraph."""
        num_pr = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id, level = _num_pr(num_pr) if num_pr is not None else self._styles.get(style_id or "", (None, 0))
        if not num_id or num_id == "0" or num_id not in self._instances:
            return None
        abstract_id, overrides = self._instances[num_id]
        levels = self._abstract.get(abstract_id, {})
        if level not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        definition = levels[level]
        if definition.format == "bullet":
            return "+" if definition.text.strip() == "+" else "-"
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = definition.text
        for lvl in range(level + 1):
            if f"%{lvl + 1}" in text:
                value = counters.get(lvl, levels.get(lvl, definition).start)
                text = text.replace(f"%{lvl + 1}", _format(value, levels.get(lvl, definition).format))
        return text.strip() or None


def _has_numbering(document) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return any(rel.reltype == RT.NUMBERING for rel in document.part.rels.values())


def _num_pr(num_pr) -> tuple[str | None, int]:
    return _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl") or 0)


def _val(element, tag: str) -> str | None:
    found = element.find(qn(tag))
    return found.get(qn("w:val")) if found is not None else None
