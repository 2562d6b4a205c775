"""A Word file as the zip of parts it is: opened through the guarded read, a part found by its relationship.

Only the parts a check reads are ever inflated — the main document (streamed), its styles, theme, settings,
headers and footers; never the pictures, which make most of a long document's size. The archive's limits (members,
inflated size, compression ratio) are checked by `source.reading.read_docx` before anything is inflated, and
a member is never inflated beyond the size the archive declares for it.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import IO

from kehoach.errors import DocxUnreadable, InputError
from kehoach.problems import Location
from kehoach.sharing import sharing_violation_in

#: The relationship types a check follows (ECMA-376 Part 1, 15.2).
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"

#: What a clerk is told when the file is no Word document (or a damaged one): the same for every cause.
NOT_WORD = ("không mở được tệp này như một văn bản Word .docx (tệp hỏng, hoặc là tệp .doc cũ đổi tên); hãy mở "
            "bằng Word rồi lưu lại dạng «Word Document (.docx)»")



def damaged() -> tuple[type[Exception], ...]:
    """What reading a damaged archive or damaged XML raises, whichever part it is in (a missing member,
    a member compressed in a way zipfile cannot inflate or encrypted, a CRC or an XML error)."""
    from lxml import etree

    return (zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, EOFError, OSError, KeyError, NotImplementedError,
            RuntimeError)


def unreadable(error: Exception, display: str) -> InputError:
    """What to raise for `error`, met while reading the Word file `display` after the guarded read opened it
    (what `damaged()` lists): a file another program locked meanwhile (Windows: winerror 32, 33) is said as the
    guarded read says it, with what to do; anything else makes it no Word document (DocxUnreadable)."""
    held = sharing_violation_in(error)
    if held is not None:
        from kehoach.source.reading import cannot_read

        return InputError(cannot_read(display, held), Location(display), "file-unreadable")
    return DocxUnreadable(NOT_WORD)


def parser():
    """A parser that never fetches or expands anything a document declares (no network, no entities)."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True)


class Package:
    """An opened .docx: its main document part and the parts related to it, read on demand."""

    def __init__(self, handle: IO[bytes], display: str = "") -> None:
        """`handle`: the file, as the guarded read opened it; DocxUnreadable when it is no Word package.
        `display`: the file's name in messages (a file another program holds)."""
        self._handle, self.display = handle, display
        self._relationships: dict[str, dict] = {}
        try:
            self._zip = zipfile.ZipFile(handle)
            self._names = set(self._zip.namelist())
            self.main = self.related("", OFFICE_DOCUMENT)
            if self.main is None or self._content_type(self.main) != _MAIN:
                raise DocxUnreadable(NOT_WORD)  # no main part, or a template or a workbook
        except (*damaged(), ValueError) as error:
            self.close()
            raise self.unreadable(error) from None
        except BaseException:
            self.close()
            raise

    @classmethod
    def open(cls, path: Path, display: str) -> Package:
        """The Word file at `path` through the guarded read (a regular file, within its size and archive
        limits): InputError when it cannot be used, DocxUnreadable when it is no Word document."""
        from kehoach.source.reading import read_docx

        return cls(read_docx(path, "docx", display), display)

    def unreadable(self, error: Exception) -> InputError:
        """What to raise for `error`, met while reading the opened file (see `unreadable`)."""
        return unreadable(error, self.display)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def relationships(self, source: str) -> dict[str, tuple[str, str | None]]:
        """The relationships of part `source` ("" for the package): id -> (type, the target part's name,
        None for an external target)."""
        if source in self._relationships:
            return self._relationships[source]
        folder, name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self._names:
            self._relationships[source] = {}
            return {}
        found = {}
        for rel in self.parse(rels).iter(_PACKAGE + "Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                part = None
            elif target.startswith("/"):
                part = posixpath.normpath(target[1:])
            else:
                part = posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(rel.get("Id"), (rel.get("Type"), part))
        self._relationships[source] = found
        return found

    def related(self, source: str, kind: str) -> str | None:
        """The name of the first part `source` relates to by `kind` (a relationship type), if it exists."""
        return next((part for rel, part in self.relationships(source).values()
                     if rel == kind and part in self._names), None)

    def target(self, source: str, rel_id: str | None) -> str | None:
        """The name of the part `source` names `rel_id`, if it exists."""
        part = self.relationships(source).get(rel_id, (None, None))[1]
        return part if part in self._names else None

    def stream(self, part: str) -> IO[bytes]:
        """Part `part` as a stream, inflated as it is read (never beyond its declared size)."""
        return self._zip.open(part)

    def parse(self, part: str):
        """Part `part` parsed whole (the small parts: relationships, styles, theme, a header)."""
        from lxml import etree

        with self.stream(part) as stream:
            return etree.parse(stream, parser()).getroot()

    def _content_type(self, part: str) -> str | None:
        types = self.parse("[Content_Types].xml")
        for override in types.iter(_TYPES + "Override"):
            if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
                return override.get("ContentType")
        extension = posixpath.splitext(part)[1][1:].lower()
        for default in types.iter(_TYPES + "Default"):
            if (default.get("Extension") or "").lower() == extension:
                return default.get("ContentType")
        return None
