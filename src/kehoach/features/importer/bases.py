"""Legal bases: each «Căn cứ …» paragraph → the documents it cites, declared once, as kehoach prints them again.

A citation becomes structure only when kehoach.conventions.citations writes it back exactly as it was
written: the date in words or in figures (kieu_ngay), or as printed when it breaks the zero rule (ngay_ghi);
several documents in one paragraph; the end mark and the sentence that follows in the same paragraph.
Otherwise the paragraph stays as written, marked for review.
"""

from __future__ import annotations

import re

from kehoach.conventions.text import short_date
from kehoach.features.importer import citations

LEADS = ("Căn cứ", "Thực hiện")
#: «Theo đề nghị của Giám đốc Sở … tại Tờ trình số …»: a proposal that cites the document it came with is a basis.
_PROPOSED_AT = re.compile(r"^Theo đề nghị của .+? tại(?= )")


def lead_of(line: str) -> str | None:
    """The words that open a basis paragraph («Căn cứ», «Thực hiện», «Theo đề nghị của … tại»), or None."""
    for lead in LEADS:
        if line.startswith(lead):
            return lead
    if (m := _PROPOSED_AT.match(line)) and citations.doc_type_at(line[m.end():].lstrip()):
        return m.group(0)
    return None


def cited(bases: list[str], registry: dict, out, proposal_follows: bool = False) -> list[dict]:
    """Each basis paragraph: the documents it cites (declared once in `registry`), its lead, its end mark and
    the sentence that follows it in the same paragraph, exactly as kehoach will print it again; otherwise its
    words as free text, marked for review. `proposal_follows`: «Theo đề nghị của …» comes after the last one
    (kehoach then ends every basis with «;»)."""
    found = []
    by_key: dict[tuple, str] = {}
    for index, line in enumerate(bases):
        last = index == len(bases) - 1 and not proposal_follows
        lead = lead_of(line) or ""
        cited_text, end, follow = _basis_parts(line[len(lead):].strip())
        pieces = citations.split_list(cited_text)
        declared = [_declare(piece, registry, by_key, out) for piece in pieces]
        if all(declared):
            item: dict = {"van_ban": declared[0] if len(declared) == 1 else declared}
            if lead != "Căn cứ":
                item["mo_dau"] = lead
            if end and end != ("." if last else ";"):
                item["dau_cuoi"] = end
            if follow:
                item["tiep"] = follow
            if not end:
                out.comments[("can_cu", index)] = f"văn bản gốc không có dấu cuối căn cứ: «{line}»"
            found.append(item)
            continue
        item = {"noi_dung": f"{lead} {cited_text}"}
        if end and end != ("." if last else ";"):
            item["dau_cuoi"] = end
        if follow:
            item["tiep"] = follow
        if not end:
            out.comments[("can_cu", index)] = f"văn bản gốc không có dấu cuối căn cứ: «{line}»"
        if any(declared):
            item["xem_lai"] = ("căn cứ này có văn bản kehoach không nhận ra; kehoach giữ nguyên đoạn văn và khai báo"
                               " trong van_ban những văn bản nhận ra được")
        elif citations.parse(pieces[0]) is None:
            if re.search(r"\bsố:?\s*\d", cited_text):  # a numbered document kehoach could not make out
                item["xem_lai"] = "kehoach không nhận ra văn bản được trích dẫn trong căn cứ này; giữ nguyên văn"
        else:
            item["xem_lai"] = ("trích dẫn này viết khác cách kehoach in (số, ngày, cơ quan, trích yếu); giữ nguyên"
                               " văn, hãy xem có nên khai báo trong van_ban")
        found.append(item)
    return found


_FOLLOW = re.compile(r"(?P<end>[.,])\s+(?P<follow>(?:UBND|Ủy ban|Uỷ ban|Sở|Phòng|Ban|Để|Nhằm)\b.*)$")


def _basis_parts(text: str) -> tuple[str, str | None, str | None]:
    """(the citations, the end mark, the sentence that follows in the same paragraph) of a basis paragraph."""
    follow = None
    if m := _FOLLOW.search(text):
        text, follow = text[: m.start()], m.group("follow")
        return text, m.group("end"), follow
    if m := re.search(r"\.\s+(?=[A-ZĐÀ-Ỹ])", text):
        text, follow = text[: m.start()], text[m.end():]
        return text, ".", follow
    end = text[-1] if text[-1:] in ";.," else None
    return (text[:-1].rstrip() if end else text), end, follow


def _declare(text: str, registry: dict, by_key: dict, out) -> str | None:
    """The id of the cited document `text` names (declared in `registry` once), when kehoach prints it the same:
    the date in words or figures (kieu_ngay), or as printed (ngay_ghi) when it breaks the zero rule."""
    cited = citations.parse(text)
    if cited is None:
        return None
    doc = _document(cited)
    if not _prints_as(doc, text) and cited.date_text:
        doc["ngay_ghi"] = cited.date_text  # «tháng 02», «27/05/2016»: kept, and reported by kehoach check
        if _prints_as(doc, text):
            pass
        elif (mau := _pattern(doc, cited, text)) is not None:
            doc["mau"] = mau
            del doc["ngay_ghi"]
            if not _prints_as(doc, text):
                doc["ngay_ghi"] = cited.date_text
        if not _prints_as(doc, text):
            return None
    elif not _prints_as(doc, text):
        mau = _pattern(doc, cited, text)
        if mau is None:
            return None
        doc["mau"] = mau  # «số: …, ngày …»: the order and marks of the original, kept
        if not _prints_as(doc, text):
            return None
    doc_id = by_key.get(cited.key())
    if doc_id is None:
        doc_id = unique(citations.document_id(cited), registry)
        registry[doc_id] = doc
        by_key[cited.key()] = doc_id
        if cited.guessed:
            out.comments[("van_ban", doc_id, "co_quan")] = (
                "đoán: chỗ hết tên cơ quan ban hành và bắt đầu trích yếu; hãy kiểm tra hai dòng này")
    elif registry[doc_id] != doc:
        out.comments[("van_ban", doc_id)] = f"văn bản gốc trích dẫn văn bản này hai lần, khác nhau; lần sau: «{text}»"
    return doc_id


def _pattern(doc: dict, cited, text: str) -> str | None:
    """A `mau` writing `text` from the document's fields, for a citation set out otherwise than kehoach does."""
    if cited.number is None or cited.date_text is None:
        return None
    values = {"loai": cited.type, "so": cited.number, "ngay": cited.date_text}
    if cited.issuer:
        values["co_quan"] = cited.issuer
    if cited.title:
        values["trich_yeu"] = cited.title
    return citations.pattern_of(text, values)


def _document(cited) -> dict:
    from kehoach.conventions.citations import NAMED_TYPES

    named = cited.type.casefold() in NAMED_TYPES
    doc = {"loai": cited.type, "so": cited.number, "ngay": short_date(cited.date) if cited.date else None,
           "co_quan": cited.issuer, "trich_yeu": cited.title, "thong_qua": cited.passed_by, "nam": cited.year}
    if cited.date and cited.date_words != named:
        doc["kieu_ngay"] = "chu" if cited.date_words else "so"
    return {k: v for k, v in doc.items() if v}


def _prints_as(doc: dict, text: str) -> bool:
    from kehoach.conventions.citations import FULL, cite
    from kehoach.model.plan import CitedDocument

    try:
        return cite(CitedDocument.model_validate(doc), FULL) == text
    except ValueError:
        return False


def unique(base: str, taken) -> str:
    made, n = base, 2
    while made in taken:
        made, n = f"{base}-{n}", n + 1
    return made
