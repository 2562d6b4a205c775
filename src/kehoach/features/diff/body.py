"""The body of two versions compared item by item: sections, activities and duties matched by `id`, else by
title within the same parent, else by position; named by their number in the new version (the old number for
a removed item)."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from kehoach.features.diff.changes import Change, amount, field_change, list_changes, text_changes
from kehoach.model.outline import number_at
from kehoach.model.plan import Activity, Bullet, Duty, Plan, Section
from kehoach.source.plan_file import LoadedPlan

_KINDS = {Section: "mục", Activity: "hoạt động", Duty: "nhiệm vụ"}


@dataclass(eq=False)  # items are told apart by identity: two equal sections are still two sections
class _Item:
    block: Any
    number: str  # "III.2"; "" for the body itself
    parent: _Item | None = None
    children: list[_Item] = field(default_factory=list)  # the numbered blocks inside
    texts: list[tuple[str, str]] = field(default_factory=list)  # ("đoạn văn" or "ý", text as written)

    @property
    def where(self) -> str:
        return f"Mục {self.number}"

    @property
    def key(self) -> tuple:
        """What the item is known by when it has no id: its kind and title (a duty: its unit)."""
        block = self.block
        return (type(block), block.unit if isinstance(block, Duty) else block.title)


def _tree(plan: Plan) -> tuple[_Item, list[_Item]]:
    """The body as numbered items, and all of them in document order."""
    root = _Item(None, "")
    items: list[_Item] = []

    def add(parent: _Item, blocks: list, depth: int) -> None:
        for block in blocks:
            if isinstance(block, (Section, Activity, Duty)):
                number = number_at(depth, len(parent.children))
                item = _Item(block, f"{parent.number}.{number}" if parent.number else number, parent)
                parent.children.append(item)
                items.append(item)
                if not isinstance(block, Activity):
                    add(item, block.content, depth + 1)
            else:
                parent.texts.append(("ý", block.text) if isinstance(block, Bullet) else ("đoạn văn", block))

    add(root, list(plan.body), 1)
    return root, items


class Body:
    """The body's items matched old ↔ new (by id, then title, then position), then compared pair by pair."""

    def __init__(self, old: LoadedPlan, new: LoadedPlan, out: list[Change]) -> None:
        self.old, self.new, self.out = old, new, out
        self.old_root, old_items = _tree(old.plan)
        self.new_root, new_items = _tree(new.plan)
        self.to_old: dict[_Item, _Item] = {}
        self.to_new: dict[_Item, _Item] = {}
        by_id = {i.block.id: i for i in old_items if i.block.id}
        for item in new_items:
            match = by_id.get(item.block.id) if item.block.id else None
            if match is not None and type(match.block) is type(item.block):
                self._pair(match, item)
        self._pair(self.old_root, self.new_root)
        for item in [self.new_root] + new_items:  # parents before children
            if item in self.to_old and not isinstance(item.block, Activity):
                self._match_children(self.to_old[item], item)

    def _pair(self, old: _Item, new: _Item) -> None:
        self.to_old[new], self.to_new[old] = old, new

    def _match_children(self, old: _Item, new: _Item) -> None:
        def free(o: _Item, n: _Item) -> bool:
            return (o not in self.to_new and n not in self.to_old and type(o.block) is type(n.block)
                    and not (o.block.id and n.block.id and o.block.id != n.block.id))

        for n in new.children:
            match = next((o for o in old.children if free(o, n) and o.key == n.key), None)
            if match is not None:
                self._pair(match, n)
        for o, n in zip(old.children, new.children):
            if free(o, n):
                self._pair(o, n)

    def container(self, old: _Item, new: _Item) -> None:
        if new.number:
            text_changes(self.out, new.where, old.texts, new.texts, self.old.refs, self.new.refs)
        # Matched pairs share a token, so the opcodes say which stayed in order, which came and went.
        old_keys = [id(self.to_new.get(o, o)) for o in old.children]
        new_keys = [id(n) for n in new.children]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
            if tag == "equal":
                for o, n in zip(old.children[i1:i2], new.children[j1:j2]):
                    self._item(o, n)
                continue
            for o in old.children[i1:i2]:
                if o not in self.to_new:
                    self.out.append(Change("bo", o.where, _KINDS[type(o.block)], self._title(o, self.old), None))
            for n in new.children[j1:j2]:
                if n not in self.to_old:
                    self.out.append(Change("them", n.where, _KINDS[type(n.block)], None, self._title(n, self.new)))
                else:
                    o = self.to_old[n]
                    if o.where != n.where:  # out of order, yet where it stood: nothing to tell
                        self.out.append(Change("sua", n.where, "vị trí", o.where, n.where))
                    self._item(o, n)

    @staticmethod
    def _title(item: _Item, loaded: LoadedPlan) -> str:
        block = item.block
        if isinstance(block, Duty):
            unit = loaded.plan.units.get(block.unit)
            return loaded.refs.expand(block.title or (unit.name if unit else block.unit))
        return loaded.refs.expand(block.title)

    def _item(self, o: _Item, n: _Item) -> None:
        a, b, where = o.block, n.block, n.where
        old_refs, new_refs = self.old.refs, self.new.refs
        if isinstance(b, Duty):
            if a.unit != b.unit:  # compared as written: a unit's new name is reported once, under the unit
                field_change(self.out, where, "đơn vị", old_refs.unit_name(a.unit), new_refs.unit_name(b.unit))
            if a.title != b.title:
                field_change(self.out, where, "tiêu đề", self._title(o, self.old), self._title(n, self.new))
        elif a.title != b.title:
            field_change(self.out, where, "tiêu đề", old_refs.expand(a.title), new_refs.expand(b.title))
        if isinstance(b, Activity):
            if a.content != b.content:
                field_change(self.out, where, "nội dung", a.content and old_refs.expand(a.content),
                             b.content and new_refs.expand(b.content))
            for what, attr in (("đơn vị chủ trì", "lead"), ("đơn vị thực hiện", "implementing"),
                               ("đơn vị phối hợp", "coordinating")):
                list_changes(self.out, where, what, getattr(a, attr), getattr(b, attr), key=str,
                             show_old=old_refs.unit_name, show_new=new_refs.unit_name)
            field_change(self.out, where, "thời gian thực hiện", a.period, b.period)
            field_change(self.out, where, "kinh phí", amount(a.budget), amount(b.budget))
        else:
            self.container(o, n)
