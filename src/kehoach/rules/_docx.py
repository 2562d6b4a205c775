"""What the docx-… rules look at: a Word document read once, its ND30 elements found by their content.

Not a rule (the leading underscore keeps it out of the registry). `read` streams the document through
kehoach.inspect (lxml only, never python-docx, never the pictures) into paragraph records, then finds the
elements (kehoach.rules._docx_find); the rules compare them with the profile and word their findings with the
helpers of kehoach.rules._docx_looks, which this module also offers. Nothing here loads lxml until a document
is read: `kehoach check plan.yaml` never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach import profiles
from kehoach.inspect.body import Paragraph, Table
from kehoach.inspect.formatting import W, Styles
from kehoach.inspect.package import DocxUnreadable
from kehoach.inspect.sections import Section, Story
from kehoach.problems import Location, Problem
from kehoach.profiles import Profile
from kehoach.rules._docx_find import Item, locate
from kehoach.rules._docx_looks import (dashes, differences, formatting, looks, millimetres, pt, pt_range, quote,
                                       section_name, sections_name, sizes, story_name, twips, upper)


@dataclass(eq=False)
class DocxContext:
    """A Word document with its paragraphs and the ND30 elements found in it (None or [] when absent)."""

    file: str
    paragraphs: list[Paragraph]
    styles: Styles = None  # the effective formatting of any paragraph (a header's too)
    #: Each section in document order, with the headers and footers its pages show (kehoach.inspect.sections).
    sections: list[Section] = field(default_factory=list)
    text_boxes: bool = False  # whether the body has a text box
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
    header_table: Table | None = None
    closing_table: Table | None = None

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

    def stories(self) -> list[tuple[str, Story]]:
        """Each header and footer some page shows, once however many sections show it, with where it shows as a
        message names it: which sections (none named when all do), which header or footer."""
        places: dict[str, tuple[list[int], str, Story]] = {}
        for section in self.sections:
            for kind, type_, story in section.shown():
                if story is None:
                    continue
                found = places.get(story.part)
                if found is None:
                    places[story.part] = ([section.index], story_name(kind, type_, section.even_and_odd), story)
                elif found[0][-1] != section.index:  # sections come in order: a repeat is the last one
                    found[0].append(section.index)
        return [(sections_name(indices, len(self.sections)) + name, story)
                for indices, name, story in places.values()]

    def in_story(self, where: str, p: Paragraph, message: str) -> Problem:
        """A finding on paragraph `p` of a header or footer (`where`: as `stories` names it)."""
        return Problem(f"{where} {quote(p.text)}: {message}", location=Location(self.file))

    def next_paragraph(self, p: Paragraph) -> Paragraph | None:
        return self.paragraphs[p.index] if p.index < len(self.paragraphs) else None

    def line_below(self, p: Paragraph, underline: bool = False) -> bool:
        """Whether a horizontal line follows `p`: its bottom border, a drawn line, a next empty paragraph
        with a border or a drawing or typed underscores; with `underline`, also the text underlined."""
        if "bottom" in p.para.borders or p.drawing:
            return True
        if underline and p.runs and all(r.underline not in (None, "none") for r in p.runs):
            return True
        after = self.next_paragraph(p)
        if after is None or after.cell is not p.cell or not after.blank:
            return False
        return bool(after.para.borders & {"top", "bottom"}) or after.drawing or bool(after.clean)


def read(path: Path, display: str, profile: str | None = None) -> DocxContext:
    """Read a .docx and find its elements; DocxUnreadable when it is not a Word document, InputError when the
    guarded read refuses it.

    The layout it is checked against is `profile` (nd30, hd36) or, without one, the one its header shows:
    «ĐẢNG CỘNG SẢN VIỆT NAM» above the place and date is a Party document (HD 36), anything else a State one.
    """
    from kehoach.inspect.document import read_document
    from kehoach.inspect.package import Package, damaged

    with Package.open(path, display) as package:  # InputError: refused by the guarded read (size, archive, FIFO)
        try:
            document = read_document(package)
        except damaged() as error:  # a damaged part, or one another program locked since the file was opened
            raise package.unreadable(error) from None
    ctx = DocxContext(display, document.paragraphs, document.styles, document.sections, document.text_boxes)
    locate(ctx)
    ctx.profile = profiles.load(profile or ("hd36" if ctx.party_title is not None else profiles.DEFAULT))
    return ctx


def sections(ctx: DocxContext) -> list:
    """The `w:sectPr` of each section, in document order (tracked-change copies left out)."""
    return [section.element for section in ctx.sections]


__all__ = ["W", "DocxContext", "DocxUnreadable", "Item", "Paragraph", "dashes", "differences", "formatting", "looks",
           "millimetres", "pt", "pt_range", "quote", "read", "section_name", "sections", "sections_name", "sizes",
           "story_name", "twips", "upper"]
