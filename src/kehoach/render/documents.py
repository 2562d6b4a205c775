"""The documents made from one plan file (`kehoach render --doc …`): the plan itself, the Quyết định that
issues it and the Báo cáo on its results. Each kind has its template, its output name, the block of the
plan file it needs, and its own number and date (hence whether it is a draft).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError, Location
from kehoach.model.plan import Plan

ALL = "all"
EXAMPLE = "data/vi-du-bo-van-ban.yaml"
TEMPLATE_FOR_ONE = "--template chỉ dùng khi tạo một loại văn bản; hãy chạy riêng từng --doc với mẫu của nó"


@dataclass(frozen=True)
class DocKind:
    name: str  # the value of --doc
    label: str  # the document's type, as messages name it
    suffix: str  # added to the plan file's name: plan.yaml → plan-quyet-dinh.docx
    block: str | None  # the block of the plan file the document is made from, besides the plan
    about: str = ""  # what the block holds, for the message asking for it


KE_HOACH = DocKind("ke-hoach", "Kế hoạch", "", None)
QUYET_DINH = DocKind("quyet-dinh", "Quyết định", "-quyet-dinh", "quyet_dinh",
                     "số, ngày, căn cứ, đơn vị trình và người thi hành Quyết định ban hành kế hoạch")
BAO_CAO = DocKind("bao-cao", "Báo cáo", "-bao-cao", "ket_qua",
                  "số, ngày của Báo cáo, tình trạng và kết quả từng hoạt động, đánh giá chung, tồn tại, kiến nghị")
KINDS = {kind.name: kind for kind in (KE_HOACH, QUYET_DINH, BAO_CAO)}


def kinds_of(doc: str) -> list[DocKind]:
    """The kinds `--doc` asks for: one, or all three; a Vietnamese error for anything else."""
    if doc == ALL:
        return list(KINDS.values())
    if doc in KINDS:
        return [KINDS[doc]]
    close = difflib.get_close_matches(doc, [*KINDS, ALL], n=1, cutoff=0.6)
    hint = f"; có phải «{close[0]}»?" if close else ""
    raise InputError(f"không có loại văn bản «{doc}» cho --doc; hãy chọn ke-hoach, quyet-dinh, bao-cao hoặc all (cả"
                     f" ba){hint}")


def output_path(plan_path: Path, kind: DocKind) -> Path:
    """Beside the plan: plan.yaml → plan.docx, plan-quyet-dinh.docx, plan-bao-cao.docx."""
    return plan_path.with_name(f"{plan_path.stem}{kind.suffix}.docx")


def require_block(kind: DocKind, plan: Plan, plan_file: str) -> None:
    """The plan file holds what the document is made from; otherwise say which block to add."""
    if kind.block is None or kind.block in plan.NESTED and getattr(plan, _FIELDS[kind.block]) is not None:
        return
    raise InputError(f"tệp kế hoạch chưa có khối {kind.block} nên chưa tạo được {kind.label}; hãy thêm khối "
                     f"«{kind.block}:» ({kind.about}), xem ví dụ trong {EXAMPLE}", Location(plan_file))


def is_draft(kind: DocKind, plan: Plan) -> bool:
    """Each document is a draft until it has its own number and date."""
    document = getattr(plan, _FIELDS[kind.block]) if kind.block else plan
    return document.is_draft


def template_for(kind: DocKind, document) -> Path:
    """The template shipped for `kind`: for the file's own document, the one its kind's data names."""
    from kehoach.kinds import catalog
    from kehoach.render.templates import default_template, shipped

    found = catalog.find(document.type) if kind is KE_HOACH else None
    layout = document.layout_id
    return shipped(found.template, layout) if found is not None else default_template(kind.name, layout)


def render_document(kind: DocKind, loaded, template: Path, draft: bool) -> bytes:
    """The .docx of `kind` for a read plan (`plan_file.LoadedPlan`), as bytes; InputErrors when the data
    cannot make it (an activity of the plan missing from the report)."""
    from kehoach.kinds import catalog
    from kehoach.render import compose
    from kehoach.render.docx_writer import render_bytes

    plan, refs = loaded.plan, loaded.refs
    if kind is KE_HOACH:
        found = catalog.find(plan.type)
        if found is None or found.model == "ke-hoach":  # the plan's own composer: its appendix, its pointers
            return render_bytes(plan, template, refs, draft=draft)
        return render_bytes(plan, template, refs, draft=draft, context=compose.build(plan, found, refs, draft))
    if kind is QUYET_DINH:
        from kehoach.render import context_quyet_dinh as module
    else:
        from kehoach.render import context_bao_cao as module

        module.check_complete(plan, loaded.source.where)
    return render_bytes(module.document(plan), template, refs, draft=draft, context=module.build(plan, refs, draft))


_FIELDS = {"quyet_dinh": "decision", "ket_qua": "results"}
