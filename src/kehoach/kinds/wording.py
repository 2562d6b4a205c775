"""The sentences kehoach writes into a document, from data: the names a sentence template can use, and one
sentence rendered for a document — its own wording (`cau_chu`), else its kind's (data/kinds/<kind>.yaml), else
the wording every kind shares (data/kinds/_chung.yaml). Nothing here holds a sentence of its own.

Below rendering, so that reading a file (kehoach.source.plan_file) fills a document's own sentences with the
values render fills them with: a sentence that fails only with them is found by `kehoach check` too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach.conventions.heads import head, lower_first
from kehoach.conventions.text import long_date, short_date, strip_notes
from kehoach.kinds import catalog
from kehoach.kinds.sentences import render_sentence
from kehoach.model.document import Document
from kehoach.model.references import References

#: What the registry clerk fills in by hand on a draft: room for a number, a day and a month.
BLANK = " " * 8

#: say(name) → sentence `name` for one document, "" when neither the document nor its kind has it; a sentence with
#: names of its own is given them: say("nhan-dieu", n="1") (kehoach.kinds.sentences.OWN_NAMES).
Say = Callable[..., str]

#: An activity's lines, in the order they are printed: the field of the activity, and the sentence of the
#: kinds' data that labels it (data/kinds/_chung.yaml: «Đơn vị chủ trì», …; kehoach.render.context prints them).
ACTIVITY_LABELS = {
    "content": "nhan-noi-dung", "lead_and_implementing": "nhan-chu-tri-thuc-hien", "lead": "nhan-chu-tri",
    "implementing": "nhan-thuc-hien", "coordinating": "nhan-phoi-hop", "period": "nhan-thoi-gian",
    "budget": "nhan-kinh-phi",
}


def activity_labels() -> dict[str, str]:
    """The default wording of each label of an activity's lines, by field (what `kehoach import` recognises)."""
    shared = catalog.shared_sentences()
    return {field: shared[name] for field, name in ACTIVITY_LABELS.items()}


def kind_default(name: str, type_name: str) -> str:
    """Sentence `name` as the kind `type_name` words it by default, where it says no more than the kind's name: the
    Phụ lục's title («phu-luc-ten»: «Danh mục nhiệm vụ thực hiện Kế hoạch») and the body's pointer to it
    («phu-luc-dan-chieu»), which `kehoach import` recognises."""
    return render_sentence(catalog.sentences_of(type_name)[name], {"loai": type_name}).strip()


def number_and_symbol(document) -> str:
    """185/KH-UBND, 36/2013/QĐ-UBND (the model composes it: Document.number_and_symbol); on a draft the number is
    left blank for the registry clerk (Điều 15)."""
    text = document.number_and_symbol
    return text if document.number else f"{BLANK}{text}"


def full_date(document) -> str:
    """«ngày 05 tháng 7 năm 2024» (II.4.b); on a draft day and month are left blank, as on the first page."""
    if document.date:
        return long_date(document.date)
    year = getattr(document, "year", None)
    return f"ngày{BLANK}tháng{BLANK}năm{f' {year}' if year else BLANK}"


def sentence_names(document: Document, refs: References | None = None) -> dict[str, Any]:
    """The names a sentence template can use, for `document` (kehoach.kinds.sentences.SENTENCE_NAMES)."""
    organ = document.organ.running_name or " ".join(document.organ.name_lines)
    attached = getattr(document, "attached", None)
    proposer = getattr(document, "proposer", None)
    authority = getattr(document, "authority_name", None) or _authority_name(document, organ)
    return {
        "co_quan": organ,
        "loai": document.doc_type.name,
        "trich_yeu": one_line(document.summary or ""),
        "so_ky_hieu": number_and_symbol(document),
        "ngay": short_date(document.date) if document.date else BLANK,
        "ngay_day_du": full_date(document),
        "kinh_gui": joined([full_name(document, ref) for ref in document.addressee]),
        "de_nghi": head(document, proposer) if proposer else "",
        "thi_hanh": "",  # compose.build joins the executors, or the proposer and the kind's «thi-hanh-khac»
        "tham_quyen": authority,
        # The authority as its line prints it: «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG», «BAN THƯỜNG VỤ ĐẢNG ỦY XÃ …».
        "tham_quyen_in_hoa": (getattr(document, "authority", None) or " ".join(document.organ.name_lines)).upper(),
        "van_ban_kem_theo": f"{attached.doc_type.name} {lower_first(one_line(attached.summary))}" if attached else "",
        "ten_van_ban_kem_theo": f"{attached.doc_type.name} {lower_first(attached.summary.strip())}" if attached else "",
        # What a document made from a block says of the file's own document (kehoach.render.derived).
        "van_ban_goc": "", "ve_trich_yeu_goc": "", "hieu_luc": "",
    }


def archive_places(document: Document) -> str:
    """Where the issuer keeps its copies, as the «Lưu» line names them (sentence «dong-luu»): «VT» (the records
    office) and the drafting units' abbreviations (Phụ lục I, II.9.b), or the line as the original printed it
    (luu_ghi: kehoach check reports what the decree forbids in it)."""
    recipients = getattr(document, "recipients", None)
    if recipients is not None and recipients.archive_as_written:
        return recipients.archive_as_written
    kept = ["VT"]
    for ref in recipients.archive if recipients is not None else []:
        unit = document.units.get(ref)
        kept.append(unit.code or unit.display_name if unit else ref)
    return ", ".join(kept)


def own_names(document: Document) -> dict[str, str]:
    """The names of the sentences that have their own (kehoach.kinds.sentences.OWN_NAMES), as the first of each is
    written: what a document's own wording of them is filled with when its file is read."""
    return {"n": "1", "noi_luu": archive_places(document)}


