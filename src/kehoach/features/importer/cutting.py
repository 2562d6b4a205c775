"""A document's blocks cut into what a reader of the page tells apart: the header above the type line, the
summary under it, the legal bases, the body, the closing sentence, «Nơi nhận» with the signature, and what
follows the signature (a «Phụ lục»).
"""

from __future__ import annotations

from kehoach.features.importer import bases as bases_of
from kehoach.features.importer import body as body_parts
from kehoach.features.importer import header as heads
from kehoach.features.importer.bases import LEADS as _LEADS
from kehoach.features.importer.reading import Block, Para, Table

_CLOSING = ("Trên đây", "Trên đây là", "Kính trình")


def split_top(blocks: list[Block]) -> tuple[list[Block], int | None]:
    """(the header's blocks, index of the type line «KẾ HOẠCH»); a Công văn has no type line: its header is the
    first table, or the paragraphs before the first one without a tab."""
    for i, block in enumerate(blocks[:12]):
        if isinstance(block, Para) and heads.kind_of(block):
            return blocks[:i], i
    if blocks and isinstance(blocks[0], Table):
        return blocks[:1], None
    count = 0
    while count < len(blocks) and isinstance(blocks[count], Para) and ("\t" in blocks[count].text
                                                                          or not blocks[count].flat):
        count += 1
    return blocks[:count], None


def subject(lines: list[str]) -> list[str]:
    """A Công văn's summary without its «V/v», on one line as kehoach writes it under the number."""
    text = " ".join(lines)
    return [text[3:].strip()] if text.startswith("V/v") else ([text] if text else [])


def bullet(line: str) -> tuple[str, bool]:
    return (line[2:], True) if line.startswith(("- ", "– ")) else (line, False)


def split_signature(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        first = block.rows[0][0][0].flat if isinstance(block, Table) and block.rows and block.rows[0] and \
            block.rows[0][0] else (block.flat if isinstance(block, Para) else "")
        if first.casefold().startswith("nơi nhận"):
            return blocks[:i], blocks[i:]
    return blocks, []


def split_appendix(blocks: list[Block]) -> tuple[list[Block], list[str] | None]:
    """(the signature's blocks, the appendix's heading lines) when a «Phụ lục» follows the signature."""
    for i, block in enumerate(blocks):
        if i and isinstance(block, Para) and block.flat.casefold() == "phụ lục":
            heading = [b.flat for b in blocks[i + 1:i + 4] if isinstance(b, Para) and b.flat]
            return blocks[:i], heading
    return blocks, None


def summary(blocks: list[Block]) -> tuple[list[str], list[Block]]:
    """The summary lines under the type line: centred lines up to a blank line or a rule."""
    summary = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            return summary, blocks[i:]
        text = block.flat
        if not text or heads.RULE.match(text):
            return summary, blocks[i + 1:] if summary else blocks[i + 1:]
        if text.startswith(_LEADS) or (summary and block.align not in ("center", None)):
            return summary, blocks[i:]
        summary += [line for line in block.lines if line]
    return summary, []


def block_lines(block: Block) -> list[str]:
    if isinstance(block, Para):
        return block.lines
    return [line for row in block.rows for cell in row for p in cell for line in p.lines]


def bases(lines: list[str]) -> tuple[list[str], list[str]]:
    bases = []
    for i, line in enumerate(lines):
        if bases_of.lead_of(line) is None or body_parts.is_heading(line):
            return bases, lines[i:]
        bases.append(line)
    return bases, []


def closing(lines: list[str]) -> tuple[list[str], list[str]]:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(_CLOSING):
            return lines[:i], lines[i:]
    return lines, []


ISSUED_WITH = "(Ban hành kèm theo"  # the line under an attached document's summary (quyet-dinh.yaml, kem-theo)


def split_attached(blocks: list[Block]) -> tuple[list[Block], list[Block] | None]:
    """(the signature's blocks, the attached document's) when a decision's signature is followed by the document
    it issues: its header (a table or centred lines), its type line («KẾ HOẠCH»), its summary, then «(Ban hành kèm
    theo Quyết định số …)»."""
    for i, block in enumerate(blocks):
        if not i or not isinstance(block, Para) or not heads.kind_of(block):
            continue
        following = [b.flat for b in blocks[i + 1:i + 6] if isinstance(b, Para)]
        if not any(line.startswith(ISSUED_WITH) for line in following):
            continue
        start = i
        while start > 1 and _attached_header(blocks[start - 1]):
            start -= 1
        return blocks[:start], blocks[start:]
    return blocks, None


def _attached_header(block: Block) -> bool:
    """True for a block of an attached document's header: the header's table, or a centred line of it (the
    organ, the national title, the motto, a rule), or the empty paragraph that breaks the page before it."""
    if isinstance(block, Table):
        first = block.rows[0][0][0].flat if block.rows and block.rows[0] and block.rows[0][0] else ""
        return not first.casefold().startswith("nơi nhận")
    # typed with tabs: «ỦY BAN NHÂN DÂN<Tab>CỘNG HÒA …»; each column a header line (a signature's have lower case)
    return all(not text or text.isupper() or text == "*" or bool(heads.RULE.match(text)) or text == heads.MOTTO
               for line in block.lines for text in (p.strip() for p in block.text.replace("\n", "\t").split("\t")))


def attached_parts(blocks: list[Block]) -> tuple[list[Block], Para, list[str], str, list[Block]]:
    """(header blocks, type line, summary lines, the «(Ban hành kèm theo …)» line, the body's blocks) of the
    document split_attached found."""
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Para) and heads.kind_of(b))
    summary_lines: list[str] = []
    for j in range(at + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, Para) and block.flat.startswith(ISSUED_WITH):
            return blocks[:at], blocks[at], summary_lines, block.flat, blocks[j + 1:]
        summary_lines += [line for line in block_lines(block) if line]
    raise ValueError("no «(Ban hành kèm theo …)» line: split_attached found none")
