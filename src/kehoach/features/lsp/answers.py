"""The answers to an editor's questions about a place in a plan: completion, hover, definition, references,
the outline. Positions here are 0-based rows and columns in characters; kehoach.features.lsp.server turns
them into the editor's units.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from kehoach.features.lsp import cursor as cursors
from kehoach.features.lsp import ids, schema
from kehoach.features.lsp.analysis import Workspace


@dataclass(frozen=True)
class Place:
    """A span of one file: 0-based row, start and end columns in characters."""

    path: Path
    row: int
    start: int
    end: int


def completion(workspace: Workspace, path: Path, lines: list[str], row: int, column: int) -> list[lsp.CompletionItem]:
    at = cursors.at(lines, row, column)
    plan = workspace.plan_for(path)
    known = ids.declared(plan) if plan is not None else {}
    if at.in_reference:
        return [_id_item(d) for d in known.values()]
    if at.value_of in ids.UNIT_KEYS:
        return [_id_item(d) for d in known.values() if d.kind == "don_vi"]
    if at.value_of == "van_ban" and at.keys[-1:] == ["can_cu"]:
        return [_id_item(d) for d in known.values() if d.kind == "van_ban"]
    if at.value_of == "loai":
        return _kinds(at.keys)
    if at.value_of is not None:
        key = schema.key(at.keys, at.value_of, at.siblings)
        values = schema.enum_values(key.schema) if key is not None else []
        if values:
            return [lsp.CompletionItem(label=_yaml(v), kind=lsp.CompletionItemKind.EnumMember) for v in values]
        line = lines[row][:column] if row < len(lines) else ""
        if not line.lstrip().startswith("- ") or ":" in line:
            return []  # after `key: `: a text of the clerk's own
    keys = schema.keys_at(at.keys, at.siblings)
    if not at.keys and workspace.is_shared(path):  # a shared file holds only these two blocks
        keys = [k for k in keys if k.name in ("don_vi", "van_ban")]
    return [lsp.CompletionItem(label=k.name, kind=lsp.CompletionItemKind.Property, detail=k.description or None,
                               insert_text=f"{k.name}: ", sort_text=f"{i:03d}")
            for i, k in enumerate(keys)]


def _yaml(value: Any) -> str:
    """A value as it is written in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _id_item(declared: ids.Declared) -> lsp.CompletionItem:
    kinds = {"don_vi": lsp.CompletionItemKind.Module, "van_ban": lsp.CompletionItemKind.Reference,
             "muc": lsp.CompletionItemKind.Field}
    return lsp.CompletionItem(label=declared.id, kind=kinds[declared.kind], detail=declared.label,
                              documentation=declared.more)


def _kinds(keys: list[str]) -> list[lsp.CompletionItem]:
    """`loai:` of the plan: the types kehoach writes (those with an abbreviation); of a cited document: all."""
    from kehoach.conventions import doctypes

    own = not keys
    return [lsp.CompletionItem(label=t.name, kind=lsp.CompletionItemKind.EnumMember,
                               detail=f"viết tắt {t.abbreviation}" if t.abbreviation else None)
            for t in doctypes.all_types() if t.abbreviation or not own]


def _word_id(workspace: Workspace, path: Path, line: str, column: int):
    """The declared id under the cursor (an id value, a key under don_vi/van_ban, or inside [[…]])."""
    plan = workspace.plan_for(path)
    word = cursors.word_at(line, column)
    if plan is None or word is None:
        return None, None
    known = ids.declared(plan)
    found = known.get(word[0])
    return found, word


def hover(workspace: Workspace, path: Path, lines: list[str], row: int, column: int) -> lsp.Hover | None:
    line = lines[row] if row < len(lines) else ""
    found, word = _word_id(workspace, path, line, column)
    if found is not None:
        inline = f"[[{found.id}]]"
        text = f"**{found.id}** — {found.label}\n\n`{inline}` in ra: {found.renders}\n\n{found.more}"
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=_range(row, word[1], word[2]))
    at = cursors.at(lines, row, len(line) - len(line.lstrip(" -")) + 1) if line.strip() else None
    key_word = cursors.word_at(line, column)
    if at is not None and key_word is not None and line[key_word[2]:key_word[2] + 1] == ":":
        key = schema.key(at.keys, key_word[0], at.siblings - {key_word[0]})
        if key is not None and key.description:
            return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown,
                                                        value=f"**{key.name}**: {key.description}"),
                             range=_range(row, key_word[1], key_word[2]))
    return None


