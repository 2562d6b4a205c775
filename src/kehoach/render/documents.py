"""The documents made from one data file (`kehoach render --doc …`): the file's own document, and those its
kind's data makes from blocks of the same file (kehoach.kinds.catalog, `tu_khoi`: a plan's `quyet_dinh` gives
the Quyết định that issues it, `ket_qua` the Báo cáo on its results). Each has its template, its output
name, the block it needs, and its own number and date (hence whether it is a draft).
"""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from kehoach.errors import InputError
from kehoach.problems import Location

ALL = "all"
EXAMPLE = "data/vi-du-bo-van-ban.yaml"
TEMPLATE_FOR_ONE = "--template chỉ dùng khi tạo một loại văn bản; hãy chạy riêng từng --doc với mẫu của nó"


class DocKind(NamedTuple):
    name: str  # the value of --doc
    label: str  # the document's type, as messages name it
    suffix: str  # added to the data file's name: plan.yaml → plan-quyet-dinh.docx
    block: str | None  # the block of the file the document is made from, besides the document itself
    about: str = ""  # what the block holds, for the message asking for it
    template: str | None = None  # the template shipped for it (None: the file's own kind's)


#: The file's own document: known without reading the kinds' data, which a plain `kehoach render` does not need.
KE_HOACH = DocKind("ke-hoach", "Kế hoạch", "", None)


@cache
def kinds() -> dict[str, DocKind]:
    """Every document `--doc` can name: the file's own, then those made from its blocks (data/kinds/*.yaml, read
    only when asked: every kind's file is read to find them)."""
    from kehoach.kinds import catalog

    made = [DocKind(d.name, d.type, f"-{d.name}", d.block, d.about, d.template) for d in catalog.derived()]
    return {kind.name: kind for kind in (KE_HOACH, *made)}


def __getattr__(name: str):
    if name == "KINDS":  # documents.KINDS, as before: read at first use
        return kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def named(doc: str) -> DocKind:
    """The kind `--doc` names (a KeyError for none)."""
    return KE_HOACH if doc == KE_HOACH.name else kinds()[doc]


def kinds_of(doc: str) -> list[DocKind]:
    """The kinds `--doc` asks for: one, or all of them; a Vietnamese error for anything else."""
    if doc == KE_HOACH.name:
        return [KE_HOACH]
    known = kinds()
    if doc == ALL:
        return list(known.values())
    if doc in known:
        return [known[doc]]
    close = difflib.get_close_matches(doc, [*known, ALL], n=1, cutoff=0.6)
    hint = f"; có phải «{close[0]}»?" if close else ""
    names = list(known)
    every = {2: "cả hai", 3: "cả ba", 4: "cả bốn"}.get(len(names), "tất cả")
    raise InputError(f"không có loại văn bản «{doc}» cho --doc; hãy chọn {', '.join(names[:-1])}, {names[-1]} hoặc all"
                     f" ({every}){hint}")


def output_path(plan_path: Path, kind: DocKind) -> Path:
    """Beside the data file: plan.yaml → plan.docx, plan-quyet-dinh.docx, plan-bao-cao.docx."""
    return plan_path.with_name(f"{plan_path.stem}{kind.suffix}.docx")


def block_of(kind: DocKind, document):
    """The block `kind` is made from in `document`, or None when the file has none."""
    return dict(document.nested()).get(kind.block) if kind.block else None


def require_block(kind: DocKind, plan, plan_file: str) -> None:
    """The file holds what the document is made from; otherwise say which block to add."""
    if kind.block is None or block_of(kind, plan) is not None:
        return
    raise InputError(f"tệp kế hoạch chưa có khối {kind.block} nên chưa tạo được {kind.label}; hãy thêm khối "
                     f"«{kind.block}:» ({kind.about}), xem ví dụ trong {EXAMPLE}", Location(plan_file))


def is_draft(kind: DocKind, plan) -> bool:
    """Each document is a draft until it has its own number and date."""
    document = block_of(kind, plan) if kind.block else plan
    return document.is_draft


def template_for(kind: DocKind, document) -> Path:
    """The template shipped for `kind`: for the file's own document, the one its kind's data names."""
    from kehoach.kinds import catalog
    from kehoach.render.templates import kind_template, shipped

    layout = document.layout_id
    if kind.template:
        return shipped(kind.template, layout)
    found = catalog.find(document.type)
    return shipped(found.template, layout) if found is not None else kind_template(KE_HOACH.label, layout)


def render_document(kind: DocKind, loaded, template: Path, draft: bool) -> bytes:
    """The .docx of `kind` for a read file (`plan_file.LoadedPlan`), as bytes; InputErrors when the data
    cannot make it (an activity of the plan missing from the report)."""
    from kehoach.render import compose
    from kehoach.render.docx_writer import render_bytes

    document, refs = loaded.plan, loaded.refs
    if kind.block is None:
        return render_bytes(document, template, refs, draft=draft, context=compose.context_for(document, refs, draft))
    from kehoach.render import derived  # a document made from a block: the decision, the report

    made, context = derived.build(kind, loaded, draft)
    return render_bytes(made, template, refs, draft=draft, context=context)
