"""The recognised data → the text of a plan file, laid out as `kehoach fmt` lays it out, notes as comments."""

from __future__ import annotations

import re
import textwrap

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from kehoach.features.importer.recognise import Imported
from kehoach.source import yaml_roundtrip as rt


def to_yaml(imported: Imported, source_name: str) -> str:
    """The plan file's text; `source_name` (the Word file's name) is named in the opening comment.

    The tree is laid out by kehoach fmt's own layout and dumped once; the text is read back and must mean
    the recognised data exactly, or nothing is returned."""
    from kehoach.errors import FormatFailed
    from kehoach.features.fmt import layout
    from kehoach.source.load import load_yaml_text

    tree = _tree(imported.data)
    for path, comment in imported.comments.items():
        _comment(tree, path, comment)
    layout(tree)
    lead = [f"Lập bằng «kehoach import» từ {source_name}.",
            "Chỗ nào kehoach đoán thì có ghi chú (#) ngay trên; chỗ nào không nhận ra thì giữ nguyên văn và có"
            " khóa xem_lai: xem, sửa rồi xóa dòng xem_lai."]
    body = rt.dump(tree)
    # A blank line before each top-level key and each part, as plan files are written by hand.
    body = re.sub(r"\n(?=(?!so:|ngay:|nam:|ngay_ghi:|quy_pham:|ky_hieu:|danh_so:|the_thuc:)[a-z_]+:|  - (?:muc|nhiem_vu):|# )", "\n\n", body)
    text = "".join(f"# {line}\n" for line in _wrapped(" ".join(lead), 0)) + "\n" + body
    if load_yaml_text(text, source_name).data != _plain(imported.data):
        raise FormatFailed(f"{source_name}: tệp dữ liệu ghi ra không đúng với những gì đọc được từ văn bản")
    return text


def _plain(node):
    """The data as the YAML loader reads it back (numbers of documents as integers)."""
    if isinstance(node, dict):
        return {k: (int(v) if k == "so" and isinstance(v, str) and v.isdigit() and not v.startswith("0") else _plain(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _wrapped(comment: str, indent: int) -> list[str]:
    return textwrap.wrap(comment, rt.WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)


def _tree(node, key=None):
    if isinstance(node, dict):
        out = CommentedMap()
        for k, v in node.items():
            out[k] = _tree(v, k)
        return out
    if isinstance(node, list):
        out = CommentedSeq()
        out.extend(_tree(v) for v in node)
        return out
    if isinstance(node, str):
        if key == "so" and node.isdigit() and not node.startswith("0"):
            return int(node)
        if "\n" in node:
            return LiteralScalarString(node)
        if not rt.reads_as_text(node):  # needs quotes as written bare: the layout then picks the form
            return DoubleQuotedScalarString(node)
    return node


def _comment(tree, path: tuple, comment: str) -> None:
    """Put `comment` on the lines just above the entry at `path` (a key of a mapping or an item of a list)."""
    container, depth = tree, 0
    for step in path[:-1]:
        container = container[step]
        depth += 1
    last = path[-1]
    if isinstance(container, CommentedSeq) and isinstance(last, int) and last >= len(container):
        return
    if isinstance(container, CommentedMap) and last not in container:
        return
    indent = rt.MAPPING_INDENT * _columns(tree, path)
    container.yaml_set_comment_before_after_key(last, before="\n".join(_wrapped(comment, indent)), indent=indent)


def _columns(tree, path: tuple) -> int:
    """How many indentation steps the entry at `path` stands in (a list item counts as two)."""
    steps, node = 0, tree
    for step in path[:-1]:
        node = node[step]
        steps += 2 if isinstance(node, CommentedSeq) else 1
    return steps
