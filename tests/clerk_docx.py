"""Word files typed the way clerks type them, from a document's text, for the tests of `kehoach import`.

A document's text (`Page`) is what the reader of the printed page sees: the header's two columns, the type
line, the summary lines, the body's lines, «Nơi nhận» and the signature. `typed(page, variant)` writes a .docx
the way a clerk would have made it:
- "bang": header and signature in borderless tables, numbers typed by hand, one paragraph per line;
- "tab": header and signature as paragraphs with tabs, the summary and the legal bases in one paragraph each
  with soft line breaks (Shift+Enter);
- "danh-so": parts numbered by Word's own list numbering (I., 1., a)) and bullets as a Word list, a tracked
  insertion and deletion and a comment in the body;
- "tcvn3": header and the first paragraphs pasted from an old document: TCVN3 text in the .VnTime font, and
  one paragraph in TCVN3 without the font (converted by reading it);
`page_of(docx)` reads a kehoach-rendered document back into a Page, independently of kehoach's reader.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

VARIANTS = ("bang", "tab", "danh-so", "tcvn3")
_HEADING = re.compile(r"^(?:(?P<roman>[IVXLC]+)\.|(?P<digit>\d{1,2})\.|(?P<letter>[a-zđ])\))\s+(?P<text>\S.*)$")


@dataclass
class Page:
    left: list[str] = field(default_factory=list)  # organ, Số
    right: list[str] = field(default_factory=list)  # national title, motto, place and date
    kind: str = ""
    summary: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # «Nơi nhận:» and its lines
    signature: list[str] = field(default_factory=list)
    appendix: list[str] = field(default_factory=list)  # what follows the signature: the Phụ lục, line by line


def page_of(data: bytes) -> Page:
    """The Page of a document laid out as kehoach lays it out: header table, paragraphs, signature table, then
    the appendix if any. A footnote is written «[^its text]» where its mark stands, as in the data file."""
    import zipfile

    document = docx.Document(io.BytesIO(data))
    package = zipfile.ZipFile(io.BytesIO(data))
    notes = {}
    if "word/footnotes.xml" in package.namelist():
        from lxml import etree

        for note in etree.fromstring(package.read("word/footnotes.xml")).iter(qn("w:footnote")):
            notes[note.get(qn("w:id"))] = " ".join("".join(t.text or "" for t in note.iter(qn("w:t"))).split())
    body = document.element.body
    page = Page()
    tables = [el for el in body if el.tag == qn("w:tbl")]
    first = tables[0]
    last = next(t for t in tables if _text(next(t.iter(qn("w:p"))), notes).startswith("Nơi nhận"))

    def cell_lines(tbl, column):
        out = []
        for row in tbl.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if column < len(cells):
                out += [_text(p, notes) for p in cells[column].iter(qn("w:p"))]
        return [line for line in out if line and not re.fullmatch(r"[-_\s]*", line)]

    page.left, page.right = cell_lines(first, 0), cell_lines(first, 1)
    page.recipients, page.signature = cell_lines(last, 0), cell_lines(last, 1)
    lines, place = [], None
    summary_at: set[int] = set()  # the title's lines: kehoach's template styles them KHTenLoai, KHTrichYeu
    kind_at = None
    for el in body:
        if el is first:
            place = lines
            continue
        if el is last:
            place = page.appendix
            continue
        if place is None:
            continue
        if el.tag == qn("w:p") and _text(el, notes):
            place.append(_text(el, notes))
            if place is lines and _style(el) in ("KHTrichYeu", "KHTenLoai"):
                summary_at.add(len(lines) - 1)
                kind_at = len(lines) - 1 if _style(el) == "KHTenLoai" else kind_at
        elif el.tag == qn("w:tbl"):
            place += [line for p in el.iter(qn("w:p")) if (line := _text(p, notes))]
    if kind_at == 0:  # the kind line (a Công văn has none)
        page.kind, lines, summary_at = lines[0], lines[1:], {i - 1 for i in summary_at}
    count = 0
    while count in summary_at:
        count += 1
    page.summary, page.body = lines[:count], lines[count:]
    return page


def _style(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _text(p, notes: dict | None = None) -> str:
    pieces = []
    for el in p.iter(qn("w:t"), qn("w:footnoteReference")):
        if el.tag == qn("w:t"):
            pieces.append(el.text or "")
        elif notes is not None and el.get(qn("w:id")) in notes:
            pieces.append(f"[^{notes[el.get(qn('w:id'))]}]")
    return " ".join("".join(pieces).split())


def typed(page: Page, variant: str) -> bytes:
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = _Writer(document, variant)
    writer.header(page)
    writer.title(page)
    writer.body(page.body)
    writer.closing(page)
    for line in page.appendix:  # typed out as plain lines: kehoach makes the table again from the activities
        writer.para(line, "center")
    from kehoach.render import footnotes

    footnotes.apply(document)  # «[^text]» → a real footnote, as Word's Insert Footnote makes it
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, document, variant: str) -> None:
        self.document = document
        self.variant = variant
        self.lists = _Lists(document) if variant == "danh-so" else None
        self.legacy_left = 3 if variant == "tcvn3" else 0  # paragraphs still to paste in TCVN3

    def para(self, text: str, align=None, bold=False, legacy=False):
        p = self.document.add_paragraph()
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "both":
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self._runs(p, text, bold, legacy)
        return p

    def _runs(self, p, text: str, bold: bool, legacy: bool) -> None:
        """Runs of `text` ("\\n": soft break, "\\t": tab); `legacy`: typed in TCVN3 with its font."""
        font = None
        if legacy and (typed := caps_tcvn3(text)) is not None:
            text, font = typed, ".VnTimeH"
        elif legacy and (typed := to_tcvn3(text)) is not None:
            text, font = typed, ".VnTime"
        for i, line in enumerate(text.split("\n")):
            if i:
                p.add_run().add_break()
            for j, piece in enumerate(line.split("\t")):
                if j:
                    p.add_run().add_tab()
                if piece:
                    run = p.add_run(piece)
                    run.bold = bold or None
                    if font:
                        run.font.name = font

    def header(self, page: Page) -> None:
        legacy = self.variant == "tcvn3"
        if self.variant == "tab":
            rows = max(len(page.left), len(page.right))
            for i in range(rows):
                left = page.left[i] if i < len(page.left) else ""
                right = page.right[i] if i < len(page.right) else ""
                self.para(f"{left}\t\t{right}", bold=i < 2)
            return
        table = self.document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (page.left, page.right)):
            cell.paragraphs[0].text = ""
            for i, line in enumerate(lines):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._runs(p, line, bold=not line.startswith(("Số", "Độc")) and "ngày" not in line, legacy=legacy)
            if lines is page.left:
                cell.add_paragraph("-------").alignment = WD_ALIGN_PARAGRAPH.CENTER

    def title(self, page: Page) -> None:
        self.para("")
        if page.kind:  # a Công văn has no kind line
            self.para(page.kind, "center", True)
        if self.variant == "tab":
            self.para("\n".join(page.summary), "center", True)
        else:
            for line in page.summary:
                self.para(line, "center", True)
        self.para("-----------", "center")

    def body(self, lines: list[str]) -> None:
        bases = [line for line in lines if line.startswith("Căn cứ")]
        if self.variant == "tab" and bases and lines[: len(bases)] == bases:
            self.para("\n".join(bases), "both")
            lines = lines[len(bases):]
        for index, line in enumerate(lines):
            legacy = self.legacy_left > 0 and not line.isascii() and to_tcvn3(line) is not None
            if legacy:
                self.legacy_left -= 1
            if self.lists is not None and (m := _HEADING.match(line)):
                level = 0 if m.group("roman") else 1 if m.group("digit") else 2
                p = self.para(m.group("text"), "both", level < 2)
                self.lists.number(p, level)
            elif self.lists is not None and line.startswith("- "):
                p = self.para(line[2:], "both")
                self.lists.number(p, 3)
            elif legacy and self.legacy_left % 2:
                # pasted as TCVN3 characters but the font then changed to Times New Roman: no font to go by
                self.para(to_tcvn3(line), "both")
            else:
                p = self.para(line, "both", legacy=legacy)
            if self.variant == "danh-so" and index == 3:
                _tracked(p)

    def closing(self, page: Page) -> None:
        if self.variant == "tab":
            rows = max(len(page.recipients), len(page.signature))
            for i in range(rows):
                left = page.recipients[i] if i < len(page.recipients) else ""
                right = page.signature[i] if i < len(page.signature) else ""
                self.para(f"{left}\t\t{right}")
            return
        table = self.document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (page.recipients, page.signature)):
            for i, line in enumerate(lines):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.add_run(line)
            if lines is page.signature and len(lines) > 1:  # room for the signature, as clerks leave it
                name = cell.paragraphs[-1]
                for _ in range(3):
                    name._p.addprevious(OxmlElement("w:p"))


def _tracked(p) -> None:
    """A tracked insertion (kept) and deletion (dropped) and a comment (ignored) in paragraph `p`."""
    runs = p._p.findall(qn("w:r"))
    if not runs:
        return
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "901")
    deleted.set(qn("w:author"), "Văn thư")
    old = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = " chữ đã xóa"
    old.append(text)
    deleted.append(old)
    runs[-1].addnext(deleted)
    # The last word moved into a tracked insertion: the accepted view keeps it.
    last = runs[-1].find(qn("w:t"))
    head, _, tail = (last.text or "").rpartition(" ")
    if head:
        last.text = head + " "
        last.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        inserted = OxmlElement("w:ins")
        inserted.set(qn("w:id"), "902")
        inserted.set(qn("w:author"), "Văn thư")
        new = copy.deepcopy(runs[-1])
        new.find(qn("w:t")).text = tail
        inserted.append(new)
        deleted.addprevious(inserted)
    start = OxmlElement("w:commentRangeStart")
    start.set(qn("w:id"), "0")
    p._p.insert(1, start)
    reference = OxmlElement("w:r")
    mark = OxmlElement("w:commentReference")
    mark.set(qn("w:id"), "0")
    reference.append(mark)
    p._p.append(reference)


class _Lists:
    """One Word list: I. › 1. › a) › «-», as a clerk sets up with the Numbering button."""

    LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-"))

    def __init__(self, document) -> None:
        numbering = document.part.numbering_part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), "77")
        for level, (fmt, text) in enumerate(self.LEVELS):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:suff", "space")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                lvl.append(child)
            abstract.append(lvl)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), "77")
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "77")
        num.append(ref)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(num)

    def number(self, p, level: int) -> None:
        ppr = p._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), "77")
        num_pr.append(ilvl)
        num_pr.append(num_id)
        ppr.insert(0, num_pr)


# TCVN3 (.VnTime): the byte each Vietnamese letter is typed as; the inverse of the table of the rule
# text-legacy-encoding, written out here so that the test does not use the code it tests.
_TCVN3 = dict(zip(
    "ĂÂÊÔƠƯĐăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
    "¡¢£¤¥¦§¨©ª«¬\xad®µ¸¶·¹»¾¼½ÆÇÊÈÉËÌÐÎÏÑÒÕÓÔÖ×ÝØÜÞßãáâäåèæçéêíëìîïóñòôõøö÷ùúýûüþ"))


def to_tcvn3(text: str) -> str | None:
    """`text` as it looks when typed in TCVN3 and pasted into a Unicode document; None when it has a capital
    letter with a tone, which TCVN3 has no code for (the clerk typed those in .VnTimeH: see `caps_tcvn3`)."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    if any(c.isupper() and not c.isascii() and c not in "ĂÂÊÔƠƯĐ" for c in text):
        return None
    return "".join(_TCVN3.get(c, c) for c in text)


def caps_tcvn3(text: str) -> str | None:
    """A line in capitals typed for the .VnTimeH font: the codes of the small letters."""
    return to_tcvn3(text.lower()) if text.isupper() else None
