"""Document types and their abbreviations (ND30 Phụ lục III), read from the data file beside the code.

The table is data so that a new type (or a corrected abbreviation) is a one-line change a clerk can review.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

# Read beside the module rather than through importlib.resources, whose import (tempfile, zip support) costs
# a few ms on every check; kehoach is always installed as files.
_DATA = Path(__file__).resolve().parent.parent / "data"


class DocType(NamedTuple):
    """One row of the table: the type's name, its abbreviation in a symbol, and its family."""

    name: str
    abbreviation: str
    family: str  # "hanh_chinh" (ND30 administrative), "ban_sao" (copies), "quy_pham" (legal normative)
    source: str

    @property
    def is_legal_normative(self) -> bool:
        return self.family == "quy_pham"


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


@cache
def all_types() -> tuple[DocType, ...]:
    """Every known document type, in the order of the data file."""
    text = (_DATA / "loai_van_ban.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple(DocType(r["ten"], r["viet_tat"], r["nhom"], r["nguon"]) for r in rows)


@cache
def _by_name() -> dict[str, DocType]:
    return {_key(t.name): t for t in all_types()}


def find(name: str) -> DocType | None:
    """The type called `name` (case and Unicode form ignored), or None."""
    return _by_name().get(_key(name))


def names() -> list[str]:
    return [t.name for t in all_types()]
