"""A python-docx `Document` read the way Word shows it: each paragraph's text with its effective formatting.

python-docx answers None for anything inherited; `Inspector` resolves each property through the styles
(kehoach.inspect.formatting), for code and tests that already hold a python-docx document — the rendered
output, a template. `kehoach check` of a .docx does not come here: it streams the file (kehoach.inspect.body).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.inspect.formatting import W, Run, Styles, theme_fonts

_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


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


_PARA_FIELDS = ("size", "bold", "italic", "fonts", "align", "first_line", "left", "right", "before", "after", "line",
                "line_rule", "borders")


class Inspector:
    """Effective formatting for the paragraphs of one document (python-docx `Document`)."""

    def __init__(self, document) -> None:
        self.document = document
        self.styles = document.styles.element
        self._styles = Styles(self.styles, lambda: _read_theme_fonts(document))
        #: Whether the body has text boxes at all: their runs and text are left out of the paragraph anchoring them.
        self.text_boxes = document.element.body.find(f".//{W}txbxContent") is not None

    def paragraphs(self, root=None) -> Iterator[Para]:
        """Every paragraph below `root` (default: the body), in document order, tables included."""
        root = self.document.element.body if root is None else root
        for p in root.iter(W + "p"):
            yield self.paragraph(p)

    def style_of(self, p) -> str | None:
        """The id of paragraph `p`'s style (the document's default paragraph style when it names none)."""
        return self._styles.style_of(p)

    def paragraph(self, p) -> Para:
        formatting = self._styles.paragraph(p)
        return Para(
            text="".join(t.text or "" for t in p.iter(W + "t")),
            style_id=formatting.style_id,
            in_table=any(True for _ in p.iterancestors(W + "tc")),
            element=p,
            **{name: getattr(formatting, name) for name in _PARA_FIELDS},
        )

    def runs(self, p) -> list[Run]:
        """The runs of paragraph `p` in order (inside hyperlinks, fields and tracked insertions too, not
        inside text boxes anchored in it), each with its effective character formatting."""
        return self._styles.runs(p, text_boxes=self.text_boxes)

    def paragraph_property(self, p, tag: str, read):
        """Any paragraph property of `p` (e.g. "w:contextualSpacing"), resolved through its style chain and
        the document defaults: `read(element)` turns the most specific element found into a value."""
        return self._styles.paragraph_property(p, tag, read)

    def theme_fonts(self) -> dict[str, str]:
        """The theme's fonts by the names `w:asciiTheme` and its siblings use (minorHAnsi → Calibri, …)."""
        return self._styles.theme_fonts()

    def theme_font_attributes(self) -> list[str]:
        """Any theme-font attribute left in the styles or the document: each one overrides Times New Roman."""
        found = []
        for root in (self.styles, self.document.element):
            for rfonts in root.iter(W + "rFonts"):
                found += [k for k in rfonts.attrib if k.endswith("Theme") or k.endswith("theme")]
        return found


def _read_theme_fonts(document) -> dict[str, str]:
    from lxml import etree

    theme = next((rel.target_part for rel in document.part.rels.values()
                  if rel.reltype == _THEME and not rel.is_external), None)
    return theme_fonts(etree.fromstring(theme.blob)) if theme is not None else {}
