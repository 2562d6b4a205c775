"""Raw `w:` XML of footnotes (kehoach.render.footnotes): the footnotes part, its separators, a note, and the
run that marks where a note's number stands in the text."""

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
