"""Footnotes: `[^text]` in a plan's text becomes a real Word footnote, numbered in document order.

python-docx has no API for footnotes, and docxtpl only fills the template's text. So the clerk's own
`[^text]` is the marker: docxtpl carries it into the paragraph like any text (one `{{ … }}` is one run),
and after rendering `apply` replaces each one by a `w:footnoteReference` run and writes the note into the
footnotes part (`word/footnotes.xml`, created with its separator notes when the template has none). The
template context keeps `[^text]` as written, so `kehoach textconv` and diffs show the note in place.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.shared import Pt

from kehoach import profiles
from kehoach.conventions.text import NOTE, strip_notes
from kehoach.render.oxml.footnotes import (
    footnote, footnote_reference_run, footnotes_root, footnotes_xml, note_ids, replace_run, runs_with_text,
    separator_footnote, set_footnote_separators, split_run,
)

TEXT_STYLE = "FootnoteText"  # Word's built-in «footnote text»
MARK_STYLE = "FootnoteReference"  # Word's built-in «footnote reference»
_SEPARATORS = ((-1, "separator"), (0, "continuationSeparator"))  # the ids Word gives them


#: `text` without its notes (kehoach.conventions.text, where kehoach's sentences strip them too).
strip = strip_notes


def apply(document) -> int:
    """Replace every `[^note]` in the body by a footnote; return how many notes were made."""
    runs = runs_with_text(document.element.body, NOTE)
    if not runs:
        return 0
    add_styles(document)
    part, root, created = _footnotes_part(document)
    first_id = next_id = max(note_ids(root) + [0]) + 1
    for run in runs:
        elements = []
        for piece in split_run(run, NOTE):
            if isinstance(piece, str):  # a note: its reference here, its text in the footnotes part
                root.append(footnote(next_id, piece, TEXT_STYLE, MARK_STYLE))
                elements.append(footnote_reference_run(next_id, MARK_STYLE))
                next_id += 1
            else:
                elements.append(piece)
        replace_run(run, elements)
    _store(part, root)
    if created:
        set_footnote_separators(document.settings.element, tuple(i for i, _ in _SEPARATORS))
    return next_id - first_id


def _footnotes_part(document):
    """The document's footnotes part and its root element; a new part (with separators) if there is none."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            root = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
            return part, root, False
    root = footnotes_root()
    for note_id, kind in _SEPARATORS:
        root.append(separator_footnote(note_id, kind))
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    return part, root, True


def _store(part, root) -> None:
    # A part python-docx does not know (a template's own footnotes.xml) is kept as bytes: write them back.
    if not isinstance(part, XmlPart):
        part._blob = footnotes_xml(root)


def add_styles(document) -> None:
    """Word's «footnote text» and «footnote reference» styles, if the template lacks them.

    The default template has them (template_builder), so a clerk can adjust them in Word; a clerk's
    older template gets them here.
    """
    styles = document.styles
    ids = {style.style_id for style in styles}
    if TEXT_STYLE not in ids:
        text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        text.style_id = TEXT_STYLE
        text.base_style = styles["Normal"]
        text.font.size = Pt(profiles.load().sizes.footnote.value)
        fmt = text.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if MARK_STYLE not in ids:
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        reference.style_id = MARK_STYLE
        reference.font.superscript = True
