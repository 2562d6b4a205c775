"""What the docx-… rules look at: a Word document read once, its ND30 elements found by their content.

Not a rule (the leading underscore keeps it out of the registry). The elements are found the way a clerk
finds them on paper — the Quốc hiệu by its words, «Số:» by its shape, the type name alone on its line —
never by kehoach's own style names, so that the checks work on a plan typed by hand or sent by another
office. python-docx is imported only when a document is read: `kehoach check plan.yaml` never loads it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach import profiles
from kehoach.errors import Location
from kehoach.profiles import Profile, Setting
from kehoach.profiles.units import TWIPS_PER_MM
from kehoach.problems import Problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_NATIONAL = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_PARTY = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM")
_MOTTO = re.compile(r"độc lập\s*-\s*tự do\s*-\s*hạnh phúc")
_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*[\d ]*[/-]\s*\S", re.IGNORECASE)  # 12/KH-UBND, 12-KH/ĐU
_DATE_LINE = re.compile(r"^[^,]{1,80},\s*ngày\b", re.IGNORECASE)
_LABEL = re.compile(r"^nơi nhận\s*:?$", re.IGNORECASE)
_ADDRESSEE = re.compile(r"^kính gửi\b", re.IGNORECASE)
#: How a basis begins; a decision's last one is «Theo đề nghị của …» (Mẫu 1.2, 1.3).
_BASIS = ("Căn cứ", "Theo đề nghị")
#: After the «Căn cứ» lines, real documents go on with «Thực hiện …» bases in the same block (ND30 allows it).
_FURTHER_BASIS = ("Thực hiện", "Triển khai thực hiện")
_LINE_TEXT = re.compile(r"[_\-–—‾=.]{3,}")  # a rule typed as characters: ________
_PLACEHOLDER = re.compile(r"^\(.*\)$")  # (Đã ký), (Chữ ký, dấu): stands in for the signature
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_ALIGN = {"both": "đều hai bên", "center": "giữa", "left": "trái", "start": "trái", "right": "phải",
          "end": "phải", "distribute": "dàn đều", None: "trái"}


class DocxUnreadable(Exception):
    """The file is not a Word document python-docx can open; the message says why, in Vietnamese."""


@dataclass(eq=False)
class Paragraph:
    """One paragraph of the body, numbered from 1 in document order (table cells included)."""

    index: int
    para: Any  # docx_inspect.Para: paragraph formatting (alignment, indents, spacing, borders)
    text: str  # as shown: NFC, tabs and no-break spaces as spaces, line breaks as "\n"
    runs: list  # docx_inspect.Run, only those with visible text

    @property
    def element(self):
        return self.para.element

    @functools.cached_property  # asked for by many rules, of every paragraph of a long document
    def clean(self) -> str:
        return " ".join(self.text.split())

    @functools.cached_property
    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in self.text.split("\n") if line.strip()]

    @property
    def blank(self) -> bool:
        """No words: empty, or a rule typed as underscores."""
        return not self.clean or bool(_LINE_TEXT.fullmatch(self.clean.replace(" ", "")))

    @property
    def cell(self):
        return next(self.element.iterancestors(W + "tc"), None)

    @property
    def table(self):
        return next(self.element.iterancestors(W + "tbl"), None)


@dataclass(frozen=True)
class Item:
    """One recipient line (a paragraph may hold several, split by line breaks)."""

    paragraph: Paragraph
    text: str


@dataclass(eq=False)
class DocxContext:
    """A Word document with its paragraphs and the ND30 elements found in it (None or [] when absent)."""

    file: str
    document: Any
    inspector: Any
    paragraphs: list[Paragraph]
    profile: Profile = None  # the layout checked against: chosen from what the document shows, or asked for
    national_title: Paragraph | None = None
    party_title: Paragraph | None = None  # «ĐẢNG CỘNG SẢN VIỆT NAM» (HD 36)
    organ_mark: Paragraph | None = None  # «*» under a Party organ's name (HD 36)
    motto: Paragraph | None = None
    organ: list[Paragraph] = field(default_factory=list)
    parent_organ: Paragraph | None = None
    number: Paragraph | None = None
    date: Paragraph | None = None
    doc_type: Paragraph | None = None
    doc_type_info: Any = None  # doctypes.DocType of the type name
    summary: list[Paragraph] = field(default_factory=list)
    addressee: list[Paragraph] = field(default_factory=list)  # ô 9a: «Kính gửi: …» (báo cáo, tờ trình, công văn)
    bases: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    recipients_label: Paragraph | None = None
    recipients: list[Item] = field(default_factory=list)
    signer_titles: list[Paragraph] = field(default_factory=list)
    signer_name: Paragraph | None = None
    header_table: Any = None
    closing_table: Any = None

    @property
    def law(self) -> str:
        """The text the layout comes from, as a message names it: «Nghị định 30», «Hướng dẫn 36»."""
        return self.profile.cite

    def at(self, p: Paragraph, message: str, text: str | None = None) -> Problem:
        """A finding on paragraph `p`, its message opening with the paragraph's words so the clerk finds it."""
        return Problem(f"{quote(p.text if text is None else text)}: {message}", location=Location(self.file, p.index))

    def differ(self, p: Paragraph, what: str, wrong: list[str], want: list[str]) -> Problem | None:
        """«text»: what is wrong; Nghị định 30 quy định <what> <what it should be> — or None if nothing is."""
        if not wrong:
            return None
        return self.at(p, f"{', '.join(wrong)}; {self.law} quy định {what} {', '.join(want)}")

    def whole(self, message: str) -> Problem:
        """A finding on the document as a whole (page setup, a missing element)."""
        return Problem(message, location=Location(self.file))

    def next_paragraph(self, p: Paragraph) -> Paragraph | None:
        return self.paragraphs[p.index] if p.index < len(self.paragraphs) else None

    def line_below(self, p: Paragraph, underline: bool = False) -> bool:
        """Whether a horizontal line follows `p`: its bottom border, a drawn line, a next empty paragraph
        with a border or a drawing or typed underscores; with `underline`, also the text underlined."""
        if "bottom" in p.para.borders or _drawing(p.element):
            return True
        if underline and p.runs and all(r.underline not in (None, "none") for r in p.runs):
            return True
        after = self.next_paragraph(p)
        if after is None or after.cell is not p.cell or not after.blank:
            return False
        return bool(after.para.borders & {"top", "bottom"}) or _drawing(after.element) or bool(after.clean)


