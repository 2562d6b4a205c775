"""How a cited document is written in a sentence: the one place that composes a citation.

Nghị định 30/2020/NĐ-CP, Phụ lục I, II.6.b: the first mention gives type, number and symbol, date, issuer
and title; later mentions give type, number and date. Laws and codes are cited by name and date (or year)
without number or issuer, as the decree itself does: «Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015».
Real documents differ within what the decree allows, and each of their choices is a field of the data:

- the date in figures (`so`: «ngày 18/01/2022») or in words (`chu`: «ngày 18 tháng 01 năm 2022»), per
  document or per citation, with the zero rule of II.4.b in both;
- a law «được Quốc hội thông qua ngày …», or «năm 2012» when only the year is cited;
- the date exactly as the original prints it (`ngay_ghi`), when a copy must be reproduced word for word:
  the checks then report what the decree forbids in it instead of silently changing it;
- a pattern (`mau`) for the order and punctuation of the parts, for the same reason.

Pure functions over any object with the fields of `kehoach.model.plan.CitedDocument` (no model import:
this layer sits below the model).
"""

from __future__ import annotations

import re
import string

from kehoach.conventions.text import long_date, short_date

#: Date styles a clerk can choose (the YAML key kieu_ngay): figures or words.
FIGURES, WORDS = "so", "chu"
DATE_STYLES = (FIGURES, WORDS)
#: The forms of a `[[mã]]` reference to a document: short (type, number, date) or full (with issuer, title).
SHORT, FULL = "ngan", "day-du"
FORMS = (SHORT, FULL)
#: Types cited by name, without number or issuer (ND30 Phụ lục I, II.6.b).
NAMED_TYPES = frozenset({"luật", "bộ luật", "pháp lệnh"})
#: The fields a citation pattern (mau) may use, with what each stands for.
PATTERN_FIELDS = {"loai": "tên loại", "so": "số, ký hiệu", "ngay": "ngày ban hành (không có chữ «ngày»)",
                  "co_quan": "cơ quan ban hành", "trich_yeu": "trích yếu hoặc tên gọi"}
_SPACES = re.compile(r"\s+")


def is_named(doc) -> bool:
    """Luật, Bộ luật, Pháp lệnh: cited by name (their title), not by «số … của …»."""
    return doc.type.strip().casefold() in NAMED_TYPES


def date_style(doc, style: str | None = None) -> str:
    """The style to write `doc`'s date in: the citation's choice, else the document's, else by its type."""
    return style or getattr(doc, "date_style", None) or (WORDS if is_named(doc) else FIGURES)


def date_text(doc, style: str | None = None) -> str | None:
    """The date without the word «ngày»: «18/01/2022» or «18 tháng 01 năm 2022»; as written when it was given so."""
    written = getattr(doc, "written_date", None)
    if written:
        return written
    if doc.date is None:
        return None
    if date_style(doc, style) == WORDS:
        return long_date(doc.date).removeprefix("ngày ")
    return short_date(doc.date)


def _named_tail(doc, style: str | None) -> list[str]:
    """After a law's name: «số …», then «được Quốc hội thông qua ngày …», «ngày …» or «năm 2012»."""
    parts = []
    if doc.number:
        parts.append(f"số {doc.number}")
    when = date_text(doc, style)
    passed_by = getattr(doc, "passed_by", None)
    if when and passed_by:
        parts.append(f"được {passed_by} thông qua ngày {when}")
    elif when:
        parts.append(f"ngày {when}")
    elif getattr(doc, "year", None):
        parts.append(f"năm {doc.year}")
    return parts


def cite(doc, form: str = FULL, style: str | None = None) -> str:
    """`doc` as a sentence cites it: the full first mention (FULL) or the short later one (SHORT)."""
    pattern = getattr(doc, "pattern", None)
    if pattern and form == FULL:
        return fill(pattern, doc, style)
    if is_named(doc):
        parts = [doc.type] + ([doc.title] if doc.title else [])
        if form == SHORT:
            return " ".join(parts + ([f"năm {doc.year}"] if getattr(doc, "year", None) and not doc.date else []))
        return " ".join(parts + _named_tail(doc, style))
    parts = [doc.type]
    if doc.number:
        parts.append(f"số {doc.number}")
    when = date_text(doc, style)
    if when:
        parts.append(f"ngày {when}")
    if form == SHORT:
        return " ".join(parts)
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    if doc.title:
        parts.append(doc.title)
    return " ".join(parts)


def pattern_fields(pattern: str) -> list[str]:
    """The field names a pattern uses, in order; a name outside PATTERN_FIELDS is returned too (to report)."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        return ["{"]


def fill(pattern: str, doc, style: str | None = None) -> str:
    """A citation pattern such as «{loai} số: {so}, ngày {ngay} của {co_quan} {trich_yeu}» filled from `doc`."""
    values = {"loai": doc.type, "so": doc.number or "", "ngay": date_text(doc, style) or "",
              "co_quan": doc.issuer or "", "trich_yeu": doc.title or ""}
    text = string.Formatter().vformat(pattern, (), _Missing(values))
    return _SPACES.sub(" ", text).strip()


class _Missing(dict):
    """Unknown fields stay as written; the rule citation-pattern reports them."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def join(citations: list[str]) -> str:
    """Several documents cited in one basis, separated by «; » as real documents do."""
    return "; ".join(citations)


def basis_paragraph(documents, basis, expand, last: bool) -> str:
    """One basis paragraph: its lead and the documents it cites (joined by «; »), or its free text; its end
    mark (ND30 II.6.a: «;», the last «.»; or the clerk's `dau_cuoi`); then the sentence that follows it in the
    same paragraph (`tiep`), if any. `documents` maps ids to cited documents; `expand` resolves `[[id]]`."""
    from kehoach.conventions.text import end_with

    if basis.documents:
        cited = [cite(documents[ref], FULL, basis.date_style) for ref in basis.documents]
        text = f"{basis.lead} {join(cited)}"
    else:
        text = expand(basis.text or "")
    text = end_with(text, basis.end or ("." if last else ";"))
    return f"{text} {expand(basis.follow)}" if basis.follow else text


def end_mark_problem(text: str, last: bool, last_mark: str | None = None) -> str | None:
    """What is wrong with how a basis paragraph ends (ND30 Phụ lục I, II.6.a), or None; the same words for the
    data check (basis-end-mark) and the Word check (docx-basis-end-mark). `last_mark`: what the layout profile
    accepts at the end of the last one besides «.» (a Party decision's «Xét đề nghị của …,»)."""
    text = text.rstrip()
    if not last:
        if text.endswith(";"):
            return None
        return "căn cứ chưa phải dòng cuối phải kết thúc bằng dấu «;» (Nghị định 30, Phụ lục I, II.6.a)"
    if text.endswith("."):
        return None
    if text.endswith(":"):
        return None  # the basis and the preamble («… như sau:») in one paragraph, as real documents write it
    if last_mark and text.endswith(last_mark):
        return None
    return "căn cứ cuối cùng phải kết thúc bằng dấu «.» (Nghị định 30, Phụ lục I, II.6.a)"