def definition(workspace: Workspace, path: Path, lines: list[str], row: int, column: int) -> Place | None:
    line = lines[row] if row < len(lines) else ""
    found, _ = _word_id(workspace, path, line, column)
    if found is None or found.where.line is None:
        return None
    return _place(workspace, found.where, found.id)


def references(workspace: Workspace, path: Path, lines: list[str], row: int, column: int,
               declaration: bool = True) -> list[Place]:
    line = lines[row] if row < len(lines) else ""
    found, _ = _word_id(workspace, path, line, column)
    if found is None:
        return []
    places = [_place(workspace, found.where, found.id)] if declaration else []
    plans = [workspace.plan_for(path)]
    declared_in = workspace.real(found.where.file)
    if any(declared_in in c.shared for c in workspace.checked.values()):  # in a shared file: all its plans' uses
        plans += [workspace.good.get(p) for p in workspace.users(declared_in)]
    for plan in {id(p): p for p in plans if p is not None}.values():
        places += [_place(workspace, where, found.id) for where, _ in ids.uses(plan, found.id)]
    return [p for p in dict.fromkeys(places) if p is not None]


def _place(workspace: Workspace, where, text: str) -> Place | None:
    """The span of `text` at or just after `where` on its line (an id, or the id inside «[[…]]»)."""
    if where.line is None:
        return None
    path = workspace.real(where.file)
    content = (workspace.text(path) or "").split("\n")
    row = where.line - 1
    line = content[row] if row < len(content) else ""
    start = line.find(text, (where.column or 1) - 1)
    if start < 0:
        start = (where.column or 1) - 1
        return Place(path, row, start, start)
    return Place(path, row, start, start + len(text))


def _range(row: int, start: int, end: int) -> lsp.Range:
    return lsp.Range(start=lsp.Position(line=row, character=start), end=lsp.Position(line=row, character=end))


def symbols(workspace: Workspace, path: Path, lines: list[str]) -> list[lsp.DocumentSymbol]:
    """The outline: parts, sections, activities and duties, with the numbers they print with."""
    from kehoach.model.outline import walk
    from kehoach.model.plan import Activity, Duty, Section

    plan = workspace.plan_for(path)
    if plan is None or plan.source.source != workspace.display(path):
        return []
    nodes = [n for n in walk(plan.plan) if n.number is not None]
    starts = [plan.source.where(n.path) for n in nodes]
    body_end = _body_end(lines)
    roots: list[lsp.DocumentSymbol] = []
    stack: list[tuple[int, lsp.DocumentSymbol]] = []
    for index, (node, start) in enumerate(zip(nodes, starts)):
        later = [s for n, s in zip(nodes[index + 1:], starts[index + 1:]) if n.depth <= node.depth]
        end_row = (later[0].line - 2) if later else body_end
        row = (start.line or 1) - 1
        end_row = max(end_row, row)
        block = node.block
        if isinstance(block, Duty):  # headed by the unit's full name (kehoach.model.body.Duty)
            unit = plan.plan.units.get(block.unit)
            title = block.title or (unit.name if unit is not None else block.unit)
        else:
            title = block.title
        kind = {Section: lsp.SymbolKind.Namespace if node.depth == 1 else lsp.SymbolKind.Module,
                Activity: lsp.SymbolKind.Event, Duty: lsp.SymbolKind.Object}[type(block)]
        name = f"{ids.number_label(node)} {' '.join(str(title).split())}"
        select_end = len(lines[row]) if row < len(lines) else 0
        symbol = lsp.DocumentSymbol(
            name=name, kind=kind, detail=getattr(block, "id", None) or None,
            range=lsp.Range(start=lsp.Position(line=row, character=0),
                            end=lsp.Position(line=end_row, character=len(lines[end_row]) if end_row < len(lines) else 0)),
            selection_range=_range(row, (start.column or 1) - 1, select_end), children=[])
        while stack and stack[-1][0] >= node.depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(symbol)
        stack.append((node.depth, symbol))
    return roots


def _body_end(lines: list[str]) -> int:
    """The last line of the `noi_dung:` block at the top of the file."""
    inside, last = False, len(lines) - 1
    for row, line in enumerate(lines):
        if line.startswith("noi_dung:"):
            inside, last = True, row
        elif inside and line and not line[0].isspace() and not line.startswith("#"):
            return last
        elif inside and line.strip():
            last = row
    return last