def quote(text: str, width: int = 40) -> str:
    """«The first words of a paragraph…», cut between words, as the clerk searches for them in Word."""
    text = " ".join(text.split())
    if len(text) <= width:
        return f"«{text}»"
    cut = text[:width]
    if text[width] != " " and " " in cut:
        cut = cut[:cut.rfind(" ")]
    return f"«{cut.rstrip()}…»"


def pt(size: float) -> str:
    return f"{size:g} pt".replace(".", ",")


def pt_range(allowed: Setting) -> str:
    if allowed.low == allowed.high:
        return pt(allowed.low)
    return f"{allowed.low:g}–{allowed.high:g} pt".replace(".", ",")


def sizes(p: Paragraph, default: float = 10.0) -> list[float]:
    """The sizes of the paragraph's text, in order of first appearance (`default`: where none is set)."""
    found: list[float] = []
    for run in p.runs:
        size = default if run.size is None else run.size
        if size not in found:
            found.append(size)
    return found


def upper(p: Paragraph) -> bool:
    return all(r.caps or r.text == r.text.upper() for r in p.runs)


def formatting(ctx: DocxContext, p: Paragraph, what: str, **expected) -> Problem | None:
    """One finding listing every way `p` differs from what the layout asks of `what` (None: all as asked);
    `expected` as for `differences`."""
    wrong, want = differences(p, default_size=ctx.profile.tolerances.default_size.value, **expected)
    return ctx.differ(p, what, wrong, want)


def looks(ctx: DocxContext, p: Paragraph, what: str, element: Setting, **layout) -> Problem | None:
    """`formatting` against the size and look (bold, italic, caps, underline) the profile gives `element`."""
    expected = dict(size=element, bold=element.bold, italic=element.italic, caps=element.caps,
                    underline=element.underline)
    return formatting(ctx, p, what, **(expected | layout))


def differences(p: Paragraph, *, size: Setting | None = None, bold: bool | None = None,
                italic: bool | None = None, caps: bool | None = None, underline: bool | None = None,
                align: str | None = None, default_size: float = 10.0) -> tuple[list[str], list[str]]:
    """What is wrong with the formatting of `p`, and what each should be instead (two parallel lists)."""
    wrong: list[str] = []
    want: list[str] = []
    if size is not None:
        bad = [s for s in sizes(p, default_size) if s not in size]
        if bad:
            wrong.append(f"cỡ chữ {pt(bad[0])}")
            want.append(f"cỡ {pt_range(size)}")
    if bold is not None and p.runs:
        if bold and not all(r.bold for r in p.runs):
            wrong.append("chữ không đậm")
            want.append("in đậm")
        elif not bold and any(r.bold for r in p.runs):
            wrong.append("chữ in đậm")
            want.append("không in đậm")
    if italic is not None and p.runs:
        if italic and not all(r.italic for r in p.runs):
            wrong.append("chữ không nghiêng")
            want.append("in nghiêng")
        elif not italic and any(r.italic for r in p.runs):
            wrong.append("chữ in nghiêng")
            want.append("chữ đứng")
    if caps and not upper(p):
        wrong.append("chưa viết in hoa")
        want.append("in hoa")
    if underline and p.runs and not all(r.underline not in (None, "none") for r in p.runs):
        wrong.append("chưa gạch chân")
        want.append("gạch chân")
    if align is not None and _ALIGN.get(p.para.align, p.para.align) != _ALIGN[align]:
        wrong.append(f"căn {_ALIGN.get(p.para.align, p.para.align)}")
        want.append(f"căn {_ALIGN[align]}")
    return wrong, want


