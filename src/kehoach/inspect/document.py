"""A whole Word document as `kehoach check` reads it: the body's paragraphs, every section with the headers and
footers its pages show, and the styles that resolve any paragraph's formatting — records, not XML.

The one entry to kehoach.inspect for a document: the docx-… checks read through it (kehoach.rules._docx), and so
do the tests of rendered documents, so that what they assert is what the checks see.
"""

from __future__ import annotations

from kehoach.inspect.body import Paragraph
from kehoach.inspect.formatting import Styles
from kehoach.inspect.sections import Section


class Document:
    """What is read of one Word document."""

    __slots__ = ("paragraphs", "sections", "styles", "text_boxes")

    def __init__(self, paragraphs: list[Paragraph], sections: list[Section], styles: Styles, text_boxes: bool) -> None:
        self.paragraphs = paragraphs  # the body's, numbered from 1 in document order (kehoach.inspect.body)
        self.sections = sections  # in document order (kehoach.inspect.sections)
        self.styles = styles
        self.text_boxes = text_boxes  # whether the body has a text box

    def __repr__(self) -> str:
        return f"Document({len(self.paragraphs)} paragraphs, {len(self.sections)} sections)"


def read_document(package) -> Document:
    """The document of `package` (an open kehoach.inspect.package.Package), read in one pass over its body.

    Raises what `kehoach.inspect.package.damaged()` lists on a damaged part."""
    from kehoach.inspect.body import read_body
    from kehoach.inspect.formatting import theme_fonts
    from kehoach.inspect.package import STYLES, THEME
    from kehoach.inspect.sections import read_sections

    styles_part, theme_part = (package.related(package.main, kind) for kind in (STYLES, THEME))
    fonts = theme_fonts(package.parse(theme_part)) if theme_part else {}
    styles = Styles(package.parse(styles_part) if styles_part else None, lambda: fonts)
    with package.stream(package.main) as stream:
        body = read_body(stream, styles)
    return Document(body.paragraphs, read_sections(package, body.sections, styles), styles, body.text_boxes)
