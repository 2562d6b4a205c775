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

from kehoach.kinds import catalog, wording
from kehoach.model.blocks import Results
from kehoach.model.parts import Recipients
from kehoach.render import compose, report_parts

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
    names = wording.made_names(parent, block, refs)
    made = wording.made_document(parent, block, kind, spec)
    first_line = wording.sentence(kind, made, "noi-nhan", {**wording.sentence_names(made, refs), **names})
    recipients = getattr(block, "recipients", None) or Recipients.model_construct(
        send_to=[] if first_line else list(parent.recipients.send_to), archive=list(parent.recipients.archive))
    made = made.model_copy(update={"recipients": recipients})
    context = compose.build(made, kind, refs, draft, names)
    if type(block) in PARTS:
        all_names = {**wording.sentence_names(made, refs), **names}
        context.update(PARTS[type(block)](parent, block, refs, lambda name: wording.sentence(kind, made, name,
                                                                                                all_names)))
    made = made.model_copy(update={"summary": "\n".join(context["summary_lines"] or context["summary_under_number"])})
    return made, context
