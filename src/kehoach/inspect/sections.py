"""The sections of a Word document and the headers and footers their pages show, read as records.

A section (its `w:sectPr`) names up to three headers and three footers by relationship id: `default` (every page,
or the odd ones), `first` (the section's first page, shown only with «Different First Page», `w:titlePg`) and
`even` (shown only when the document's settings ask for different odd and even pages, `w:evenAndOddHeaders`).
A section that names none of a type shows the previous section's — Word's «Link to Previous» — and the first
section then shows a blank one (ECMA-376 Part 1, 17.10.5). Each header or footer part is read once, however many
sections show it, into the same paragraph records as the body (`kehoach.inspect.body`), with the paragraph that
holds its page number (a PAGE field) if any.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kehoach.inspect.body import Paragraph, read_body
from kehoach.inspect.formatting import W, Run, Styles

HEADER, FOOTER = "header", "footer"
DEFAULT, FIRST, EVEN = "default", "first", "even"
TYPES = (DEFAULT, FIRST, EVEN)

_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REFERENCES = {W + "headerReference": HEADER, W + "footerReference": FOOTER}
_PAGE = re.compile(r"\bPAGE\b")
_OFF = ("0", "false", "off")


class Story:
    """One header or footer part, read once: its paragraphs as the body's records, and its page number.

    `page_number` is the paragraph holding a PAGE field (a simple field or a field code; the outermost paragraph
    when the field stands in a text box anchored in it), None when it has none; `page_runs` the runs whose look
    the number takes: those with text in it, or all of its runs when none has (a field with no result yet)."""

    __slots__ = ("part", "kind", "paragraphs", "page_number", "page_runs")

    def __init__(self, part: str, kind: str, paragraphs: list[Paragraph], page_number: Paragraph | None,
                 page_runs: list[Run]) -> None:
        self.part = part  # the part's name in the package: word/header1.xml
        self.kind = kind  # HEADER or FOOTER
        self.paragraphs = paragraphs
        self.page_number = page_number
        self.page_runs = page_runs

    def __repr__(self) -> str:
        return f"Story({self.part!r}, {len(self.paragraphs)} paragraphs, page number: {self.page_number is not None})"


class Section:
    """One section: its `w:sectPr` (a copy), its page numbering, and the headers and footers its pages show."""

    __slots__ = ("index", "element", "title_page", "restart", "even_and_odd", "_stories")

    def __init__(self, index: int, element, even_and_odd: bool, stories: dict[tuple[str, str], Story | None]) -> None:
        self.index = index  # from 0, in document order
        self.element = element
        title_page = element.find(W + "titlePg")
        #: «Different First Page»: the section's first page shows the `first` header and footer.
        self.title_page = title_page is not None and title_page.get(W + "val") not in _OFF
        numbering = element.find(W + "pgNumType")
        #: The number its first page gets when the section starts its numbering again (an appendix), else None.
        self.restart = _number(numbering.get(W + "start")) if numbering is not None else None
        #: Different odd and even pages (a setting of the whole document): even pages show the `even` ones.
        self.even_and_odd = even_and_odd
        self._stories = stories

    def story(self, kind: str, type_: str) -> Story | None:
        """The header or footer (`kind`) of `type_` this section uses, its own or inherited; None: a blank one."""
        return self._stories.get((kind, type_))

    def shown(self) -> Iterator[tuple[str, str, Story | None]]:
        """(kind, type, story) of each header and footer its pages show: the first page's with «Different First
        Page», the default one, the even pages' with different odd and even pages."""
        types = ((FIRST,) if self.title_page else ()) + (DEFAULT,) + ((EVEN,) if self.even_and_odd else ())
        for kind in (HEADER, FOOTER):
            for type_ in types:
                yield kind, type_, self.story(kind, type_)

    def __repr__(self) -> str:
        return f"Section({self.index}, title page: {self.title_page}, restart: {self.restart})"


def read_sections(package, elements: list, styles: Styles) -> list[Section]:
    """The sections whose `w:sectPr` are `elements` (in document order, as `read_body` found them), with the
    headers and footers of package `package` (a kehoach.inspect.package.Package) that each shows."""
    even_and_odd = _even_and_odd(package)
    read: dict[str, Story] = {}  # part name -> its story, read once
    current: dict[tuple[str, str], str | None] = {}  # (kind, type) -> the part the sections so far pass on
    found = []
    for index, element in enumerate(elements):
        for reference in element:
            kind = _REFERENCES.get(reference.tag)
            if kind is not None:
                part = package.target(package.main, reference.get(_RELATIONSHIP))
                current[(kind, reference.get(W + "type", DEFAULT))] = part  # a broken reference: a blank one
        stories = {}
        for key, part in current.items():
            if part is not None and part not in read:
                read[part] = _story(package, part, key[0], styles)
            stories[key] = read.get(part)
        found.append(Section(index, element, even_and_odd, stories))
    return found


def _story(package, part: str, kind: str, styles: Styles) -> Story:
    with package.stream(part) as stream:
        paragraphs = read_body(stream, styles).paragraphs
    # A header is a few paragraphs: parsed once more whole, to find the page number's field and its runs.
    root = package.parse(part)
    outer = [p for p in root.iter(W + "p") if not any(a.tag == W + "txbxContent" for a in p.iterancestors())]
    for element, paragraph in zip(outer, paragraphs):
        simple = [f.get(W + "instr", "") for f in element.iter(W + "fldSimple")]
        codes = "".join(t.text or "" for t in element.iter(W + "instrText"))
        if any(_PAGE.search(i) for i in simple) or _PAGE.search(codes):
            boxes = next(element.iter(W + "txbxContent"), None) is not None
            runs = styles.runs(element, text_boxes=boxes)
            return Story(part, kind, paragraphs, paragraph, [r for r in runs if r.text.strip()] or runs)
    return Story(part, kind, paragraphs, None, [])


def _even_and_odd(package) -> bool:
    from kehoach.inspect.package import SETTINGS

    part = package.related(package.main, SETTINGS)
    if part is None:
        return False
    setting = package.parse(part).find(W + "evenAndOddHeaders")
    return setting is not None and setting.get(W + "val") not in _OFF


def _number(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
