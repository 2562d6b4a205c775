"""`kehoach import`: an issued Word document back into a kehoach data file.

The stages, one module each:
- `reading`: the paragraphs as Word shows them (accepted tracked changes, list numbers computed, soft
  breaks kept, TCVN3/VNI text converted to Unicode);
- `numbering`: the numbers Word draws for list paragraphs (numbering.xml);
- `citations`: «Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về việc …» → its parts;
- `units`: the units named in the document, declared once, short and full names matched;
- `header`: the header (organ, number, place and date), the title, recipients and signature;
- `body`: the parts, their numbering, activities and duties;
- `cutting`: the blocks cut into header, title, bases, body, closing, signature, appendix;
- `organ`, `outline`, `ends`: the header, the body's parts, «Nơi nhận» and the signature → the data;
- `recognise`: the whole document → the data, with a note wherever it guessed or could not recognise;
- `writing`: the data → YAML laid out as `kehoach fmt` writes it, the notes as comments.

What is not recognised stays as text at its place, marked `xem_lai:` with the reason: nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImportedFile:
    """What `import_docx` made: the data file's text, and how many places are marked for review."""

    text: str
    reviews: int


def import_docx(path: Path) -> ImportedFile:
    """The data file (text) of the Word document at `path`; InputError when it cannot be read."""
    from kehoach.features.importer.reading import read_document
    from kehoach.features.importer.recognise import recognise
    from kehoach.features.importer.writing import to_yaml

    imported = recognise(read_document(path))
    return ImportedFile(to_yaml(imported, path.name), imported.reviews)
