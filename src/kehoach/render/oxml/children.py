"""A child element found, or created where the schema puts it: WordprocessingML requires its children in a
fixed order, and Word refuses a document that breaks it."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def child(parent, tag: str, before: tuple[str, ...] = ()):
    """The first `tag` child of `parent`, created in schema order (before any of `before`) if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for name in before:
        successor = parent.find(qn(name))
        if successor is not None:
            successor.addprevious(element)
            return element
    parent.append(element)
    return element
