"""The body of a Word document read in one pass: each paragraph as displayed, where it stands, then forgotten.

`read_body` parses the main document part as a stream (lxml's iterparse) and, as each paragraph ends, keeps
only what a check looks at — its text, its runs' effective formatting (shared by every run formatted alike),
the table cell it stands in — and drops its XML. Memory follows the document's text, not its XML (which
python-docx would hold whole, at ten times its size), and time is linear in its length. The paragraphs are
numbered from 1 in document order, table cells included, text boxes left out (they float outside the flow):
the numbers the checks report.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from typing import IO

from kehoach.inspect.formatting import W, ParagraphFormat, Run, Styles

_P, _TBL, _TR, _TC, _TCPR, _TBLPR, _SECTPR, _TXBX = (
    W + n for n in ("p", "tbl", "tr", "tc", "tcPr", "tblPr", "sectPr", "txbxContent"))
_TAGS = (_P, _TBL, _TR, _TC, _TCPR, _TBLPR, _SECTPR, _TXBX)
_R, _T, _DRAWING, _PICT = W + "r", W + "t", W + "drawing", W + "pict"
_NONE = ("nil", "none")  # a border side that is not drawn
_LINE_TEXT = re.compile(r"[_\-–—‾=.]{3,}")  # a rule typed as characters: ________


@dataclass(eq=False)
class Table:
    """A table: how many columns its widest row has, and whether it draws borders of its own."""

    style_id: str | None = None  # w:tblStyle
    borders: dict[str, str] = field(default_factory=dict)  # w:tblBorders: side -> w:val
    cell_borders: bool = False  # some cell (of a table inside it too) draws a border
    columns: int = 0


@dataclass(eq=False)
class Row:
    """The cells that share a parent (a table row), in order."""

    cells: list[Cell] = field(default_factory=list)


@dataclass(eq=False)
class Cell:
    """A table cell: its row, and its place in it from 0."""

    row: Row
    column: int


class Paragraph:
    """One paragraph of the body, numbered from 1 in document order (table cells included)."""

    __slots__ = ("index", "text", "runs", "para", "cell", "table", "drawing", "_clean", "_lines", "_blank")

    def __init__(self, index: int, text: str, runs: list[Run], para: ParagraphFormat, cell: Cell | None,
                 table: Table | None, drawing: bool) -> None:
        self.index = index
        self.text = text  # as shown: NFC, tabs and no-break spaces as spaces, line breaks as "\n"
        self.runs = runs  # only those with visible text
        self.para = para  # layout and the look of its first run
        self.cell = cell  # the nearest table cell it stands in
        self.table = table  # the nearest table
        self.drawing = drawing  # a drawing or a shape is anchored in it (a drawn line)
        self._clean: str | None = None
        self._lines: list[str] | None = None
        self._blank: bool | None = None

    @property
    def clean(self) -> str:
        """The text with every run of spaces and breaks as one space: what rules compare."""
        if self._clean is None:
            clean = " ".join(self.text.split())
            self._clean = self.text if clean == self.text else clean  # one string in memory when they agree
        return self._clean

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of the text (split at line breaks), each clean."""
        if self._lines is None:
            if "\n" in self.text:
                self._lines = [" ".join(line.split()) for line in self.text.split("\n") if line.strip()]
            else:
                self._lines = [self.clean] if self.clean else []  # the same string: no copy of a long text
        return self._lines

    @property
    def blank(self) -> bool:
        """No words: empty, or a rule typed as underscores."""
        if self._blank is None:
            self._blank = not self.clean or bool(_LINE_TEXT.fullmatch(self.clean.replace(" ", "")))
        return self._blank

    @property
    def in_table(self) -> bool:
        return self.cell is not None

    def __repr__(self) -> str:
        return f"Paragraph({self.index}, {self.text[:40]!r})"


@dataclass
class Body:
    """What the checks read of a document's body."""

    paragraphs: list[Paragraph]
    sections: list  # the w:sectPr of each section in document order (copies), tracked-change copies left out
    text_boxes: bool  # whether the body has any text box


