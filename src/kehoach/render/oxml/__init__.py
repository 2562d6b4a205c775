"""The raw WordprocessingML that python-docx has no API for, each function named after what it writes.

Everything else goes through python-docx's public API; only this package builds `w:` elements by hand, one
module per part of a document: `paragraphs` (run fonts, paragraph borders and indents, the PAGE field),
`tables` (borders, indent, cell margins, rows), `sections` (section breaks and page numbering),
`footnotes` (the footnotes part, its references, a run cut where its notes stand) and `revisions`
(tracked changes for kehoach diff --docx, and the paragraphs' reading and moving they need); `children`
finds or creates a child element in the schema's order.
"""
