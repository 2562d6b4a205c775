"""Read a .docx the way Word shows it: each paragraph's text with its effective formatting.

python-docx answers None for anything inherited; here each property is resolved through run →
paragraph style → its `basedOn` chain → document defaults (nd30.md §9), so a check can compare what a
reader actually sees with the ND30 rules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn as _qn

#: python-docx's qn parses its argument on every call; a long document asks for the same few names millions of
#: times.
qn = functools.lru_cache(maxsize=None)(_qn)

_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph as displayed: text and the formatting of its text (taken from its first run)."""

    text: str
    style_id: str | None
    in_table: bool
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
    element: object


@dataclass(frozen=True, slots=True)
class Run:
    """A run as displayed: its text and effective character formatting (run → character style →
    paragraph style → document defaults), theme fonts resolved through the document's theme."""

    text: str
    size: float | None  # points; None: set nowhere (Word then uses 10 pt)
    bold: bool
    italic: bool
    caps: bool  # w:caps or w:smallCaps: shown in capitals whatever the typed case
    underline: str | None  # w:u value (single, double, …); None or "none": not underlined
    fonts: tuple[str | None, ...]  # ascii, hAnsi, eastAsia, cs
    colour: str | None  # w:color w:val (auto, 000000, FF0000, …)
    theme_colour: str | None  # w:color w:themeColor (text1, accent1, …): wins over w:val
    element: object