def read_body(stream: IO[bytes], styles: Styles) -> Body:
    """The paragraphs and sections of the main document part `stream`, read in one pass.

    Raises lxml's XMLSyntaxError (or the archive's error) on a damaged part, like any parse."""
    from lxml import etree

    paragraphs: list[Paragraph | None] = []
    sections: list = []
    tables: list[tuple[object, Table]] = []  # the open tables (element, record), innermost last
    cells: list[Cell] = []  # the open cells, innermost last
    rows: dict = {}  # the element holding cells -> its Row, while its table is open
    # Each open paragraph: its slot (None: in a text box), and how many text boxes had started before it (if none
    # starts inside it, its runs and text need no look for one).
    open_paragraphs: list[tuple[int | None, int]] = []
    boxes = 0  # text boxes started so far
    empty: ParagraphFormat | None = None  # the format of a paragraph with nothing in it
    in_text_box = 0
    events = etree.iterparse(stream, events=("start", "end"), tag=_TAGS, resolve_entities=False, no_network=True)
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == _P:
                if in_text_box:
                    open_paragraphs.append((None, boxes))
                else:
                    open_paragraphs.append((len(paragraphs), boxes))
                    paragraphs.append(None)  # numbered where it starts; filled where it ends
            elif tag == _TC:
                parent = element.getparent()
                row = rows.get(parent)
                if row is None:
                    row = rows[parent] = Row()
                cell = Cell(row, len(row.cells))
                row.cells.append(cell)
                cells.append(cell)
            elif tag == _TBL:
                tables.append((element, Table()))
            elif tag == _TXBX:
                in_text_box += 1
                boxes += 1
            continue
        if tag == _P:
            slot, boxes_before = open_paragraphs.pop()
            if slot is not None and not len(element):  # <w:p/>: an empty line, read in one step
                empty = empty or styles.paragraph(element)  # the default paragraph style's, the same for all
                paragraphs[slot] = Paragraph(slot + 1, "", [], empty, cells[-1] if cells else None,
                                             tables[-1][1] if tables else None, False)
            elif slot is not None:
                box = boxes > boxes_before  # a text box anchored in it: its text is not the paragraph's
                style_id = styles.style_of(element)
                runs = [r for r in styles.runs(element, box, style_id) if r.text.strip()]
                paragraphs[slot] = Paragraph(slot + 1, paragraph_text(element, box), runs,
                                             styles.paragraph(element, style_id), cells[-1] if cells else None,
                                             tables[-1][1] if tables else None, has_drawing(element))
        elif tag == _TC:
            cells.pop()
        elif tag == _TR:
            row = rows.pop(element, None)
            if tables and element.getparent() is tables[-1][0]:
                table = tables[-1][1]
                table.columns = max(table.columns, len(row.cells) if row is not None else 0)
        elif tag == _TBL:
            tables.pop()
            if not tables:
                rows.clear()
        elif tag == _TCPR:
            if element.getparent().tag == _TC and _visible(_borders(element.find(W + "tcBorders"))):
                for _, table in tables:  # a cell's border is a border of every table it stands in
                    table.cell_borders = True
        elif tag == _TBLPR:
            if tables and element.getparent() is tables[-1][0]:
                table = tables[-1][1]
                style = element.find(W + "tblStyle")
                table.style_id = style.get(W + "val") if style is not None else None
                table.borders = _borders(element.find(W + "tblBorders"))
        elif tag == _SECTPR:
            if element.getparent().tag != W + "sectPrChange":
                sections.append(copy.deepcopy(element))
        elif tag == _TXBX:
            in_text_box -= 1
        if not open_paragraphs and tag in (_P, _TC, _TR, _TBL):
            _forget(element)
    return Body([p for p in paragraphs if p is not None], sections, boxes > 0)


def paragraph_texts(stream: IO[bytes]) -> list[str]:
    """The text of every paragraph of the part `stream` (text boxes' too), in document order, as its w:t elements
    hold it: what `kehoach textconv` prints of a Word file. Streamed like `read_body`."""
    from lxml import etree

    texts: list[str | None] = []
    open_paragraphs: list[int] = []  # each open paragraph's slot: numbered where it starts, filled where it ends
    events = etree.iterparse(stream, events=("start", "end"), tag=(_P, _TBL, _TR, _TC), resolve_entities=False,
                             no_network=True)
    for event, element in events:
        if element.tag == _P and event == "start":
            open_paragraphs.append(len(texts))
            texts.append(None)
        elif element.tag == _P:
            texts[open_paragraphs.pop()] = "".join(t.text or "" for t in element.iter(_T))
        if event == "end" and not open_paragraphs:
            _forget(element)  # a paragraph's text includes those of the text boxes in it: dropped at the outermost
    return [text for text in texts if text is not None]


def _forget(element) -> None:
    """Drop a finished element's content and the finished siblings before it: what is read is kept as records."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _borders(element) -> dict[str, str]:
    return {} if element is None else {child.tag[len(W):]: child.get(W + "val", "none") for child in element}


def _visible(borders: dict[str, str]) -> bool:
    return any(v not in _NONE for v in borders.values())


def paragraph_text(p, text_boxes: bool = True) -> str:
    """What paragraph `p` shows: NFC, tabs and no-break spaces as spaces, line breaks as "\\n" (with
    `text_boxes`, the text of text boxes anchored in it left out: it is not part of the flow)."""
    if not text_boxes and next(p.iter(*_MARKS), None) is None:  # words alone (most paragraphs): lxml joins them
        return unicodedata.normalize("NFC", "".join(p.itertext(_T, with_tail=False))).replace("\u00a0", " ")
    parts = []
    for element in p.iter(_T, *_MARKS):
        if element.tag != _T and element.getparent().tag != _R:
            continue  # a w:tab inside w:tabs is a tab stop, not a tab character
        if text_boxes and any(a.tag == _TXBX for a in element.iterancestors()):
            continue
        parts.append(_MARKS.get(element.tag, element.text or ""))
    return unicodedata.normalize("NFC", "".join(parts)).replace("\u00a0", " ")


_MARKS = {W + "tab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def has_drawing(element) -> bool:
    """Whether a drawing or a VML picture (a drawn line, a shape) is anchored in `element`."""
    return next(element.iter(_DRAWING, _PICT), None) is not None