def dashes(text: str) -> str:
    """En and em dashes as the hyphen ND30 writes (the motto, recipients)."""
    return text.translate(_DASHES)


# -- reading -----------------------------------------------------------------------------------------

def read(path: Path, display: str, profile: str | None = None) -> DocxContext:
    """Open a .docx and find its elements; DocxUnreadable when it is not a Word document.

    The layout it is checked against is `profile` (nd30, hd36) or, without one, the one its header shows:
    «ĐẢNG CỘNG SẢN VIỆT NAM» above the place and date is a Party document (HD 36), anything else a State one.
    """
    from kehoach.errors import InputError
    from kehoach.source.reading import read_docx

    try:
        data = read_docx(path, "docx", display)
    except InputError as error:
        raise DocxUnreadable(error.message) from None
    from docx import Document

    from kehoach.inspect.reader import Inspector

    try:
        document = Document(data)
    except Exception:  # python-docx raises many kinds for a file that is not a Word document
        raise DocxUnreadable("không mở được tệp này như một văn bản Word .docx (tệp hỏng, hoặc là tệp .doc cũ "
                             "đổi tên); hãy mở bằng Word rồi lưu lại dạng «Word Document (.docx)»") from None
    _forget_pictures(document)
    inspector = Inspector(document)
    ctx = DocxContext(display, document, inspector, _paragraphs(inspector))
    _locate(ctx)
    ctx.profile = profiles.load(profile or ("hd36" if ctx.party_title is not None else profiles.DEFAULT))
    return ctx


def _forget_pictures(document) -> None:
    """Free the pictures' bytes: the checks look at where pictures are (the XML), never at what they show, and
    a long document's photos would otherwise stay in memory for the whole check."""
    for part in document.part.package.iter_parts():
        if part.content_type.startswith("image/") and hasattr(part, "_blob"):
            part._blob = b""


def _paragraphs(inspector) -> list[Paragraph]:
    found = []
    for para in inspector.paragraphs():
        if inspector.text_boxes and any(a.tag == W + "txbxContent" for a in para.element.iterancestors()):
            continue  # inside a text box (the DỰ THẢO box, a drawn shape): not part of the text flow
        runs = [r for r in inspector.runs(para.element) if r.text.strip()]
        found.append(Paragraph(len(found) + 1, para, _text(para.element, inspector.text_boxes), runs))
    return found


