"""Any document → what its Word template prints, driven by its kind's data (kehoach.kinds.catalog).

One composer for every kind: the header, the title block (a kind line or none; the summary under it, or
«V/v …» under the number), «Kính gửi», the issuing authority and «QUYẾT ĐỊNH:», bases and «Theo đề nghị
của …», the body, the articles, the closing, «Nơi nhận» and the signature, and the attached document a
decision issues. Every sentence kehoach writes comes from the kind's `cau_chu` (or the document's own),
rendered with the names below; nothing here names a kind.

Names a sentence can use: co_quan, loai, trich_yeu, so_ky_hieu, ngay, kinh_gui, de_nghi, thi_hanh,
tham_quyen, van_ban_kem_theo.
"""

from __future__ import annotations

from typing import Any

from kehoach.conventions.text import end_with
from kehoach.kinds.catalog import Kind
from kehoach.model.document import Document
from kehoach.model.references import References
from kehoach import profiles
from kehoach.kinds.wording import composed_names, full_name, sentence
from kehoach.render.context import _bases, _place_date, _recipients, body_blocks, number_line
from kehoach.render.wrap import balanced_lines


def build(document: Document, kind: Kind, refs: References | None = None, draft: bool | None = None,
          names: dict[str, Any] | None = None) -> dict:
    """Everything the kind's template prints for `document`; `names`: more names for its sentences (what a
    document made from a block says of the file's own document, kehoach.render.derived)."""
    refs = refs or References(document)
    names = composed_names(document, kind, refs, names)
    say = lambda name, **own: sentence(kind, document, name, {**names, **own} if own else names)  # noqa: E731
    summary = _summary_lines(document, kind, say)
    bases = _bases(document, refs.expand)
    if getattr(document, "proposer", None) and (proposal := say("de-nghi")):
        bases = [end_with(line, ";") for line in bases] + [proposal]
    closing = [refs.expand(text) for text in document.closing] or [s for s in [say("ket-luan")] if s]
    has_articles = hasattr(document, "articles")
    return {
        "draft": document.is_draft if draft is None else draft,
        "organ": {"parent": document.organ.parent, "lines": [line.upper() for line in document.organ.name_lines]},
        "layout": document.layout_id,
        "number_line": number_line(document),
        "place_date": _place_date(document),
        "doc_type": document.doc_type.name.upper() if kind.kind_line else "",
        "summary_lines": [] if kind.summary_under_number else summary,
        "summary_under_number": summary if kind.summary_under_number else [],
        "addressee": _addressee(document, say),
        "authority": say("dong-tham-quyen") if has_articles else "",
        "bases": bases,
        "decide": (say("quyet-dinh") or "") if has_articles else "",
        "opening": [refs.expand(text) for text in document.opening] or [s for s in [say("mo-dau")] if s],
        "body": body_blocks(document.body, document, refs, say),
        "articles": _articles(document, refs, say) if has_articles else [],
        "closing": closing,
        "recipients": _with_first(say("noi-nhan"), _recipients(document, refs, say)),
        "signature": {
            "authority": [line.upper() for line in document.signature.authority],
            "position": document.signature.position.upper(),
            "name": document.signature.name,
        },
        "attached": _attached(document, refs, say),
    }






def _summary_lines(document: Document, kind: Kind, say) -> list[str]:
    if document.summary:
        lines = [line.strip() for line in document.summary.splitlines() if line.strip()]
        if kind.summary_under_number:
            text = say("trich-yeu") or " ".join(lines)
            return [line.strip() for line in text.splitlines() if line.strip()]
        return lines
    layout = profiles.load(document.layout_id)
    return balanced_lines(say("trich-yeu"), layout.sizes.summary.value, bold=True, width=layout.text_width)


def _addressee(document: Document, say) -> dict[str, Any] | None:
    """Ô 9a: «Kính gửi: X» on one line; to several: each on its own line, «;» and the last «.» (II.9.d)."""
    names = [full_name(document, ref) for ref in document.addressee]
    if not names:
        return None
    label = say("nhan-kinh-gui")
    if len(names) == 1:
        return {"one": True, "text": f"{label} {names[0]}"}
    lines = [f"- {end_with(name, '.' if i == len(names) - 1 else ';')}" for i, name in enumerate(names)]
    return {"one": False, "text": "\n".join([label, *lines])}


def _articles(document, refs: References, say) -> list[dict[str, str]]:
    """The articles, each under its label (sentence «nhan-dieu»: «Điều 1.»): the document's own, or those the kind
    writes for the document it issues (attached, or the plan whose file holds the decision); a decision written as
    free paragraphs (`noi_dung`) has none."""
    texts = [refs.expand(text) for text in document.articles]
    if not texts and not document.body:
        texts = [text for text in (say(f"dieu-{n}") for n in range(1, 10)) if text]
    return [{"label": say("nhan-dieu", n=str(n)), "text": text} for n, text in enumerate(texts, start=1)]


def _attached(document, refs: References, say) -> dict[str, Any] | None:
    attached = getattr(document, "attached", None)
    if attached is None:
        return None
    return {
        "organ": {"parent": document.organ.parent, "lines": [line.upper() for line in document.organ.name_lines]},
        "doc_type": attached.doc_type.name.upper(),
        "summary_lines": [line.strip() for line in attached.summary.splitlines() if line.strip()],
        "issued_with": say("kem-theo"),
        "opening": [refs.expand(text) for text in attached.opening],
        "body": body_blocks(attached.body, document, refs, say),
        "closing": [refs.expand(text) for text in attached.closing],
    }


def _with_first(line: str, recipients: list[str]) -> list[str]:
    """«Như Điều 3», «Như trên» first in Nơi nhận (II.9.b), unless the clerk wrote it already, wherever (an issued
    decision may list it last: Quyết định 36/2013/QĐ-UBND of Tây Ninh, tests/real)."""
    if not line:
        return recipients
    first = f"- {end_with(line, ';')}"
    return recipients if first in recipients else [first, *recipients]












def context_for(document: Document, refs: References | None = None, draft: bool | None = None) -> dict:
    """What the document's own template prints, whatever its kind: the plan's composer for a kind whose body is
    a plan's (its Phụ lục, its pointers), this one for every other kind."""
    from kehoach.kinds import catalog
    from kehoach.render.context import build_context

    kind = catalog.find(document.type)
    if kind is None or kind.model == "ke-hoach":
        return build_context(document, refs, draft)
    return build(document, kind, refs, draft)


def summary_text(document: Document) -> str:
    """The summary on one line, as printed: the clerk's, or the one the kind writes (a decision's «Ban hành …»)."""
    if document.summary:
        return " ".join(document.summary.split())
    context = context_for(document)
    return " ".join(context["summary_lines"] or context["summary_under_number"])
