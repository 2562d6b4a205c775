"""The body's parts tree (kehoach.features.importer.body) → the data: titles back to the case of running text,
ids made from the titles, activities, duties and parts as the model writes them, unit references by id, and
the units declared once under `don_vi`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kehoach.conventions import numbering
from kehoach.features.importer import body as body_parts
from kehoach.features.importer import citations
from kehoach.features.importer.bases import unique
from kehoach.features.importer.units import Units

if TYPE_CHECKING:
    from kehoach.features.importer.recognise import Imported


def titles(parts, lines: list[str], scheme: tuple[str, ...]) -> None:
    """Part titles printed in capitals back to the case of running text, taking each word's case from the
    document where it appears in lower case or capitalised («MỤC ĐÍCH, YÊU CẦU» → «Mục đích, yêu cầu»)."""
    seen: Counter = Counter()
    for line in lines:
        words = line.split()
        for before, word in zip(words, words[1:]):
            # a capital after «2.», «a)», «:» or a full stop opens a title or a sentence: it says nothing of the word
            if not word.isupper() and not before.endswith((".", ")", ":")):
                seen[word] += 1
    forms: dict[str, str] = {}
    for word, _ in seen.most_common():  # a word seen in lower case stays so; a name keeps its capital
        if word.islower():
            forms[word.casefold()] = word
        else:
            forms.setdefault(word.casefold(), word)
    for part in body_parts.all_parts(parts):
        if scheme[part.depth - 1] in numbering.CAPITALS and part.title.isupper():
            words = part.title.split()
            cased = [forms.get(w.casefold(), w if _acronym(w, lines) else w.lower()) for w in words]
            if cased:
                first = cased[0]
                cased[0] = first[:1].upper() + first[1:]
            part.title = " ".join(cased)


def _acronym(word: str, lines: list[str]) -> bool:
    core = word.strip(",.;:()")
    return len(core) >= 2 and any(f" {core}" in line for line in lines if not line.isupper())


def ids(parts, units: Units) -> None:
    for part in body_parts.all_parts(parts):
        if part.depth == 1 or part.kind == "hoat_dong":
            words = citations.slug(part.title).split("-")[:4]
            part.id = unique("-".join(words) or "muc", units.reserved)
            units.reserved.add(part.id)


def part_item(part, units: Units) -> dict:
    children = [child_item(c, units) for c in part.children]
    if part.kind == "hoat_dong":
        item = {"hoat_dong": part.title, "id": part.id}
        fields = dict(part.fields)
        if "noi_dung" in fields:
            item["noi_dung"] = fields.pop("noi_dung")
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            if key in fields:
                refs = [units.listed(name) for name in fields.pop(key)]
                item[key] = refs[0] if len(refs) == 1 else refs
        item.update(fields)
        return item
    if part.kind == "nhiem_vu":
        unit_id, title = units.heading(part.title)
        item = {"nhiem_vu": unit_id}
        if title:
            item["tieu_de"] = title
        item["noi_dung"] = children
        return item
    item = {"muc": part.title}
    if part.id:
        item["id"] = part.id
    if part.review:
        item["xem_lai"] = part.review
    if children:
        item["noi_dung"] = children
    return item


def child_item(child, units: Units):
    if isinstance(child, body_parts.Part):
        return part_item(child, units)
    return {"gach": child.text} if child.bullet else child.text


def count_reviews(node) -> int:
    if isinstance(node, dict):
        return ("xem_lai" in node) + sum(count_reviews(v) for v in node.values())
    if isinstance(node, list):
        return sum(count_reviews(v) for v in node)
    return 0


def renamed(data: dict, ids: dict[str, str]) -> None:
    """Unit references renamed after the units took their own abbreviation as id."""
    if not ids:
        return

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key in ("chu_tri", "thuc_hien", "phoi_hop", "nhiem_vu", "gui", "luu"):
                value = node.get(key)
                if isinstance(value, str):
                    node[key] = ids.get(value, value)
                elif isinstance(value, list):
                    node[key] = [ids.get(v, v) if isinstance(v, str) else v for v in value]
            walk(node.get("noi_dung"))

    walk(data["noi_dung"])
    walk(data["noi_nhan"])
    walk(data.get("ban_hanh"))
    for key in ("kinh_gui", "de_nghi", "thi_hanh"):  # the addressees; a decision's proposer and executors
        value = data.get(key)
        if isinstance(value, str):
            data[key] = ids.get(value, value)
        elif isinstance(value, list):
            data[key] = [ids.get(v, v) for v in value]


def as_text(node, loose: dict[str, str]) -> None:
    """Replace the ids of loose groups in activities by their names."""
    if isinstance(node, list):
        for item in node:
            as_text(item, loose)
    elif isinstance(node, dict):
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            value = node.get(key)
            if isinstance(value, str):
                node[key] = loose.get(value, value)
            elif isinstance(value, list):
                node[key] = [loose.get(v, v) for v in value]
        as_text(node.get("noi_dung"), loose)


def declared(units: Units, out: Imported) -> dict:
    declared = {}
    for unit in units.units:
        entry = {"ten": unit.name}
        if unit.short and unit.short != unit.name:
            entry["ten_ngan"] = unit.short
        if unit.code:
            entry["viet_tat"] = unit.code
        if unit.member_of:
            entry["thuoc"] = unit.member_of[0] if len(unit.member_of) == 1 else unit.member_of
            out.comments[("don_vi", unit.id, "thuoc")] = "tên đơn vị cho biết là thành viên của nhóm này"
        declared[unit.id] = entry
        if unit.note:
            out.comments[("don_vi", unit.id)] = unit.note
    return declared