def _text(p, text_boxes: bool = True) -> str:
    parts = []
    for element in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if element.getparent().tag != W + "r" and element.tag != W + "t":
            continue  # a w:tab inside w:tabs is a tab stop, not a tab character
        if text_boxes and any(a.tag == W + "txbxContent" for a in element.iterancestors()):
            continue
        tag = element.tag[len(W):]
        parts.append({"t": element.text or "", "tab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}[tag])
    return unicodedata.normalize("NFC", "".join(parts)).replace("\u00a0", " ")


def _drawing(element) -> bool:
    return any(True for _ in element.iter(W + "drawing", W + "pict"))


def _locate(ctx: DocxContext) -> None:
    from kehoach.conventions import doctypes

    words = [p for p in ctx.paragraphs if not p.blank]
    names = {t.name.upper(): t for t in doctypes.all_types()}
    for p in words:
        if p.clean.upper() in names:
            ctx.doc_type, ctx.doc_type_info = p, names[p.clean.upper()]
            break
    head = [p for p in words if ctx.doc_type is None or p.index < ctx.doc_type.index]
    ctx.national_title = _first(head, lambda p: _NATIONAL.fullmatch(p.clean.upper()))
    ctx.motto = _first(head, lambda p: _MOTTO.fullmatch(dashes(p.clean).casefold()))
    ctx.party_title = _first(head, lambda p: _PARTY.fullmatch(p.clean.upper()))
    ctx.number = _first(head, lambda p: _NUMBER_LINE.match(p.clean))
    ctx.date = _first(head, lambda p: _DATE_LINE.match(p.clean))
    ctx.organ_mark = _first(head, lambda p: p.clean == "*")
    anchor = ctx.national_title or ctx.motto or ctx.party_title
    ctx.header_table = anchor.table if anchor is not None else None
    _organ(ctx, head, anchor)
    start = ctx.doc_type
    if start is None:
        start = _summary_under_number(ctx, words)  # a kind without a kind line (Công văn): «V/v …» under the number
    elif start is not None:
        for p in ctx.paragraphs[start.index:]:
            if (p.blank or p.para.in_table or p.para.align != "center" or p.clean.startswith(_BASIS)
                    or _ADDRESSEE.match(p.clean)):
                break
            ctx.summary.append(p)
        start = ctx.summary[-1] if ctx.summary else start
    if start is not None:
        ctx.addressee = _addressee(ctx.paragraphs[start.index:])
        start = ctx.addressee[-1] if ctx.addressee else start
        authority = None
        for p in ctx.paragraphs[start.index:]:
            if p.blank:
                continue
            if not ctx.bases and authority is None and _authority(p):
                authority = p  # Mẫu 1.2, 1.3: the issuing authority («ỦY BAN NHÂN DÂN …») stands above the bases
                continue
            if p.para.in_table or not (p.clean.startswith(_BASIS)
                                       or (ctx.bases and p.clean.startswith(_FURTHER_BASIS))):
                break
            ctx.bases.append(p)
        start = ctx.bases[-1] if ctx.bases else start
    after = start.index if start is not None else max(
        [p.index for p in words if p.table is not None and p.table is ctx.header_table]
        + [p.index for p in (ctx.number, ctx.date) if p is not None] + [0])
    ctx.recipients_label = _first(words, lambda p: p.index > after and _LABEL.match(p.lines[0]))
    _closing(ctx, words, after)
    end = min([p.index for p in ctx.paragraphs if ctx.closing_table is not None and p.table is ctx.closing_table]
              + [p.index for p in [ctx.recipients_label, *ctx.signer_titles] if p is not None]
              + [len(ctx.paragraphs) + 1])
    ctx.body = [p for p in words if after < p.index < end and not p.para.in_table]


def _summary_under_number(ctx: DocxContext, words: list[Paragraph]) -> Paragraph | None:
    """For a kind whose data has no kind line but its summary under the number (kehoach.kinds.catalog: «V/v …»),
    find that summary in the header table; the kind is then known. Returns the header's last paragraph."""
    from kehoach.conventions import doctypes
    from kehoach.kinds import catalog

    if ctx.header_table is None:
        return None
    in_header = [p for p in words if p.table is ctx.header_table]
    for kind in catalog.all_kinds():
        prefix = kind.summary_prefix
        found = [p for p in in_header if prefix and p.clean.startswith(prefix)]
        if found:
            ctx.summary, ctx.doc_type_info = found, doctypes.find(kind.name)
            return in_header[-1]
    return None


def _first(paragraphs, predicate):
    return next((p for p in paragraphs if predicate(p)), None)


def _addressee(following: list[Paragraph]) -> list[Paragraph]:
    """Ô 9a under the title: «Kính gửi: X», or «Kính gửi:» and one «- X;» paragraph per addressee (Mẫu 1.5)."""
    found: list[Paragraph] = []
    for p in following:
        if p.blank:
            continue
        if not found:
            if not _ADDRESSEE.match(p.clean):
                break
        elif not (found[-1].clean.endswith((":", ";")) and p.clean.startswith("-")):
            break
        found.append(p)
    return found


def _authority(p: Paragraph) -> bool:
    """A centred line in capitals outside the tables: the issuing authority of a decision, over its bases."""
    return not p.para.in_table and p.para.align == "center" and upper(p) and any(c.isalpha() for c in p.clean)


def _organ(ctx: DocxContext, head: list[Paragraph], anchor: Paragraph | None) -> None:
    """Ô 2: the lines of the header cell beside the Quốc hiệu, down to «Số:»."""
    if anchor is not None and anchor.cell is not None:
        column = _column(anchor.cell)
        lines = [p for p in head if p.table is ctx.header_table and _column(p.cell) != column]
    else:
        lines = [p for p in head if anchor is None or p.index < anchor.index]
    stop = ctx.number.index if ctx.number is not None else None
    lines = [p for p in lines if (stop is None or p.index < stop) and p is not ctx.date
             and p.clean.upper() != "DỰ THẢO" and p is not ctx.organ_mark]
    # A non-bold first line above a bold one is the parent organ (II.2.a) — unless it is the first half
    # of «ỦY BAN NHÂN DÂN / HUYỆN …», one name split in two lines (nd30.md §2.1).
    if (len(lines) >= 2 and not all(r.bold for r in lines[0].runs) and any(r.bold for r in lines[1].runs)
            and lines[0].clean.upper().replace("UỶ", "ỦY") != "ỦY BAN NHÂN DÂN"):
        ctx.parent_organ, lines = lines[0], lines[1:]
    ctx.organ = lines


def _column(cell) -> int:
    return cell.getparent().findall(W + "tc").index(cell) if cell is not None else -1


def _closing(ctx: DocxContext, words: list[Paragraph], after: int) -> None:
    """Ô 9b and 7: the recipients under «Nơi nhận:», the signer in the cell beside them."""
    label = ctx.recipients_label
    signer_cell = None
    if label is not None:
        if label.cell is not None:
            ctx.closing_table = label.table
            below = [p for p in words if p.index > label.index and p.cell is label.cell]
            row = label.cell.getparent()
            signer_cell = next((tc for tc in row.findall(W + "tc") if tc is not label.cell
                                and any(p.cell is tc for p in words)), None)
        else:
            below = []
            for p in ctx.paragraphs[label.index:]:
                if p.blank:
                    break
                below.append(p)
        ctx.recipients = _items(label, below)
    if signer_cell is None:
        prefixed = _first(words, lambda p: p.index > after and p.clean.upper().startswith(_SIGNING))
        if prefixed is not None and prefixed.cell is not None:
            signer_cell = prefixed.cell
            ctx.closing_table = ctx.closing_table or prefixed.table
    if signer_cell is not None:
        _signer(ctx, [p for p in ctx.paragraphs if p.cell is signer_cell])


#: How a signing authority starts, in either layout: what finds the signature block when «Nơi nhận:» is missing.
_SIGNING = ("TM.", "KT.", "Q.", "TL.", "TUQ.", "T/M", "K/T", "T/L")


def _items(label: Paragraph, below: list[Paragraph]) -> list[Item]:
    items: list[Item] = []
    lines = [(label, line) for line in label.lines[1:]]
    for p in below:
        lines += [(p, line) for line in p.lines]
    archived = False
    for p, line in lines:
        starts = line[:1] in "-+•–—"
        if items and not starts and not archived and not items[-1].text.endswith((";", ".")):
            last = items[-1]  # a long recipient carried over to the next line
            items[-1] = Item(last.paragraph, f"{last.text} {line}")
            continue
        if archived and not starts:
            break  # ô 12 under the list (drafter's code, copies), not a recipient
        items.append(Item(p, line))
        archived = archived or line.lstrip("-+•–— ").startswith("Lưu")
    return items


#: Room left for the signature: a name this far below the titles is the name, whatever its case. Read before the
#: profile is chosen, so the default profile's (the same in every shipped profile).
_SIGNATURE_GAP = profiles.load().tolerances.signature_gap.value


def _signer(ctx: DocxContext, cell: list[Paragraph]) -> None:
    """Titles (IN HOA) on top, the name at the bottom after the room for the signature."""
    lines = [p for p in cell if not p.blank and not _PLACEHOLDER.match(p.clean)]
    if not lines:
        return
    name = lines[-1]
    previous = lines[-2] if len(lines) > 1 else None
    gap = previous is not None and (
        any(p.blank or _PLACEHOLDER.match(p.clean) for p in cell if previous.index < p.index < name.index)
        or name.para.before + previous.para.after >= _SIGNATURE_GAP)
    if len(lines) > 1 and (gap or not upper(name)):
        ctx.signer_name, lines = name, lines[:-1]
    ctx.signer_titles = lines


def sections(ctx: DocxContext) -> list:
    """The `w:sectPr` of each section, in document order (tracked-change copies left out)."""
    body = ctx.document.element.body
    return [s for s in body.iter(W + "sectPr") if s.getparent().tag != W + "sectPrChange"]


def twips(element, attribute: str) -> int | None:
    """A length attribute of `element` in twips (None when absent or unreadable)."""
    from kehoach.inspect.reader import twips as length  # python-docx is loaded by now: a document was read

    return length(element.get(W + attribute)) if element is not None else None


def millimetres(value: float) -> str:
    return f"{value / TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " mm"


def section_name(index: int, count: int) -> str:
    """Nothing for a one-section document; which section, when the document has several."""
    return "" if count == 1 else f"phần thứ {index + 1} (section) của văn bản: "
