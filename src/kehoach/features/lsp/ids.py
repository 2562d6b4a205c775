"""The ids a valid plan declares (units, cited documents, sections and activities), what each renders to,
where each is declared and where it is used — for completion, hover, go to definition and references.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kehoach.problems import Location
from kehoach.model.outline import walk
from kehoach.model.references import INLINE_REF, cite_in_text

#: The keys whose values are units (an id from don_vi, or a name written out).
UNIT_KEYS = frozenset({"chu_tri", "thuc_hien", "phoi_hop", "thuoc", "gui", "luu", "nhiem_vu", "de_nghi",
                       "thi_hanh", "kinh_gui"})


@dataclass(frozen=True)
class Declared:
    """One id: what it is (don_vi, van_ban, muc), its label for a list, what `[[id]]` prints, more to show."""

    id: str
    kind: str
    label: str
    renders: str
    more: str
    where: Location


def declared(loaded_plan: Any) -> dict[str, Declared]:
    """Every id of the plan (its own and its shared files'), by id."""
    from kehoach.render.context import citation

    plan, source, refs = loaded_plan.plan, loaded_plan.source, loaded_plan.refs
    found: dict[str, Declared] = {}
    for unit_id, unit in plan.units.items():
        more = f"Tên đầy đủ: {unit.name}" + (f"\n\nTên in trong văn bản: {unit.display_name}"
                                             if unit.display_name != unit.name else "")
        found[unit_id] = Declared(unit_id, "don_vi", unit.name, unit.display_name, more,
                                  source.key_where(("don_vi", unit_id)))
    for doc_id, doc in plan.documents.items():
        found[doc_id] = Declared(doc_id, "van_ban", cite_in_text(doc), cite_in_text(doc),
                                 f"Trích dẫn đầy đủ: {citation(doc)}", source.key_where(("van_ban", doc_id)))
    for node in walk(plan):
        block_id = getattr(node.block, "id", None)
        if block_id and block_id not in found:
            number = refs.section_numbers.get(block_id, "")
            title = getattr(node.block, "title", None) or getattr(node.block, "unit", "")
            shown = number_label(node)
            found[block_id] = Declared(block_id, "muc", f"{shown} {title}".strip(), number,
                                       f"Mục {shown} {title}".strip(), source.where(node.path + ("id",)))
    return found


def number_label(node: Any) -> str:
    """How a block's number heads it in the document: «III.», «2.», «b)» (ND30 Phụ lục I, V(b)), or as the
    plan's numbering scheme writes it (`danh_so`: «Phần thứ nhất», «1.2.», «-»), when the outline gives one."""
    if not node.number:
        return ""
    style = getattr(node, "style", None)
    if style is not None:
        from kehoach.conventions import numbering

        return " ".join(text for _, text in numbering.heading(style, node.number, "")).strip()
    return f"{node.number})" if node.depth >= 3 else f"{node.number}."


def uses(loaded_plan: Any, wanted: str) -> list[tuple[Location, str]]:
    """Where `wanted` is used in the plan: each (location, the text written there: the id, or «[[id]]»)."""
    plan, source, refs = loaded_plan.plan, loaded_plan.source, loaded_plan.refs
    from kehoach.source import positions

    found: list[tuple[Location, str]] = []
    for path, ref, _ in refs._unit_refs():
        if ref == wanted:
            found.append((source.where(path), ref))
    for unit_id, unit in plan.units.items():
        for index, ref in enumerate(unit.members_of):
            if ref == wanted:
                found.append((source.where(("don_vi", unit_id, "thuoc", index)), ref))
    bases = [("can_cu", i) for i in range(len(plan.bases))]
    if plan.decision is not None:
        bases += [("quyet_dinh", "can_cu", i) for i in range(len(plan.decision.bases))]
    for path in bases:
        basis = plan.bases[path[-1]] if path[0] == "can_cu" else plan.decision.bases[path[-1]]
        if basis.document == wanted:
            found.append((source.where(path + ("van_ban",)), wanted))
    for path, text in refs._texts():
        for match in INLINE_REF.finditer(text):
            if match.group(1) == wanted:
                found.append((positions.locate(source, path, match.start()), match.group()))
    return found