class Inspector:
    """Effective formatting for the paragraphs of one document (python-docx `Document`)."""

    def __init__(self, document) -> None:
        self.document = document
        self.styles = document.styles.element
        defaults = self.styles.find(qn("w:docDefaults"))
        self._default_rpr = _find(defaults, "w:rPrDefault/w:rPr")
        self._default_ppr = _find(defaults, "w:pPrDefault/w:pPr")
        default_style = next((s for s in self.styles.iter(qn("w:style"))
                              if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")), None)
        self._default_style_id = default_style.get(qn("w:styleId")) if default_style is not None else None
        self._theme_fonts: dict[str, str] | None = None
        # Per style id: its chain, and the rPr / pPr of each style in it. A long document asks for the same
        # few styles on every paragraph and run; looking a style up walks all the styles (python-docx's
        # get_by_id is an XPath search), so without these a document of many styles reads in quadratic time.
        self._chains: dict[str | None, list] = {}
        self._rprs: dict[str | None, list] = {}
        self._pprs: dict[str | None, list] = {}
        self._shared: dict = {}  # (id of a kept chain, tag) -> the elements of that tag in it (see _found)
        self._runs: dict = {}  # (character style, paragraph style) -> a run's inherited chain
        # (style, own properties as XML) -> the resolved formatting: a long document has a handful of each.
        self._paragraph_formats: dict = {}
        self._run_formats: dict = {}
        #: Whether the body has text boxes at all: a document without any needs no ancestor walk per run.
        self.text_boxes = document.element.body.find(f".//{qn('w:txbxContent')}") is not None
        self._styles_by_id: dict[str, object] = {}
        for style in self.styles.iter(qn("w:style")):
            self._styles_by_id.setdefault(style.get(qn("w:styleId")), style)  # the first wins, as in Word

    def paragraphs(self, root=None) -> Iterator[Para]:
        """Every paragraph below `root` (default: the body), in document order, tables included."""
        root = self.document.element.body if root is None else root
        for p in root.iter(qn("w:p")):
            yield self.paragraph(p)

    def style_of(self, p) -> str | None:
        """The id of paragraph `p`'s style (the document's default paragraph style when it names none)."""
        ppr = _child(p, _PPR)
        style = _child(ppr, _PSTYLE) if ppr is not None else None
        return (style.get(_VAL) if style is not None else None) or self._default_style_id

    def paragraph(self, p) -> Para:
        style_id = self.style_of(p)
        run = p.find(_R)
        run_rpr = _child(run, _RPR) if run is not None else None
        ppr = _child(p, _PPR)
        # Paragraphs with the same style and the same own properties look the same: resolved once.
        key = (style_id, _xml(ppr), _xml(run_rpr))
        formatting = self._paragraph_formats.get(key)
        if formatting is None:
            formatting = self._paragraph_formats[key] = self._paragraph_format(style_id, ppr, run_rpr)
        return Para(
            text="".join(t.text or "" for t in p.iter(qn("w:t"))),
            style_id=style_id,
            in_table=any(True for _ in p.iterancestors(qn("w:tc"))),
            element=p,
            **formatting,
        )

    def _paragraph_format(self, style_id: str | None, ppr, run_rpr) -> dict:
        rprs = (run_rpr, self._style_rprs(style_id))
        pprs = (ppr, self._style_pprs(style_id))
        ind = lambda attr: self._first(pprs, "w:ind", lambda e: _int(e.get(qn(f"w:{attr}"))))  # noqa: E731
        first_line = ind("firstLine")
        hanging = ind("hanging")
        spacing = lambda attr: self._first(pprs, "w:spacing", lambda e: e.get(qn(f"w:{attr}")))  # noqa: E731
        return dict(
            size=self._first(rprs, "w:sz", _points),
            bold=bool(self._first(rprs, "w:b", _on)),
            italic=bool(self._first(rprs, "w:i", _on)),
            fonts=tuple(self._first(rprs, "w:rFonts", lambda e, s=slot: e.get(qn(f"w:{s}"))) for slot in _FONT_SLOTS),
            align=self._first(pprs, "w:jc", lambda e: e.get(qn("w:val"))),
            first_line=(first_line or 0) - (hanging or 0),
            left=ind("left") or ind("start") or 0,
            right=ind("right") or ind("end") or 0,
            before=_int(spacing("before")) or 0,
            after=_int(spacing("after")) or 0,
            line=_int(spacing("line")),
            line_rule=spacing("lineRule"),
            borders=self._first(pprs, "w:pBdr", _sides) or frozenset(),
        )

    def runs(self, p) -> list[Run]:
        """The runs of paragraph `p` in order (inside hyperlinks, fields and tracked insertions too, not
        inside text boxes anchored in it), each with its effective character formatting."""
        style_id = self.style_of(p)
        found = []
        for r in p.iter(qn("w:r")):
            if self.text_boxes and _inside_text_box(r, p):
                continue
            rpr = _child(r, _RPR)
            key = (style_id, _xml(rpr))  # runs formatted alike in paragraphs of one style: resolved once
            formatting = self._run_formats.get(key)
            if formatting is None:
                formatting = self._run_formats[key] = self._run_format(style_id, rpr)
            found.append(Run(text="".join(t.text or "" for t in r.iter(qn("w:t"))), element=r, **formatting))
        return found

    def _run_format(self, style_id: str | None, rpr) -> dict:
        rprs = (rpr, self._run_chain(_val(_find(rpr, "w:rStyle")), style_id))
        return dict(
            size=self._first(rprs, "w:sz", _points),
            bold=bool(self._first(rprs, "w:b", _on)),
            italic=bool(self._first(rprs, "w:i", _on)),
            caps=bool(self._first(rprs, "w:caps", _on) or self._first(rprs, "w:smallCaps", _on)),
            underline=self._first(rprs, "w:u", lambda e: e.get(qn("w:val")) or "single"),
            fonts=tuple(self._font(rprs, slot) for slot in _FONT_SLOTS),
            colour=self._first(rprs, "w:color", lambda e: e.get(qn("w:val"))),
            theme_colour=self._first(rprs, "w:color", lambda e: e.get(qn("w:themeColor"))),
        )

    def paragraph_property(self, p, tag: str, read):
        """Any paragraph property of `p` (e.g. "w:contextualSpacing"), resolved through its style chain and
        the document defaults: `read(element)` turns the most specific element found into a value."""
        style_id = self.style_of(p)
        return self._first((_child(p, _PPR), self._style_pprs(style_id)), tag, read)

    def theme_fonts(self) -> dict[str, str]:
        """The theme's fonts by the names `w:asciiTheme` and its siblings use (minorHAnsi → Calibri, …)."""
        if self._theme_fonts is None:
            self._theme_fonts = _read_theme_fonts(self.document)
        return self._theme_fonts

    def _font(self, rprs, slot: str) -> str | None:
        # A theme attribute wins over the plain name on the same element (ECMA-376 17.3.2.26).
        theme_attr = qn("w:cstheme") if slot == "cs" else qn(f"w:{slot}Theme")
        own, chain = rprs
        for rfonts in self._found(own, chain, qn("w:rFonts")):
            theme = rfonts.get(theme_attr)
            if theme:
                return self.theme_fonts().get(theme)
            name = rfonts.get(qn(f"w:{slot}"))
            if name:
                return name
        return None

    def theme_font_attributes(self) -> list[str]:
        """Any theme-font attribute left in the styles or the document: each one overrides Times New Roman."""
        found = []
        for root in (self.styles, self.document.element):
            for rfonts in root.iter(qn("w:rFonts")):
                found += [k for k in rfonts.attrib if k.endswith("Theme") or k.endswith("theme")]
        return found

    def _first(self, containers: tuple, tag: str, read):
        """The first of (own properties, a style chain's) that sets `tag`, read with `read`; a setting of None
        (an attribute absent there) falls through to the next."""
        own, chain = containers
        for element in self._found(own, chain, qn(tag)):
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

    def _style_chain(self, style_id: str | None) -> list:
        """The style and those it is based on, most specific first (a loop in basedOn stops at the repeat)."""
        chain = self._chains.get(style_id)
        if chain is None:
            chain, seen, current = [], set(), style_id
            while current and current not in seen:
                seen.add(current)
                style = self._styles_by_id.get(current)
                if style is None:
                    break
                chain.append(style)
                current = _val(style.find(qn("w:basedOn")))
            self._chains[style_id] = chain
        return chain

    def _style_rprs(self, style_id: str | None) -> list:
        """The run properties of the style chain, then the document's defaults."""
        found = self._rprs.get(style_id)
        if found is None:
            found = self._rprs[style_id] = [_find(s, "w:rPr") for s in self._style_chain(style_id)] + [self._default_rpr]
        return found

    def _style_pprs(self, style_id: str | None) -> list:
        """The paragraph properties of the style chain, then the document's defaults."""
        found = self._pprs.get(style_id)
        if found is None:
            found = self._pprs[style_id] = [_find(s, "w:pPr") for s in self._style_chain(style_id)] + [self._default_ppr]
        return found


_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)?")
_TWIPS = {"": 1, "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "pc": 240, "pi": 240}
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_THEME_SLOTS = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


def _read_theme_fonts(document) -> dict[str, str]:
    from lxml import etree

    theme = next((rel.target_part for rel in document.part.rels.values()
                  if rel.reltype == _THEME and not rel.is_external), None)
    if theme is None:
        return {}
    root = etree.fromstring(theme.blob)
    fonts = {}
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


def _inside_text_box(element, paragraph) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == qn("w:txbxContent"):
            return True
    return False


def _find(element, path: str):
    if element is None:
        return None
    return element.find(_clark_path(path))


@functools.lru_cache(maxsize=None)
def _clark_path(path: str) -> str:
    return "/".join(qn(part) for part in path.split("/"))


def _val(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def twips(value: str | None) -> int | None:
    """A length attribute in twips; OOXML also allows a number with a unit ("1cm", "12pt")."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        match = _MEASURE.fullmatch(value.strip())
        return round(float(match[1]) * _TWIPS[match[2] or ""]) if match else None


_int = twips


def _points(sz) -> float | None:
    """A w:sz in points: half-points, or a number with a unit."""
    value = sz.get(qn("w:val")) or ""
    match = _MEASURE.fullmatch(value.strip())
    if match is None:
        return None
    return float(match[1]) / 2 if not match[2] else float(match[1]) * _TWIPS[match[2]] / 20


def _on(element) -> bool:
    return element.get(qn("w:val")) not in ("0", "false", "off")


def _sides(pbdr) -> frozenset[str]:
    return frozenset(child.tag.rsplit("}", 1)[1] for child in pbdr if child.get(qn("w:val")) not in ("nil", "none"))


_PPR, _PSTYLE, _VAL, _R, _RPR = qn("w:pPr"), qn("w:pStyle"), qn("w:val"), qn("w:r"), qn("w:rPr")


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


def _first(containers, tag: str, read):
    """The first container (most specific first) that sets `tag`, read with `read`; a setting of
    None (an attribute absent on that element) falls through to the next container."""
    clark = qn(tag)
    for container in containers:
        if container is None:
            continue
        element = container.find(clark)
        if element is None:
            continue
        value = read(element)
        if value is not None:
            return value
    return None
