"""Effective formatting of Word paragraphs and runs, resolved as Word resolves it.

A paragraph or a run sets little itself; the rest comes from its character style, its paragraph style and
the styles that style is `basedOn`, then the document's defaults (nd30.md §9). `Styles` resolves each
property from the styles part alone — plain lxml elements, no python-docx — so that a check compares what a
reader actually sees with the layout rules. A long document repeats a handful of styles and formattings over
tens of thousands of paragraphs: each style chain, and each distinct formatting, is resolved once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_PPR, _PSTYLE, _RSTYLE, _VAL, _R, _RPR, _T = (W + n for n in ("pPr", "pStyle", "rStyle", "val", "r", "rPr", "t"))
_TXBX = W + "txbxContent"


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """How a paragraph is laid out, and how its text looks (taken from its first run)."""

    style_id: str | None
    size: float | None  # points
    bold: bool
    italic: bool
    fonts: tuple[str | None, ...]  # ascii, hAnsi, eastAsia, cs
    align: str | None  # w:jc value: both, center, left, right
    first_line: int  # twips (negative: hanging)
    left: int
    right: int
    before: int  # twips
    after: int
    line: int | None
    line_rule: str | None
    borders: frozenset[str]  # sides of the paragraph border: top, left, bottom, right
    auto_before: bool  # spacing before "Auto" (Word lays out 14 pt)
    auto_after: bool
    contextual: bool  # "don't add space between paragraphs of the same style"


@dataclass(frozen=True, slots=True)
class RunFormat:
    """A run's effective character formatting (run → character style → paragraph style → defaults)."""

    size: float | None  # points; None: set nowhere (Word then uses 10 pt)
    bold: bool
    italic: bool
    caps: bool  # w:caps or w:smallCaps: shown in capitals whatever the typed case
    underline: str | None  # w:u value (single, double, …); None or "none": not underlined
    fonts: tuple[str | None, ...]  # ascii, hAnsi, eastAsia, cs
    colour: str | None  # w:color w:val (auto, 000000, FF0000, …)
    theme_colour: str | None  # w:color w:themeColor (text1, accent1, …): wins over w:val


class Run:
    """A run as displayed: its text and its effective formatting (shared by every run formatted alike)."""

    __slots__ = ("text", "format")

    def __init__(self, text: str, format: RunFormat) -> None:  # noqa: A002 - the word Word uses
        self.text = text
        self.format = format

    size = property(lambda self: self.format.size)
    bold = property(lambda self: self.format.bold)
    italic = property(lambda self: self.format.italic)
    caps = property(lambda self: self.format.caps)
    underline = property(lambda self: self.format.underline)
    fonts = property(lambda self: self.format.fonts)
    colour = property(lambda self: self.format.colour)
    theme_colour = property(lambda self: self.format.theme_colour)

    def __repr__(self) -> str:
        return f"Run({self.text!r}, {self.format})"