def composed_names(document: Document, kind: catalog.Kind, refs: References | None = None,
                   more: dict[str, Any] | None = None) -> dict[str, Any]:
    """The names the composer (kehoach.render.compose.build) fills every sentence of `document` with: those of
    `sentence_names`, `more` (what a document made from a block says of its file's document), and `thi_hanh`, the
    executors Điều 3 names — joined with the kind's «thi-hanh-khac», itself filled before `thi_hanh` is known."""
    names = {**sentence_names(document, refs), **(more or {})}
    names["thi_hanh"] = executors(document, lambda name: sentence(kind, document, name, names))
    return names


def names_of(document: Document, refs: References | None = None) -> dict[str, Any]:
    """The names `document`'s own sentences are filled with when it is rendered: the composer's for its kind, or,
    for a plan (kehoach.render.context), `sentence_names`."""
    kind = catalog.find(document.type)
    if kind is None or kind.model == "ke-hoach":
        return sentence_names(document, refs)
    return composed_names(document, kind, refs)


def block_names(parent: Document, key: str, block, refs: References) -> dict[str, Any]:
    """The names the sentences of the document made from `parent`'s block `key` (its `quyet_dinh`, its `ket_qua`)
    are filled with, as kehoach.render.derived composes it."""
    spec = catalog.derived(key)[0]
    kind = catalog.find(spec.type)
    assert kind is not None, spec.type  # the kinds' data names kinds that exist (tests/test_kinds.py)
    return composed_names(made_document(parent, block, kind, spec), kind, refs, made_names(parent, block, refs))


def made_document(parent: Document, block, kind: catalog.Kind, spec) -> Document:
    """The document made from `parent`'s `block` in the model of its kind, unvalidated: its parts were validated in
    the block. What the block leaves out comes from `parent`: organ, units, cited documents, signer, the year."""
    from kehoach.model.bodies import BY_NAME

    model = BY_NAME[kind.model]
    fields = {name: info.get_default(call_default_factory=True) for name, info in model.model_fields.items()
              if not info.is_required()}
    for name in model.model_fields:  # what the block says of itself, under the same names
        value = getattr(block, name, None) if name in type(block).model_fields else None
        if value not in (None, [], {}):
            fields[name] = value
    fields.update(type=kind.name, organ=parent.organ, units=parent.units, documents=parent.documents,
                  layout=parent.layout, year=getattr(block, "year", None) or parent.issue_year,
                  signature=getattr(block, "signature", None) or parent.signature,
                  sentences={**spec.sentences, **getattr(block, "sentences", {})})
    fields.setdefault("summary", None)
    fields.setdefault("recipients", None)
    return model.model_construct(**fields)


def made_names(parent: Document, block, refs: References) -> dict[str, Any]:
    """What a made document's sentences can say of the document it is made from."""
    summary = one_line(parent.summary or "")
    lines = [" ".join(line.split()) for line in strip_notes(parent.summary or "").splitlines() if line.strip()]
    name = parent.doc_type.name
    if parent.is_draft:
        cited = title = f"{name} {lower_first(summary)}"
    else:
        cited = f"{name} số {number_and_symbol(parent)} ngày {short_date(parent.date)}"
        title = f"{cited} {about(lower_first(summary))}"
    return {
        "van_ban_goc": cited,
        "ve_trich_yeu_goc": about(lower_first(summary)),
        "van_ban_kem_theo": title,
        "ten_van_ban_kem_theo": f"{name} {lower_first(chr(10).join(lines))}",
        "hieu_luc": refs.expand(getattr(block, "effect", "") or ""),
    }


def executors(document: Document, say: Say) -> str:
    """The executors Điều 3 names: those of the data, or the proposer's head and the bodies concerned
    («thi-hanh-khac»)."""
    named = list(getattr(document, "executors", []))
    if not named:
        proposer = getattr(document, "proposer", None)
        named = [proposer] if proposer else []
        named += [s for s in [say("thi-hanh-khac")] if s]
    return joined([head(document, ref) for ref in named])


def sentence(kind: catalog.Kind | None, document: Document, name: str, names: dict[str, Any]) -> str:
    """Sentence `name` for `document` (its own wording if `cau_chu` gives one, else its kind's, else the shared
    one), filled with `names`, or "" if there is none."""
    if kind is not None:
        template = kind.sentence(name, document.sentences, document.layout_id)
    else:
        template = document.sentences.get(name) or catalog.shared_sentences().get(name)
    return render_sentence(template, names).strip() if template else ""


def sayer(document: Document, refs: References | None = None, names: dict[str, Any] | None = None) -> Say:
    """say(name) for `document`, with its kind found from its `loai` (or none: the shared sentences)."""
    kind = catalog.find(document.type)
    every = {**sentence_names(document, refs), **(names or {})}
    return lambda name, **own: sentence(kind, document, name, {**every, **own} if own else every)


def _authority_name(document: Document, organ: str) -> str:
    """«Chủ tịch Ủy ban nhân dân tỉnh An Giang» for an authority line «CHỦ TỊCH ỦY BAN NHÂN DÂN …»; else the organ."""
    authority = (getattr(document, "authority", None) or "").upper()
    if authority.startswith("CHỦ TỊCH ") and document.organ.running_name:
        return f"Chủ tịch {document.organ.running_name}"
    return organ


def full_name(document: Document, ref: str) -> str:
    unit = document.units.get(ref)
    return unit.name if unit else ref


def one_line(text: str) -> str:
    return " ".join(strip_notes(text).split())


def joined(names: list[str]) -> str:
    """A, B và C."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def about(summary: str) -> str:
    """«về …» before a trích yếu, unless it starts with «về» already («Về công tác …»: not «về về công tác …»)."""
    return summary if summary.split(" ", 1)[0].casefold() == "về" else f"về {summary}"
