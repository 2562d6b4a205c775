"""One change between two versions, and how values, lists and texts are compared into changes.

Lists (bases, recipients, units) are matched by a key, so an item that moved is reported once, where it now
stands; texts are compared as written (with `[[id]]`) and shown as printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Callable

from kehoach.features import words
from kehoach.model.references import References
from kehoach.render.context import citation

_VERBS = {"them": "thêm", "bo": "bỏ", "sua": "sửa"}


@dataclass(frozen=True)
class Change:
    """One change: `kind` them (added), bo (removed) or sua (changed); where; what; old and new value."""

    kind: str
    where: str
    what: str = ""
    old: str | None = None
    new: str | None = None

    def line(self) -> str:
        """One line; an edited text shows its changed words marked, «… năm [-2024-]{+2025+} trên …»
        (kehoach.features.words), a short value both versions whole, «185» → «12»."""
        head = f"{self.where}: {_VERBS[self.kind]}" + (f" {self.what}" if self.what else "")
        if self.kind == "sua":
            if self.old is not None and self.new is not None and not words.is_short(self.old, self.new):
                return f"{head}{':' if self.what else ''} «{words.marked(self.old, self.new)}»"
            return f"{head}{':' if self.what else ''} «{self.old}» → «{self.new}»"
        value = self.new if self.kind == "them" else self.old
        return f"{head}{':' if self.what else ''} {value}"


def field_change(out: list[Change], where: str, what: str, old: str | None, new: str | None) -> None:
    if old != new:
        out.append(Change("them" if old is None else "bo" if new is None else "sua", where, what, old, new))


def amount(value: int | str | None) -> str | None:
    """A budget as printed: «15.000.000 đồng» (the model reads it as a number of đồng)."""
    if value is None or isinstance(value, str):
        return value
    from kehoach.conventions.money import with_currency

    return with_currency(value)


def basis_text(basis, refs: References) -> str:
    if basis.documents:
        text = "; ".join(citation(refs.plan.documents[ref]) for ref in basis.documents)
        return text if basis.lead == "Căn cứ" else f"{basis.lead} {text}"
    return refs.expand(basis.text or "")


def list_changes(out: list[Change], where: str, what: str, old: list, new: list, key: Callable[[Any], Any],
                 show_old: Callable[[Any], str], show_new: Callable[[Any], str]) -> None:
    """Items added, removed or moved in a list whose items are known by `key` (bases, recipients)."""
    old_keys, new_keys = [key(x) for x in old], [key(x) for x in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for i in range(i1, i2):
            if old_keys[i] not in new_keys:
                out.append(Change("bo", where, what, show_old(old[i]), None))
        for j in range(j1, j2):
            if new_keys[j] in old_keys:  # moved: reported once, where it now stands
                moved = f"vị trí của {show_new(new[j])}" if not what else f"vị trí của {what} {show_new(new[j])}"
                out.append(Change("sua", where, moved, f"thứ {old_keys.index(new_keys[j]) + 1}", f"thứ {j + 1}"))
            else:
                out.append(Change("them", where, what, None, show_new(new[j])))


def text_changes(out: list[Change], where: str, old: list[tuple[str, str]], new: list[tuple[str, str]],
                 old_refs: References, new_refs: References) -> None:
    """Paragraphs and bullets added, removed or changed; compared as written, shown as printed."""
    old_raw, new_raw = [t for _, t in old], [t for _, t in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_raw, new_raw, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            (_, o), (what, n) = old[i1 + k], new[j1 + k]
            out.append(Change("sua", where, what, old_refs.expand(o), new_refs.expand(n)))
        for what, text in old[i1 + pairs:i2]:
            out.append(Change("bo", where, what, old_refs.expand(text), None))
        for what, text in new[j1 + pairs:j2]:
            out.append(Change("them", where, what, None, new_refs.expand(text)))
