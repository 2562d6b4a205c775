"""Where the ND30 elements of a Word document are: found by their content, the way a clerk finds them on paper.

Not a rule (the leading underscore keeps it out of the registry). The Quốc hiệu is found by its words, «Số:» by
its shape, the type name alone on its line, the signature in the cell beside «Nơi nhận:» — never by kehoach's
own style names, so that the checks work on a plan typed by hand or sent by another office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kehoach import profiles
from kehoach.inspect.body import Cell, Paragraph
from kehoach.rules._docx_looks import dashes, upper

if TYPE_CHECKING:
    from kehoach.rules._docx import DocxContext

_NATIONAL = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_PARTY = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM")
_MOTTO = re.compile(r"độc lập\s*-\s*tự do\s*-\s*hạnh phúc")
_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*[\d ]*[/-]\s*\S", re.IGNORECASE)  # 12/KH-UBND, 12-KH/ĐU
_DATE_LINE = re.compile(r"^[^,]{1,80},\s*ngày\b", re.IGNORECASE)
_LABEL = re.compile(r"^nơi nhận\s*:?$", re.IGNORECASE)
_ADDRESSEE = re.compile(r"^kính gửi\b", re.IGNORECASE)
#: How a basis begins; a decision's last one is «Theo đề nghị của …» (Mẫu 1.2, 1.3), a Party decision's «Xét đề
#: nghị của …» (data/kinds/quyet-dinh.yaml, theo_the_thuc).
_BASIS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")
#: After the «Căn cứ» lines, real documents go on with «Thực hiện …» bases in the same block (ND30 allows it).
_FURTHER_BASIS = ("Thực hiện", "Triển khai thực hiện")
_PLACEHOLDER = re.compile(r"^\(.*\)$")  # (Đã ký), (Chữ ký, dấu): stands in for the signature


@dataclass(frozen=True)
class Item:
    """One recipient line (a paragraph may hold several, split by line breaks)."""

    paragraph: Paragraph
    text: str


def locate(ctx: DocxContext) -> None:
    """Find each element of the layout in `ctx.paragraphs` and set it on `ctx`."""
    from kehoach.conventions import doctypes

    words = [p for p in ctx.paragraphs if not p.blank]
    names = {t.name.upper(): t for t in doctypes.all_types()}
    longest = max(map(len, names))  # a longer line is no type name (capitals are never shorter): no need to look
    for p in words:
        if len(p.clean) <= longest and p.clean.upper() in names:
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
            if (p.blank or p.in_table or p.para.align != "center" or p.clean.startswith(_BASIS)
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
            if p.in_table or not (p.clean.startswith(_BASIS)
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
    ctx.body = [p for p in words if after < p.index < end and not p.in_table]


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
    return not p.in_table and p.para.align == "center" and upper(p) and any(c.isalpha() for c in p.clean)


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



def _column(cell: Cell | None) -> int:
    return cell.column if cell is not None else -1


def _closing(ctx: DocxContext, words: list[Paragraph], after: int) -> None:
    """Ô 9b and 7: the recipients under «Nơi nhận:», the signer in the cell beside them."""
    label = ctx.recipients_label
    signer_cell = None
    if label is not None:
        if label.cell is not None:
            ctx.closing_table = label.table
            below = [p for p in words if p.index > label.index and p.cell is label.cell]
            signer_cell = next((tc for tc in label.cell.row.cells if tc is not label.cell
                                and any(p.cell is tc for p in words)), None)
        else:
            below = []
            for p in ctx.paragraphs[label.index:]:
                if p.blank:
                    break
                below.append(p)
        ctx.recipients = _items(label, below)
    if signer_cell is None:
        prefixed = _first(words, lambda p: p.index > after and p.clean[:8].upper().startswith(_SIGNING))
        if prefixed is not None and prefixed.cell is not None:
            signer_cell = prefixed.cell
            ctx.closing_table = ctx.closing_table or prefixed.table
    if signer_cell is not None:
        _signer(ctx, [p for p in ctx.paragraphs if p.cell is signer_cell])


#: How a signing authority starts, in either layout: what finds the signature block when «Nơi nhận:» is missing
#: (each shorter than the 8 first characters put in capitals to compare).
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

