"""The JSON Schema of a data file, made from the models of every kind, with the Vietnamese description of
every field: what `kehoach schema` prints, `kehoach init` writes beside a new file, and the language server
completes keys from."""

from __future__ import annotations


def json_schema() -> str:
    """The JSON Schema of a plan file, with the Vietnamese descriptions of every field."""
    import json

    from typing import Union

    from pydantic import TypeAdapter

    from kehoach.model import bodies

    # One schema for every kind: a file matches the model its `loai:` chooses (kehoach.model.bodies).
    models = tuple(dict.fromkeys([bodies.DEFAULT, *bodies.BY_NAME.values()]))
    union = TypeAdapter(Union[models]).json_schema(by_alias=True)
    # Every key of every kind at the top, for an editor's completion and hover; `anyOf` holds each kind's shape.
    properties: dict = {}
    # The general document first: its body (paragraphs, sections) is the widest; a plan's is sections only.
    for model in sorted(models, key=lambda m: m is not bodies.BY_NAME["van-ban"]):
        for key, value in union["$defs"][model.__name__]["properties"].items():
            properties.setdefault(key, value)
    schema = _without_generated_words({"$defs": union["$defs"], "type": "object", "properties": properties,
                                       "anyOf": union["anyOf"]})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Văn bản hành chính (kehoach)"
    schema["description"] = ("Tệp dữ liệu một văn bản hành chính (Kế hoạch, Quyết định, Báo cáo, Tờ trình, Thông báo,"
                             " Công văn, …) theo thể thức Nghị định 30/2020/NĐ-CP")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _without_generated_words(node):
    """Drop what pydantic writes in English (titles made from names, the classes' docstrings): an editor
    shows the clerk the Vietnamese description of each field instead."""
    if isinstance(node, dict):
        cleaned = {k: _without_generated_words(v) for k, v in node.items() if k != "title"}
        if "properties" in cleaned:  # an object: its docstring is for developers
            cleaned.pop("description", None)
        return cleaned
    if isinstance(node, list):
        return [_without_generated_words(v) for v in node]
    return node
