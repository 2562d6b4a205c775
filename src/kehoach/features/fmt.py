"""`kehoach fmt`: one layout for every plan file, so that a diff shows what changed and nothing else.

The layout:
- keys in the order of the plan model (loai, co_quan, so, ngay, …; inside each block its own fields in
  order), keys the model does not know after them in the clerk's order, so that `check` still names them;
  the ids under don_vi and van_ban keep the clerk's order;
- a text on one line when it fits in `WIDTH` characters, bare unless it needs double quotes; a longer
  text as a folded block (`>-`) whose lines keep the clerk's line breaks while they fit;
  `|` blocks (where each line break is meant) are left as they are;
- lists of units that a sentence joins (chu_tri, thuc_hien, phoi_hop, thuoc, luu) on one line as
  `[a, b]` when they fit; lists whose items are lines of the document (ten, gui, quyen_han), paragraphs
  and blocks one item per line;
- comments and blank lines where the clerk put them; a list keeps its layout when a comment is inside it.

The result is read back with kehoach.source.load and must mean exactly the same data, with the same comments,
or nothing is written.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kehoach.errors import FormatFailed, InputError

#: Lists of units joined in one sentence or one line of the document: written `[a, b]` when they fit.
FLOW_KEYS = frozenset({"chu_tri", "thuc_hien", "phoi_hop", "thuoc", "luu"})
#: Always on one line: a review mark is deleted by deleting its line.
ONE_LINE_KEYS = frozenset({"xem_lai"})

Before = Callable[[str], None]  # puts whole comment lines just before a block


def format_text(text: str, source: str) -> str:
    """`text` in the canonical layout; raises InputError when it is not YAML kehoach can read."""
    from kehoach.source import yaml_roundtrip as rt
    from kehoach.source.load import load_yaml_text
    from kehoach.model.plan import Plan

    before = load_yaml_text(text, source)  # what the file means, and every safety check of the loader
    if not isinstance(before.data, (dict, list)):
        return text  # empty, or a single value: nothing to lay out
    tree = rt.parse(text, source)
    _layout(tree, ("model", Plan) if isinstance(before.data, dict) else None, 0, _head(tree))
    result = rt.dump(tree)
    if load_yaml_text(result, source).data != before.data:
        raise FormatFailed(f"{source}: định dạng lại sẽ làm đổi dữ liệu của tệp")
    if rt.comments(result) != rt.comments(text):
        raise FormatFailed(f"{source}: định dạng lại sẽ làm mất hoặc đổi chú thích (#) của tệp")
    return result


def layout(tree: Any) -> None:
    """Lay out a plan's round-trip tree in place, as `format_text` does, for a tree built in memory (kehoach
    import), which then needs one dump instead of a dump, a parse and a second dump."""
    from kehoach.model.plan import Plan

    _layout(tree, ("model", Plan), 0, _head(tree))


@dataclass
class FormatReport:
    """What `fmt` did (or, with check, would do) to each file."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def format_paths(paths: Sequence[Path], check: bool = False) -> FormatReport:
    """Format plan files and the plans in folders; with `check`, only say which would change."""
    from kehoach.problems import Location
    from kehoach.source.files import plan_files
    from kehoach.source.load import load_yaml_file
    from kehoach.output import write_atomic
    from kehoach.source import newlines

    files = plan_files(paths)
    if not files:
        raise InputError("không có tệp kế hoạch .yaml nào để định dạng", Location(" ".join(map(str, paths)) or "."))
    report = FormatReport()
    for path in files:
        try:
            text = load_yaml_file(path).text
            # Laid out as LF text, written back with the file's own line ending (kehoach.source.newlines).
            result = newlines.with_ending(format_text(newlines.to_lf(text), str(path)), newlines.line_ending(text))
        except InputError as error:
            report.errors.append(error)
            continue
        if result == text:
            report.unchanged.append(path)
            continue
        if not check:
            write_atomic(path, result.encode("utf-8"), elsewhere=None, kind="yaml", replaces_input=True)  # in place
        report.changed.append(path)
    return report


# -- the layout --------------------------------------------------------------------------------------


def _head(tree: Any) -> Before:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    def put(lines: str) -> None:
        if tree.ca.comment is None:
            tree.ca.comment = [None, []]
        if tree.ca.comment[1] is None:
            tree.ca.comment[1] = []
        head = "".join(token.value for token in tree.ca.comment[1])
        tree.ca.comment[1].append(CommentToken(_joined(head, lines), CommentMark(0)))

    return put


