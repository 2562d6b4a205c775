"""A Word document's body as the reader of the page sees it: paragraphs and tables, in order.

- Tracked changes are taken as accepted: inserted text kept, deleted text dropped, a deleted paragraph mark
  joins the paragraph with the next one; comments are not text and are left out.
- Word's list numbers are computed (kehoach.features.importer.numbering) and written before the text, as
  the page shows them.
- A soft line break (Shift+Enter) is kept as "\\n" and a tab as "\\t": the recogniser decides what they mean.
- A footnote's text is written where its mark stands, as kehoach's data writes it: «…[^text]».
- Text boxes (a header some clerks draw in one) are read as paragraphs after the one they are anchored in.
- Text typed in TCVN3 (.VnTime) or VNI (VNI-Times) is converted to Unicode, by the run's font when it names
  one, else when the whole paragraph reads as one (the detection of the rule text-legacy-encoding).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.features.importer.numbering import Numbering
from kehoach.rules import text_legacy_encoding as legacy

_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), qn("w:instrText"), qn("w:delText")}
_P, _TBL, _R, _T, _TAB, _BR, _CR = (qn(t) for t in ("w:p", "w:tbl", "w:r", "w:t", "w:tab", "w:br", "w:cr"))
_HYPHEN = qn("w:noBreakHyphen")


@dataclass
class Para:
    """One paragraph: its text (with "\\n" for soft breaks, "\\t" for tabs, Word's number in front)."""

    text: str
    align: str | None = None  # w:jc: center, both, left, right
    bold: bool = False
    number: str | None = None  # the number Word draws (list numbering), already in `text`
    converted: str | None = None  # the legacy encoding the text was converted from (TCVN3, VNI)

    @property
    def lines(self) -> list[str]:
        """The lines as the page shows them: split at soft breaks, tabs as single spaces, spaces tidied."""
        return [" ".join(line.replace("\t", " ").split()) for line in self.text.split("\n")]

    @property
    def flat(self) -> str:
        return " ".join(self.text.replace("\n", " ").replace("\t", " ").split())


@dataclass
class Table:
    """A table: rows of cells, each cell its paragraphs."""

    rows: list[list[list[Para]]] = field(default_factory=list)


Block = Para | Table


def read_document(path: Path) -> list[Block]:
    """The body of the .docx at `path`, in order; InputError when it is not a Word document."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from kehoach.source.reading import read_docx

    data = read_docx(path, "docx")  # a regular file of bounded size, its archive checked before inflating
    try:
        document = docx.Document(data)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError("không đọc được tệp Word (.docx) này; hãy mở bằng Word và lưu lại dạng .docx"
                         f" ({type(error).__name__})", Location(str(path)), "file-unreadable") from None
    except OSError as error:
        from kehoach.source.reading import cannot_read

        raise InputError(cannot_read(str(path), error), Location(str(path)), "file-unreadable") from None
    return _Reader(document).body()


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.numbering = Numbering(document)
        self.styles = document.styles.element
        self._style_cache: dict[str | None, tuple[str | None, bool]] = {}
        self.footnotes = _footnotes(document)

    def body(self) -> list[Block]:
        return self._blocks(self.document.element.body)

    def _blocks(self, container) -> list[Block]:
        blocks: list[Block] = []
        pending: Para | None = None  # a paragraph whose mark was deleted: it joins the next one
        for child in container:
            if child.tag == _P:
                para = self._paragraph(child)
                if pending is not None:
                    para = Para(pending.text + para.text, pending.align, pending.bold, pending.number,
                                pending.converted or para.converted)
                    pending = None
                if _mark_deleted(child):
                    pending = para
                    continue
                if not (_all_deleted(child) and not para.text):
                    blocks.append(para)
                for box in _text_boxes(child):  # a header typed in a text box: its lines after the paragraph
                    blocks.extend(self._blocks(box))
            elif child.tag == _TBL:
                blocks.append(Table([[self._blocks(cell) for cell in row.findall(qn("w:tc"))]
                                     for row in child.findall(qn("w:tr"))]))
            elif child.tag in (qn("w:ins"), qn("w:sdt"), qn("w:customXml"), qn("w:sdtContent")):
                blocks.extend(self._blocks(child))  # an inserted or wrapped paragraph or table
        if pending is not None:
            blocks.append(pending)
        return blocks

    def _paragraph(self, p) -> Para:
        pieces, converted = [], None
        for run in p.iter(_R):
            if _skipped(run, p):
                continue
            text = _run_text(run)
            note = run.find(qn("w:footnoteReference"))
            if note is not None and note.get(qn("w:id")) in self.footnotes:
                text += f"[^{self.footnotes[note.get(qn('w:id'))]}]"
            encoding = _run_encoding(run)
            if encoding and text:
                text = legacy.to_unicode(text, encoding[0], encoding[1], sure=True)
                converted = encoding[0]
            pieces.append(text)
        text = unicodedata.normalize("NFC", "".join(pieces))
        found = legacy.detect(text.replace("\t", " ")) if not converted else None
        if found:
            capitals = found[3].upper() == found[3] and found[4].isupper()
            # Legacy text is all Latin-1 characters; a paragraph that also has Unicode-only letters (ư, ạ, đ, …)
            # was pasted in part: there only the words that are no Vietnamese syllable as written are converted.
            whole = all(ord(c) < 0x100 for c in text)
            text, converted = legacy.to_unicode(text, found[0], capitals, sure=whole), found[0]
        style_id = _style_id(p)
        align, bold = self._style_look(style_id)
        jc = p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        if jc is not None:
            align = jc.get(qn("w:val"))
        bold = _runs_bold(p, bold)
        number = self.numbering.label(p, style_id) if text.strip() else None
        if number:
            text = f"{number} {text.lstrip()}"
        return Para(text, align, bold, number, converted)

    def _style_look(self, style_id: str | None) -> tuple[str | None, bool]:
        """The alignment and boldness a paragraph style gives, through its basedOn chain."""
        if style_id in self._style_cache:
            return self._style_cache[style_id]
        align, bold, seen, current = None, None, set(), style_id
        while current and current not in seen:
            seen.add(current)
            style = self.styles.get_by_id(current)
            if style is None:
                break
            if align is None and (jc := style.find(f"{qn('w:pPr')}/{qn('w:jc')}")) is not None:
                align = jc.get(qn("w:val"))
            if bold is None and (b := style.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None:
                bold = b.get(qn("w:val")) not in ("0", "false", "off")
            based = style.find(qn("w:basedOn"))
            current = based.get(qn("w:val")) if based is not None else None
        self._style_cache[style_id] = (align, bool(bold))
        return self._style_cache[style_id]


def _skipped(run, p) -> bool:
    """True for a run of deleted text, or inside a text box or field code, between it and its paragraph."""
    for ancestor in run.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag in _SKIPPED:
            return True
    return False


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p) -> list:
    """The text boxes anchored in paragraph `p` (Word also stores each as a fallback copy: read once)."""
    return [box for box in p.iter(qn("w:txbxContent"))
            if not any(a.tag == _FALLBACK for a in box.iterancestors())
            and not any(a.tag == qn("w:txbxContent") for a in box.iterancestors())]


def _footnotes(document) -> dict[str, str]:
    """The text of each footnote by its id (the separators Word keeps as footnotes -1 and 0 left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RT.FOOTNOTES and not rel.is_external), None)
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    notes = {}
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(_T)).strip() for p in note.iter(_P)]
        notes[note.get(qn("w:id"))] = " ".join(p for p in paragraphs if p)
    return notes


def _run_text(run) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BR:
            if child.get(qn("w:type")) in (None, "textWrapping"):
                out.append("\n")
        elif tag == _CR:
            out.append("\n")
        elif tag == _HYPHEN:
            out.append("-")
    return "".join(out)


def _run_encoding(run) -> tuple[str, bool] | None:
    """(TCVN3 or VNI, capitals) when the run's own font is a legacy Vietnamese font."""
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return None
    name = (fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or "").strip()
    if name.startswith(".Vn"):
        return "TCVN3", name.upper().endswith("H")  # .VnTimeH: capitals
    if name.upper().startswith("VNI-"):
        return "VNI", False
    return None


def _style_id(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _runs_bold(p, style_bold: bool) -> bool:
    """Bold as the first run with text shows it: its own w:b, else the paragraph style's."""
    for run in p.iter(_R):
        if not any(t.text for t in run.iter(_T)):
            continue
        b = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
        if b is not None:
            return b.get(qn("w:val")) not in ("0", "false", "off")
        return style_bold
    return style_bold


def _mark_deleted(p) -> bool:
    return p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


def _all_deleted(p) -> bool:
    return p.find(qn("w:del")) is not None
