"""Reading a cited document's number and symbol (số, ký hiệu), shared by the citation-* rules.

Not a rule (the leading underscore keeps the registry away). A symbol reads
`number[/year]/TYPE-ISSUER`: `90/QĐ-TTg`, `06/2022/TT-BTTTT`, `12/UBND-VX` (a Công văn: no type
code, so its "code" is the organ), `30/2021/QH15` (a law or a resolution of the National Assembly:
no hyphen, the term number instead of type and issuer). A Party document (Hướng dẫn 36-HD/VPTW, II.1.3)
reads `number-TYPE/ORGAN`: `05-CT/TW`, `20-NQ/TU`, `289-QĐ/TU`; it is checked by its own rule and never
"corrected" to the State pattern.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from kehoach.conventions import doctypes
from kehoach.model.plan import CitedDocument

_DIGITS = re.compile(r"[0-9]+")
#: 289-QĐ/TU: number, "-", the type's abbreviation, "/", the Party organ (spaces around the marks tolerated).
_PARTY = re.compile(r"(?P<number>[0-9]+)\s*-\s*(?P<code>[^\s/-]+)\s*/\s*(?P<issuer>[^\s/]+(?:\s*-\s*[^\s/]+)*)")
#: The National Assembly and its Standing Committee write the term number instead of type-issuer.
_ASSEMBLY = re.compile(r"(?:UBTV)?QH[0-9]+")
#: Types whose symbol says whether the document is administrative (90/QĐ-TTg) or normative
#: (15/2023/QĐ-UBND): the table holds them once, as administrative, with the same code for both.
DUAL_FORM = frozenset({"Quyết định", "Nghị quyết"})


class Symbol(NamedTuple):
    """A number and symbol split into its parts, each as written (spaces around parts dropped)."""

    number: str
    year: str | None  # the digits between number and code (a normative symbol's year), as written
    tail: str  # everything after the year: TYPE-ISSUER
    code: str  # the part of the tail before the first "-"
    issuer: str | None
    party: bool = False  # the Party's form number-TYPE/ORGAN (Hướng dẫn 36-HD/VPTW)

    @property
    def full_year(self) -> int | None:
        """The year when it is written with four digits, else None."""
        return int(self.year) if self.year is not None and len(self.year) == 4 else None

    @property
    def is_assembly_form(self) -> bool:
        return self.issuer is None and bool(_ASSEMBLY.fullmatch(self.code))

    def with_year(self, year: int | None) -> str:
        middle = f"/{year}" if year is not None else ""
        return f"{self.number}{middle}/{self.tail}"

    def with_code(self, code: str) -> str:
        if self.party:
            return f"{self.number}-{code}/{self.issuer}"
        middle = f"/{self.year}" if self.year is not None else ""
        rest = f"-{self.issuer}" if self.issuer is not None else ""
        return f"{self.number}{middle}/{code}{rest}"


def parse(text: str) -> Symbol | None:
    """The parts of a number and symbol, or None when it is no symbol at all (no "/", nothing after it)."""
    text = unicodedata.normalize("NFC", text).strip()
    if party := _PARTY.fullmatch(text):
        issuer = re.sub(r"\s+", "", party["issuer"])
        return Symbol(party["number"], None, f"{party['code']}/{issuer}", party["code"], issuer, party=True)
    parts = [part.strip() for part in text.split("/")]
    if len(parts) < 2:
        return None
    number, rest = parts[0], parts[1:]
    year = None
    if len(rest) >= 2 and _DIGITS.fullmatch(rest[0]):
        year, rest = rest[0], rest[1:]
    tail = "/".join(rest)
    if not tail:
        return None
    code, dash, issuer = tail.partition("-")
    return Symbol(number, year, tail, code.strip(), issuer.strip() if dash else None)


def doc_type(doc: CitedDocument) -> doctypes.DocType:
    found = doctypes.find(doc.type)
    assert found is not None  # the model refuses unknown types
    return found


def is_law(doc: CitedDocument) -> bool:
    """Luật, Bộ luật, Pháp lệnh: normative types cited by name and date only (no code in the table)."""
    kind = doc_type(doc)
    return kind.is_legal_normative and not kind.abbreviation


def is_normative(doc: CitedDocument) -> bool:
    """A legal normative document whose symbol must carry its year (laws aside: they carry no symbol)."""
    kind = doc_type(doc)
    if kind.is_legal_normative:
        return bool(kind.abbreviation)
    if kind.name in DUAL_FORM and doc.number:
        symbol = parse(doc.number)
        return symbol is not None and symbol.year is not None
    return False