class Styles:
    """The styles part of one document (`root`: its `w:styles` element, None when the document has none),
    and the theme's fonts (`theme_fonts`: called once, when a theme font is first met)."""

    def __init__(self, root, theme_fonts: Callable[[], dict[str, str]] = dict) -> None:
        self.root = root
        defaults = root.find(W + "docDefaults") if root is not None else None
        self._default_rpr = _find(defaults, "rPrDefault/rPr")
        self._default_ppr = _find(defaults, "pPrDefault/pPr")
        self._read_theme_fonts = theme_fonts
        self._theme_fonts: dict[str, str] | None = None
        self._by_id: dict[str, object] = {}
        self._defaults: dict[str, object] = {}
        for style in root.iter(W + "style") if root is not None else ():
            self._by_id.setdefault(style.get(W + "styleId"), style)  # the first wins, as in Word
            kind = style.get(W + "type")
            if style.get(W + "default") in ("1", "true"):
                self._defaults.setdefault(kind, style)
        default_style = self._defaults.get("paragraph")
        self._default_style_id = default_style.get(W + "styleId") if default_style is not None else None
        # Per style id: its chain, and the rPr / pPr of each style in it, looked up once.
        self._chains: dict[str | None, list] = {}
        self._rprs: dict[str | None, list] = {}
        self._pprs: dict[str | None, list] = {}
        self._shared: dict = {}  # (id of a kept chain, tag) -> the elements of that tag in it (see _found)
        self._runs: dict = {}  # (character style, paragraph style) -> a run's inherited chain
        # (style, own properties as a value) -> the resolved formatting: a long document has a handful of each.
        self._paragraph_formats: dict = {}
        self._run_formats: dict = {}

    # -- styles --------------------------------------------------------------------------------------

    def style(self, style_id: str | None):
        """The style element of that id (the first, as Word takes it), or None."""
        return self._by_id.get(style_id)

    def default_style(self, kind: str):
        """The document's default style of `kind` (paragraph, table, character), or None."""
        return self._defaults.get(kind)

    def style_of(self, p) -> str | None:
        """The id of paragraph `p`'s style (the document's default paragraph style when it names none)."""
        ppr = _child(p, _PPR)
        style = _child(ppr, _PSTYLE) if ppr is not None else None
        return (style.get(_VAL) if style is not None else None) or self._default_style_id

    def theme_fonts(self) -> dict[str, str]:
        """The theme's fonts by the names `w:asciiTheme` and its siblings use (minorHAnsi → Calibri, …)."""
        if self._theme_fonts is None:
            self._theme_fonts = self._read_theme_fonts()
        return self._theme_fonts

    # -- paragraphs and runs -------------------------------------------------------------------------

    def paragraph(self, p, style_id: str | None = None) -> ParagraphFormat:
        """Paragraph `p`'s layout and the look of its first run (`style_id`: as for `runs`)."""
        style_id = style_id or self.style_of(p)
        run = _child(p, _R)  # the first run directly in the paragraph
        run_rpr = _child(run, _RPR) if run is not None else None
        ppr = _child(p, _PPR)
        # Paragraphs with the same style and the same own properties look the same: resolved once.
        key = (style_id, _xml(ppr), _xml(run_rpr))
        found = self._paragraph_formats.get(key)
        if found is None:
            found = self._paragraph_formats[key] = self._paragraph_format(style_id, ppr, run_rpr)
        return found

    def runs(self, p, text_boxes: bool = True, style_id: str | None = None) -> list[Run]:
        """The runs of paragraph `p` in order (inside hyperlinks, fields and tracked insertions too; with
        `text_boxes`, not inside text boxes anchored in it), each with its effective formatting. `style_id`:
        the paragraph's style when the caller knows it already (`style_of`)."""
        style_id = style_id or self.style_of(p)
        found = []
        for r in p.iter(_R):
            if text_boxes and _inside_text_box(r, p):
                continue
            rpr = _child(r, _RPR)
            key = (style_id, _xml(rpr))  # runs formatted alike in paragraphs of one style: resolved once
            formatting = self._run_formats.get(key)
            if formatting is None:
                formatting = self._run_formats[key] = self._run_format(style_id, rpr)
            found.append(Run("".join(t.text or "" for t in r.iter(_T)), formatting))
        return found

    def _paragraph_format(self, style_id: str | None, ppr, run_rpr) -> ParagraphFormat:
        rprs = (run_rpr, self._style_rprs(style_id))
        pprs = (ppr, self._style_pprs(style_id))
        ind = lambda attr: self._first(pprs, "ind", lambda e: twips(e.get(W + attr)))  # noqa: E731
        spacing = lambda attr: self._first(pprs, "spacing", lambda e: e.get(W + attr))  # noqa: E731
        auto = lambda attr: bool(self._first(pprs, "spacing", lambda e: _flag(e, attr)))  # noqa: E731
        return ParagraphFormat(
            style_id=style_id,
            size=self._first(rprs, "sz", _points),
            bold=bool(self._first(rprs, "b", _on)),
            italic=bool(self._first(rprs, "i", _on)),
            fonts=tuple(self._first(rprs, "rFonts", lambda e, s=slot: e.get(W + s)) for slot in _FONT_SLOTS),
            align=self._first(pprs, "jc", lambda e: e.get(_VAL)),
            first_line=(ind("firstLine") or 0) - (ind("hanging") or 0),
            left=ind("left") or ind("start") or 0,
            right=ind("right") or ind("end") or 0,
            before=twips(spacing("before")) or 0,
            after=twips(spacing("after")) or 0,
            line=twips(spacing("line")),
            line_rule=spacing("lineRule"),
            borders=self._first(pprs, "pBdr", _sides) or frozenset(),
            auto_before=auto("beforeAutospacing"),
            auto_after=auto("afterAutospacing"),
            contextual=bool(self._first(pprs, "contextualSpacing", _on)),
        )

    def _run_format(self, style_id: str | None, rpr) -> RunFormat:
        rprs = (rpr, self._run_chain(_val(_find(rpr, "rStyle")), style_id))
        return RunFormat(
            size=self._first(rprs, "sz", _points),
            bold=bool(self._first(rprs, "b", _on)),
            italic=bool(self._first(rprs, "i", _on)),
            caps=bool(self._first(rprs, "caps", _on) or self._first(rprs, "smallCaps", _on)),
            underline=self._first(rprs, "u", lambda e: e.get(_VAL) or "single"),
            fonts=tuple(self._font(rprs, slot) for slot in _FONT_SLOTS),
            colour=self._first(rprs, "color", lambda e: e.get(_VAL)),
            theme_colour=self._first(rprs, "color", lambda e: e.get(W + "themeColor")),
        )

    def _font(self, rprs, slot: str) -> str | None:
        # A theme attribute wins over the plain name on the same element (ECMA-376 17.3.2.26).
        theme_attr = W + ("cstheme" if slot == "cs" else f"{slot}Theme")
        own, chain = rprs
        for rfonts in self._found(own, chain, W + "rFonts"):
            theme = rfonts.get(theme_attr)
            if theme:
                return self.theme_fonts().get(theme)
            name = rfonts.get(W + slot)
            if name:
                return name
        return None

    # -- inheritance ---------------------------------------------------------------------------------

    def _first(self, containers: tuple, tag: str, read):
        """The first of (own properties, a style chain's) that sets `tag` (a w: name without its prefix),
        read with `read`; a setting of None (an attribute absent there) falls through to the next."""
        own, chain = containers
        for element in self._found(own, chain, W + tag.removeprefix("w:")):
            value = read(element)
            if value is not None:
                return value
        return None

    def _found(self, own, chain: list, clark: str) -> list:
        """The elements `clark` in `own` then in each of `chain`, most specific first. What a chain holds is
        looked up once per document (the chains are kept, so each list is the same object every time)."""
        key = (id(chain), clark)
        inherited = self._shared.get(key)
        if inherited is None:
            inherited = self._shared[key] = [e for c in chain if c is not None for e in (c.find(clark),)
                                             if e is not None]
        element = _child(own, clark) if own is not None else None
        return inherited if element is None else [element, *inherited]

    def _run_chain(self, char_style: str | None, style_id: str | None) -> list:
        """A run's inherited properties: its character style's chain, then its paragraph style's and defaults."""
        key = (char_style, style_id)
        chain = self._runs.get(key)
        if chain is None:
            chain = self._runs[key] = self._style_rprs(char_style)[:-1] + self._style_rprs(style_id)
        return chain

    def chain(self, style_id: str | None) -> list:
        """The style and those it is based on, most specific first (a loop in basedOn stops at the repeat)."""
        chain = self._chains.get(style_id)
        if chain is None:
            chain, seen, current = [], set(), style_id
            while current and current not in seen:
                seen.add(current)
                style = self._by_id.get(current)
                if style is None:
                    break
                chain.append(style)
                current = _val(style.find(W + "basedOn"))
            self._chains[style_id] = chain
        return chain

    def _style_rprs(self, style_id: str | None) -> list:
        """The run properties of the style chain, then the document's defaults."""
        found = self._rprs.get(style_id)
        if found is None:
            found = self._rprs[style_id] = [_find(s, "rPr") for s in self.chain(style_id)] + [self._default_rpr]
        return found

    def _style_pprs(self, style_id: str | None) -> list:
        """The paragraph properties of the style chain, then the document's defaults."""
        found = self._pprs.get(style_id)
        if found is None:
            found = self._pprs[style_id] = [_find(s, "pPr") for s in self.chain(style_id)] + [self._default_ppr]
        return found


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_THEME_SLOTS = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


