"""Read a .docx the way Word shows it: each paragraph's text with its effective formatting.

python-docx answers None for anything inherited; here each property is resolved through run →
paragraph style → its `basedOn` chain → document defaults (nd30.md §9), so a check can compare what a
reader actually sees with the ND30 rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn

_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


@dataclass(frozen=True)
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

    def paragraphs(self, root=None) -> Iterator[Para]:
        """Every paragraph below `root` (default: the body), in document order, tables included."""
        root = self.document.element.body if root is None else root
        for p in root.iter(qn("w:p")):
            yield self.paragraph(p)

    def paragraph(self, p) -> Para:
        style_id = _val(_find(p, "w:pPr/w:pStyle")) or self._default_style_id
        chain = self._style_chain(style_id)
        run = p.find(qn("w:r"))
        run_rpr = run.find(qn("w:rPr")) if run is not None else None
        rprs = [run_rpr] + [_find(s, "w:rPr") for s in chain] + [self._default_rpr]
        pprs = [p.find(qn("w:pPr"))] + [_find(s, "w:pPr") for s in chain] + [self._default_ppr]
        size = _first(rprs, "w:sz", lambda e: int(e.get(qn("w:val"))) / 2)
        ind = lambda attr: _first(pprs, "w:ind", lambda e: _int(e.get(qn(f"w:{attr}"))))  # noqa: E731
        first_line = ind("firstLine")
        hanging = ind("hanging")
        spacing = lambda attr: _first(pprs, "w:spacing", lambda e: e.get(qn(f"w:{attr}")))  # noqa: E731
        return Para(
            text="".join(t.text or "" for t in p.iter(qn("w:t"))),
            style_id=style_id,
            in_table=any(True for _ in p.iterancestors(qn("w:tc"))),
            size=size,
            bold=bool(_first(rprs, "w:b", _on)),
            italic=bool(_first(rprs, "w:i", _on)),
            fonts=tuple(_first(rprs, "w:rFonts", lambda e, s=slot: e.get(qn(f"w:{s}"))) for slot in _FONT_SLOTS),
            align=_first(pprs, "w:jc", lambda e: e.get(qn("w:val"))),
            first_line=(first_line or 0) - (hanging or 0),
            left=ind("left") or ind("start") or 0,
            right=ind("right") or ind("end") or 0,
            before=_int(spacing("before")) or 0,
            after=_int(spacing("after")) or 0,
            line=_int(spacing("line")),
            line_rule=spacing("lineRule"),
            borders=_first(pprs, "w:pBdr", _sides) or frozenset(),
            element=p,
        )

    def theme_font_attributes(self) -> list[str]:
        """Any theme-font attribute left in the styles or the document: each one overrides Times New Roman."""
        found = []
        for root in (self.styles, self.document.element):
            for rfonts in root.iter(qn("w:rFonts")):
                found += [k for k in rfonts.attrib if k.endswith("Theme") or k.endswith("theme")]
        return found

    def _style_chain(self, style_id: str | None) -> list:
        chain = []
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get_by_id(style_id)
            if style is None:
                break
            chain.append(style)
            style_id = _val(style.find(qn("w:basedOn")))
        return chain


def _find(element, path: str):
    if element is None:
        return None
    return element.find("/".join(qn(part) for part in path.split("/")))


def _val(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _int(value) -> int | None:
    return int(value) if value not in (None, "") else None


def _on(element) -> bool:
    return element.get(qn("w:val")) not in ("0", "false", "off")


def _sides(pbdr) -> frozenset[str]:
    return frozenset(child.tag.rsplit("}", 1)[1] for child in pbdr if child.get(qn("w:val")) not in ("nil", "none"))


def _first(containers, tag: str, read):
    """The first container (most specific first) that sets `tag`, read with `read`; a setting of
    None (an attribute absent on that element) falls through to the next container."""
    for container in containers:
        if container is None:
            continue
        element = container.find(qn(tag))
        if element is None:
            continue
        value = read(element)
        if value is not None:
            return value
    return None
