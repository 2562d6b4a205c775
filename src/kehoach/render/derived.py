"""A document made from a block of another document's file (kehoach.kinds.catalog, `tu_khoi`): a plan's
`quyet_dinh` is the Quyết định that issues the plan, its `ket_qua` the Báo cáo on its results.

The made document is a document of its own kind, composed by the one composer (`compose.build`) from what the
block holds. What the block leaves out comes from the file's document: organ, units, cited documents, signer,
the year, the «Lưu» line; its recipients are the file's too, unless its kind writes their first line («Như Điều
3», «Như trên» after a «Kính gửi»). Its sentences are its kind's, then those `tu_khoi` gives it, then the
block's own `cau_chu`. A block with more than a header (the report's results) adds its parts (`PARTS`).
"""

from __future__ import annotations

from typing import Any

from kehoach.conventions.text import short_date
from kehoach.kinds import catalog
from kehoach.model.blocks import Results
from kehoach.model.bodies import BY_NAME
from kehoach.model.parts import Recipients
from kehoach.render import compose, footnotes, report_parts
from kehoach.render.heads import lower_first
from kehoach.render.wording import about, number_and_symbol, one_line

#: The parts a block adds to what every document prints, and the check it needs first, by the block's model.
PARTS = {Results: report_parts.parts}
CHECKS = {Results: report_parts.check_complete}


def build(doc_kind, loaded, draft: bool) -> tuple[Any, dict[str, Any]]:
    """The made document (for the Word file's properties) and what its template prints."""
    parent, refs = loaded.plan, loaded.refs
    block = dict(parent.nested())[doc_kind.block]
    spec = catalog.derived(doc_kind.block)[0]
    kind = catalog.find(spec.type)
    assert kind is not None, spec.type  # the kinds' data names kinds that exist (tests/test_kinds.py)
    if type(block) in CHECKS:
        CHECKS[type(block)](parent, block, loaded.source.where)
    names = _names(parent, block, refs)
    made = _document(parent, block, kind, spec)
    first_line = compose.sentence(kind, made, "noi-nhan", {**compose.sentence_names(made, refs), **names})
    recipients = getattr(block, "recipients", None) or Recipients.model_construct(
        send_to=[] if first_line else list(parent.recipients.send_to), archive=list(parent.recipients.archive))
    made = made.model_copy(update={"recipients": recipients})
    context = compose.build(made, kind, refs, draft, names)
    if type(block) in PARTS:
        all_names = {**compose.sentence_names(made, refs), **names}
        context.update(PARTS[type(block)](parent, block, refs, lambda name: compose.sentence(kind, made, name,
                                                                                                all_names)))
    made = made.model_copy(update={"summary": "\n".join(context["summary_lines"] or context["summary_under_number"])})
    return made, context


def _document(parent, block, kind, spec):
    """The made document in the model of its kind, unvalidated: its parts were validated in the block."""
    model = BY_NAME[kind.model]
    fields = {name: info.get_default(call_default_factory=True) for name, info in model.model_fields.items()
              if not info.is_required()}
    for name in model.model_fields:  # what the block says of itself, under the same names
        value = getattr(block, name, None) if name in type(block).model_fields else None
        if value not in (None, [], {}):
            fields[name] = value
    fields.update(type=kind.name, organ=parent.organ, units=parent.units, documents=parent.documents, layout=parent.layout,
                  year=getattr(block, "year", None) or parent.issue_year,
                  signature=getattr(block, "signature", None) or parent.signature,
                  sentences={**spec.sentences, **getattr(block, "sentences", {})})
    fields.setdefault("summary", None)
    fields.setdefault("recipients", None)
    return model.model_construct(**fields)


def _names(parent, block, refs) -> dict[str, Any]:
    """What a made document's sentences can say of the document it is made from."""
    summary = one_line(parent.summary or "")
    lines = [" ".join(line.split()) for line in footnotes.strip(parent.summary or "").splitlines() if line.strip()]
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