def _joined(before: str, lines: str) -> str:
    """`lines` to go after `before`: no blank line at the start of a block, nor two in a row."""
    if not before or before.endswith("\n\n"):
        return lines.lstrip("\n")
    return lines


def _eol(trail: Any) -> Any:
    """An end-of-line comment two spaces after its line (ruamel writes one space before a comment it cannot
    put at its old column, so the comment itself starts with the other)."""
    from kehoach.source import yaml_roundtrip as rt

    if trail.eol is None:
        return trail
    return rt.Trailing(" " + trail.eol.lstrip(), 0, trail.after)


def _layout(node: Any, shape: Any, column: int, before: Before) -> None:
    """Lay out `node`, whose entries start at `column` (its keys, or its dashes)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and not node.fa.flow_style():
        _layout_mapping(node, shape, column, before)
    elif isinstance(node, CommentedSeq) and not node.fa.flow_style():
        item_shape = shape[1] if shape and shape[0] == "list" else None
        for index in range(len(node)):
            item = node[index]
            if isinstance(item, str):
                _restyle(node, index, column + 2, column + 2)
            else:
                _layout(item, _pick(item_shape, item), column + 2, _before_item(node, index, before))


def _layout_mapping(node: Any, shape: Any, column: int, before: Before) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    fields = fields_of(shape[1]) if shape and shape[0] == "model" else {}
    if fields:
        _reorder(node, list(fields), before)
    for key in list(node):
        value = node[key]
        child = shape[1] if shape and shape[0] == "dict" else fields.get(key)
        if isinstance(value, str):
            _restyle(node, key, column + len(str(key)) + 2, column + 2, one_line=key in ONE_LINE_KEYS)
        elif isinstance(value, CommentedSeq):
            if fields and key in fields:
                _list_style(node, key, column, key in FLOW_KEYS)
            _eol_of_key(node, key)
            if node[key].fa.flow_style():
                for index in range(len(value)):
                    if isinstance(value[index], str):
                        _restyle(value, index, 0, 0, flow=True)
            else:
                _layout(value, child, column + 2, _before_key_block(node, key))
        elif isinstance(value, CommentedMap):
            _eol_of_key(node, key)
            _layout(value, child, column + 2, _before_key_block(node, key))


def _eol_of_key(node: Any, key: Any) -> None:
    """The comment at the end of `key:` (a block follows) or of `key: [a, b]`, two spaces after it."""
    from kehoach.source import yaml_roundtrip as rt

    value = node[key]
    if value.fa.flow_style():
        rt.set_trailing(node, key, _eol(rt.trailing(node, key)))
    elif len(value):
        rt.set_key_line(node, key, _eol(rt.key_line(node, key)))


def _before_key_block(container: Any, key: Any) -> Before:
    from kehoach.source import yaml_roundtrip as rt

    def put(lines: str) -> None:
        line = rt.key_line(container, key)
        line.after += _joined(line.after, lines)
        rt.set_key_line(container, key, line)

    return put


def _before_item(seq: Any, index: int, before: Before) -> Before:
    from kehoach.source import yaml_roundtrip as rt

    if index == 0:
        return before

    def put(lines: str) -> None:
        trail = rt.trailing(seq, index - 1)
        trail.after += _joined(trail.after or "x", lines)
        rt.set_trailing(seq, index - 1, trail)

    return put


def _reorder(node: Any, order: list[str], before: Before) -> None:
    """Keys in the model's order; each comment line stays before the key it stood before."""
    from kehoach.source import yaml_roundtrip as rt

    keys = list(node)
    rank = {key: order.index(key) if key in order else len(order) for key in keys}
    wanted = sorted(keys, key=lambda k: (rank[k], keys.index(k)))
    if wanted == keys:
        return
    trails = {key: rt.trailing(node, key) for key in keys}
    # The lines after an entry stand before the next one (those after the last, before what follows).
    leading = {keys[i + 1]: trails[keys[i]].after for i in range(len(keys) - 1)}
    tail = trails[keys[-1]].after
    for key in wanted:
        node.move_to_end(key)
    for i, key in enumerate(wanted):
        after = leading.get(wanted[i + 1], "") if i + 1 < len(wanted) else tail
        rt.set_trailing(node, key, rt.Trailing(trails[key].eol, trails[key].column, after))
    if leading.get(wanted[0]):
        before(leading[wanted[0]])  # what stood before the new first key: now at the start of the block


