"""Raw `w:` XML of footnotes (kehoach.render.footnotes): the footnotes part, its separators, a note, the
run that marks where a note's number stands in the text, and a run cut where its notes are written."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def footnotes_root():
    """`w:footnotes`: the root of the footnotes part."""
    return OxmlElement("w:footnotes", nsdecls={prefix: nsmap[prefix] for prefix in ("w", "r")})


def separator_footnote(note_id: int, kind: str):
    """`w:footnote` of type separator or continuationSeparator: the short line above the notes of a page."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:type"), kind)
    note.set(qn("w:id"), str(note_id))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    p.append(ppr)
    run = OxmlElement("w:r")
    run.append(OxmlElement(f"w:{kind}"))
    p.append(run)
    note.append(p)
    return note


def footnote(note_id: int, text: str, paragraph_style: str, mark_style: str):
    """`w:footnote`: one paragraph, the note's own number (`w:footnoteRef`) then a space and its text."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(note_id))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), paragraph_style)
    ppr.append(pstyle)
    p.append(ppr)
    mark = _styled_run(mark_style)
    mark.append(OxmlElement("w:footnoteRef"))
    p.append(mark)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(_XML_SPACE, "preserve")
    t.text = f" {text}"
    run.append(t)
    p.append(run)
    note.append(p)
    return note


def run_like(rpr):
    """An empty `w:r` with a copy of `rpr` (None: no properties), for text split out of a run."""
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(deepcopy(rpr))
    return run


def split_run(run, note) -> list:
    """The pieces of `run` in order, cut where the pattern `note` matches its text: runs (copies carrying its
    formatting) and, for each match, the text of the pattern's group (a note to write)."""
    rpr = run.find(qn("w:rPr"))
    pieces: list = []
    current = None
    for piece in list(run):
        if piece is rpr:
            continue
        if piece.tag != qn("w:t") or not note.search(piece.text or ""):
            if current is None:
                current = run_like(rpr)
                pieces.append(current)
            current.append(piece)
            continue
        for index, part in enumerate(note.split(piece.text)):
            if index % 2:  # a note's text
                pieces.append(part)
                current = None
            elif part:
                if current is None:
                    current = run_like(rpr)
                    pieces.append(current)
                t = deepcopy(piece)
                t.text = part
                t.set(_XML_SPACE, "preserve")
                current.append(t)
    return pieces


def replace_run(run, elements) -> None:
    """`run` replaced, where it stands, by `elements` in order."""
    for element in elements:
        run.addprevious(element)
    run.getparent().remove(run)


def footnotes_xml(root) -> bytes:
    """The footnotes part's bytes, as Word writes an XML part (declaration, UTF-8, standalone)."""
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def note_ids(root) -> list[int]:
    """The ids of the notes already in a footnotes part (separators included)."""
    return [int(n.get(qn("w:id"))) for n in root.findall(qn("w:footnote"))]


def runs_with_text(body, note) -> list:
    """Every run of `body` whose text the pattern `note` matches."""
    return [r for r in body.iter(qn("w:r")) if any(note.search(t.text or "") for t in r.iter(qn("w:t")))]


def footnote_reference_run(note_id: int, mark_style: str):
    """`w:r` with `w:footnoteReference`: where the note's number stands in the text."""
    run = _styled_run(mark_style)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run.append(reference)
    return run


def _styled_run(style_id: str):
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rstyle = OxmlElement("w:rStyle")
    rstyle.set(qn("w:val"), style_id)
    rpr.append(rstyle)
    run.append(rpr)
    return run


def set_footnote_separators(settings, ids: tuple[int, ...]) -> None:
    """`w:footnotePr` in the settings, naming the separator footnotes (Word expects it with a footnotes part)."""
    if settings.find(qn("w:footnotePr")) is not None:
        return
    properties = OxmlElement("w:footnotePr")
    for note_id in ids:
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), str(note_id))
        properties.append(ref)
    for name in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                 "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                 "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                 "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                 "w:decimalSymbol", "w:listSeparator"):
        successor = settings.find(qn(name))
        if successor is not None:
            successor.addprevious(properties)
            return
    settings.append(properties)
