"""The keys a block of a plan accepts, with their descriptions, read from the plan's JSON Schema.

The schema is the one `kehoach schema` prints (made from the pydantic model, with the Vietnamese
description of every field), so completion offers exactly the keys `kehoach check` accepts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Key:
    name: str
    description: str
    schema: dict  # the key's value, resolved


@cache
def _root() -> dict:
    from kehoach.model.schema import json_schema

    return json.loads(json_schema())


def _resolve(node: dict) -> list[dict]:
    """The alternatives a schema node allows, with $ref followed and anyOf/oneOf/allOf opened up."""
    found, pending = [], [node]
    while pending:
        current = pending.pop(0)
        ref = current.get("$ref")
        if ref:
            current = _root()["$defs"][ref.rsplit("/", 1)[-1]]
        alternatives = current.get("anyOf") or current.get("oneOf") or current.get("allOf")
        if alternatives:
            pending[:0] = alternatives
        else:
            found.append(current)
    return found


def _objects(nodes: list[dict]) -> list[dict]:
    """The mapping alternatives among `nodes`, looking through lists into their items."""
    objects = []
    for node in nodes:
        if node.get("type") == "array" and "items" in node:
            objects += _objects(_resolve(node["items"]))
        elif node.get("type") == "object" or "properties" in node:
            objects.append(node)
    return objects


def _step(objects: list[dict], key: str) -> list[dict]:
    """The mappings found under `key` of any of `objects` (an id under don_vi: the pattern's value)."""
    found = []
    for node in objects:
        properties = node.get("properties") or {}
        if key in properties:
            found += _objects(_resolve(properties[key]))
        elif isinstance(node.get("additionalProperties"), dict):
            found += _objects(_resolve(node["additionalProperties"]))
        else:
            for value in (node.get("patternProperties") or {}).values():
                found += _objects(_resolve(value))
    return found


def blocks_at(keys: list[str], siblings: set[str] = frozenset()) -> list[dict]:
    """The mapping schemas a block reached by `keys` may be; narrowed to those having every key of `siblings`
    (the tag `muc`, `hoat_dong`… tells which block of a content list it is)."""
    objects = _objects(_resolve(_root()))
    for key in keys:
        objects = _step(objects, key)
    narrowed = [o for o in objects if siblings <= set(o.get("properties") or {})]
    return narrowed or objects


def keys_at(keys: list[str], siblings: set[str] = frozenset()) -> list[Key]:
    """Every key the block at `keys` accepts and does not have yet, in the model's order."""
    found: dict[str, Key] = {}
    for node in blocks_at(keys, siblings):
        for name, value in (node.get("properties") or {}).items():
            if name not in siblings and name not in found:
                found[name] = Key(name, value.get("description", ""), value)
    return list(found.values())


def key(keys: list[str], name: str, siblings: set[str] = frozenset()) -> Key | None:
    """The key `name` of the block at `keys` (for its description and values)."""
    for node in blocks_at(keys, siblings):
        value = (node.get("properties") or {}).get(name)
        if value is not None:
            return Key(name, value.get("description", ""), value)
    return None


def enum_values(value: dict) -> list[Any]:
    """The values a key takes when the schema lists them (enum, const, examples, true/false)."""
    found: list[Any] = []
    for node in _resolve(value):
        if node.get("type") == "array" and "items" in node:
            found += enum_values(node["items"])
        found += node.get("enum", [])
        found += node.get("examples", [])  # a loose field's usual values (the status of an activity)
        if "const" in node:
            found.append(node["const"])
        if node.get("type") == "boolean":
            found += [True, False]
    return list(dict.fromkeys(found))