def _restyle(container: Any, key: Any, start: int, indent: int, flow: bool = False, one_line: bool = False) -> None:
    """One scalar written as the layout wants: one line if it fits, else a folded block."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from kehoach.source import yaml_roundtrip as rt

    value = container[key]
    if not isinstance(value, str) or isinstance(value, LiteralScalarString) or "\n" in value:
        return
    if rt.has_other_comments(container, key):
        return
    if type(value) is str and not rt.reads_as_text(value):
        return  # written bare and read by kehoach as something else (`tRuE`): quoting would change it
    trail = rt.trailing(container, key)
    text = str(value)
    if trail.eol is not None or one_line:  # with a comment at the end of its line, the text stays on it
        new = rt.one_line(text, flow)
    else:
        new = rt.fitted(text, start, indent, rt.fold_kept(value), flow)
    rt.put(container, key, new)
    rt.set_trailing(container, key, _eol(trail))  # written again for the new style (after a block, or a line)


def _list_style(container: Any, key: Any, column: int, flow_wanted: bool) -> None:
    """A model list as `[a, b]` or one item per line; left as it is when comments are inside it."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from kehoach.source import yaml_roundtrip as rt

    seq = container[key]
    if not len(seq) or seq.ca.end:  # lines ruamel keeps at the end of the list: it stays as it is
        return
    simple = all(isinstance(x, (str, int)) and not isinstance(x, (bool, LiteralScalarString))
                 and "\n" not in str(x) and (not isinstance(x, str) or type(x) is not str or rt.reads_as_text(x))
                 for x in seq)
    is_flow = bool(seq.fa.flow_style())
    if is_flow:
        if seq.ca.items:
            return
        trail = rt.trailing(container, key)
        if flow_wanted and simple and _flow_fits(seq, column + len(str(key)) + 2):
            return
        seq.fa.set_block_style()
        rt.set_key_line(container, key, rt.Trailing(trail.eol, trail.column, ""))
        rt.set_trailing(container, key, rt.Trailing(after=trail.after))
        return
    if not (flow_wanted and simple and _flow_fits(seq, column + len(str(key)) + 2)):
        return
    line = rt.key_line(container, key)
    last = len(seq) - 1
    quiet = all(rt.trailing(seq, i) == rt.Trailing() and not rt.has_other_comments(seq, i) for i in range(last))
    end = rt.trailing(seq, last)
    if line.after or not quiet or end.eol is not None or rt.has_other_comments(seq, last):
        return
    rt.set_trailing(seq, last, rt.Trailing())
    seq.fa.set_flow_style()
    rt.set_trailing(container, key, rt.Trailing(line.eol, line.column, end.after))


def _flow_fits(seq: Any, start: int) -> bool:
    from kehoach.source import yaml_roundtrip as rt

    widths = [rt.written_width(rt.one_line(str(x), flow=True)) if isinstance(x, str) else len(str(x)) for x in seq]
    return start + 2 + sum(widths) + 2 * (len(widths) - 1) <= rt.WIDTH


# -- what the model says about each block ------------------------------------------------------------


@cache
def fields_of(cls: type) -> dict[str, Any]:
    """A model class's YAML keys in field order, each with the shape of its value."""
    return {(f.alias or name): _shape(f.annotation) for name, f in cls.model_fields.items()}


def _shape(annotation: Any) -> Any:
    """("model", cls), ("list", shape), ("dict", shape), ("union", classes) or None (a plain value)."""
    from pydantic import BaseModel

    from kehoach.model import plan as model

    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        annotation = getattr(model, annotation, None)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        shapes = [s for a in typing.get_args(annotation) if a is not type(None) and (s := _shape(a))]
        if len(shapes) > 1:
            return ("union", tuple(s[1] for s in shapes if s[0] == "model"))
        return shapes[0] if shapes else None
    if origin is list:
        return ("list", _shape(typing.get_args(annotation)[0]))
    if origin is dict:
        return ("dict", _shape(typing.get_args(annotation)[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return None


def _pick(shape: Any, item: Any) -> Any:
    """A block of the body is a Section, Activity, Duty or Bullet by its first key (muc, hoat_dong, …)."""
    if shape and shape[0] == "union" and isinstance(item, dict):
        for cls in shape[1]:
            if getattr(cls, "tag", None) in item:
                return ("model", cls)
        return None
    return shape