def theme_fonts(root) -> dict[str, str]:
    """The fonts of a theme part (`root`: its `a:theme` element) by the names runs use: minorHAnsi, …"""
    fonts: dict[str, str] = {}
    if root is None:
        return fonts
    for kind in ("major", "minor"):
        scheme = root.find(f".//{_DRAWING}{kind}Font")
        if scheme is None:
            continue
        for suffix, script in _THEME_SLOTS.items():
            element = scheme.find(f"{_DRAWING}{script}")
            typeface = element.get("typeface") if element is not None else None
            if typeface:  # an empty typeface means "none": Word falls back, nothing to report
                fonts[f"{kind}{suffix}"] = typeface
    return fonts


_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)?")
_TWIPS = {"": 1, "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "pc": 240, "pi": 240}


def twips(value: str | None) -> int | None:
    """A length attribute in twips; OOXML also allows a number with a unit ("1cm", "12pt")."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        match = _MEASURE.fullmatch(value.strip())
        return round(float(match[1]) * _TWIPS[match[2] or ""]) if match else None


def _points(sz) -> float | None:
    """A w:sz in points: half-points, or a number with a unit."""
    value = sz.get(_VAL) or ""
    match = _MEASURE.fullmatch(value.strip())
    if match is None:
        return None
    return float(match[1]) / 2 if not match[2] else float(match[1]) * _TWIPS[match[2]] / 20


def _on(element) -> bool:
    return element.get(_VAL) not in ("0", "false", "off")


def _flag(element, attribute: str) -> bool | None:
    value = element.get(W + attribute)
    return None if value is None else value not in ("0", "false", "off")


def _sides(pbdr) -> frozenset[str]:
    return frozenset(child.tag.rsplit("}", 1)[1] for child in pbdr if child.get(_VAL) not in ("nil", "none"))


def _inside_text_box(element, paragraph) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _TXBX:
            return True
    return False


def _find(element, path: str):
    if element is None:
        return None
    return element.find(_clark_path(path))


@functools.lru_cache(maxsize=None)
def _clark_path(path: str) -> str:
    return "/".join(W + part for part in path.split("/"))


def _val(element) -> str | None:
    return element.get(_VAL) if element is not None else None


def _child(element, clark: str):
    """The first child of `element` named `clark`, or None. Properties are a paragraph's or run's first child
    and hold a few children each: looking at them is faster than lxml's find, which parses a path each time."""
    for child in element:
        if child.tag == clark:
            return child
    return None


def _xml(element) -> tuple:
    """An element's properties as a value, to tell formatting apart (() when there are none): each child's name
    and attributes, and theirs in turn (a border's sides, a font's slots)."""
    if element is None:
        return ()
    return tuple((child.tag, tuple(child.attrib.items()), _xml(child) if len(child) else ()) for child in element)
