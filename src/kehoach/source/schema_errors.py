"""pydantic's validation errors said in Vietnamese, at the key or value of the YAML file they are about.

An unknown key gets the nearest key its block accepts («có phải «trich_yeu»?»), a missing one its description,
a wrong value what was expected instead; the tags of tagged unions and validators' names in pydantic's `loc`
are skipped to find the real place in the file; a certain correction comes with its fix.
"""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from functools import cache
from typing import Any

from pydantic import BaseModel

from kehoach.errors import InputError
from kehoach.model import plan as model
from kehoach.model.body import _block_tag
from kehoach.source.load import LoadedYaml


def without_misspelled_missing(errors: list[dict]) -> list[dict]:
    """Drop "missing «trich_yeu»" when the same block has an unknown «trich_yue»: one typo, one message.

    The unknown key's message already asks «có phải «trich_yeu»?».
    """
    unknown = {(tuple(e["loc"][:-1]), str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"}

    def misspelled(error: dict) -> bool:
        parent, key = tuple(error["loc"][:-1]), str(error["loc"][-1])
        typos = [typo for where, typo in unknown if where == parent]
        return bool(difflib.get_close_matches(key, typos, n=1, cutoff=0.6))

    return [e for e in errors if not (e["type"] == "missing" and misspelled(e))]


def _value_at(data: Any, path: tuple) -> Any:
    """The value at `path` in the loaded data, or None when the path does not lead anywhere."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _yaml_path(loc: tuple, data: Any) -> tuple[tuple, bool]:
    """The part of a pydantic `loc` that names real places in the YAML, and whether it ends on a key.

    A `loc` also holds the tags of tagged unions and validator names; those are skipped.
    """
    path: list = []
    current = data
    for index, part in enumerate(loc):
        if part == "[key]":
            return tuple(path), True
        if index and isinstance(loc[index - 1], int) and part == _block_tag(current):
            continue  # the tag of a body block ("muc", "hoat_dong", …), which is also one of its keys
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and part not in _known_keys():
            continue  # a union tag or validator name
        else:
            break
    return tuple(path), False


def translate(error: dict, loaded: LoadedYaml, root: type | None = None) -> InputError:
    translated = _translated(error, loaded, root)
    translated.fix = _fix(error, loaded)
    return translated


def _fix(error: dict, loaded: LoadedYaml):
    """The certain corrections of a model error: «KT CHỦ TỊCH» → «KT. CHỦ TỊCH», a list item with a colon quoted."""
    from kehoach.source import fixes

    path, on_key = _yaml_path(tuple(error["loc"]), loaded.data)
    if on_key:
        return None
    value = _value_at(loaded.data, path)
    fixed = (error.get("ctx") or {}).get("fixed")
    if error["type"] == "kehoach_authority" and fixed and isinstance(value, str):
        return fixes.replace(loaded, path, 0, len(value), fixed, f"Viết «{fixed}»")
    if error["type"] in ("kehoach_block", "string_type") and isinstance(value, dict) and len(value) == 1:
        return fixes.quote_item(loaded, path)
    return None


def _translated(error: dict, loaded: LoadedYaml, root: type | None = None) -> InputError:
    kind = error["type"]
    loc = tuple(error["loc"])
    path, on_key = _yaml_path(loc, loaded.data)
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return InputError(_unknown_key(str(last), _keys_of_block(loc, root)), loaded.key_where(path), "schema-unknown-key")
    where = loaded.key_where(path) if on_key else loaded.where(path)
    value = path[-1] if on_key and path else _value_at(loaded.data, path)
    if kind == "missing":
        # Shown at the key of the block that lacks it (`ky:`), where the new line goes.
        about = _description(loc, root)
        what = f" ({about})" if about else ""
        return InputError(f"thiếu khóa «{last}»{what}; hãy thêm khóa này", loaded.key_where(path), "schema-missing")
    if value is None and kind in _TYPE_ERRORS and path:  # `khoa:` with nothing after it
        if isinstance(path[-1], int):
            return InputError("phần tử này chưa có nội dung; hãy ghi nội dung sau dấu «- » hoặc xóa dòng này", where,
                              "schema-type")
        return InputError(f"khóa «{path[-1]}» chưa có giá trị; hãy ghi giá trị sau dấu hai chấm, hoặc xóa cả dòng"
                          " nếu không cần", loaded.key_where(path), "schema-type")
    if kind == "kehoach_block" and isinstance(value, dict) and len(value) == 1 and not set(value) & _known_keys():
        # `- Thời gian: Quý III` is read as a key and its value, not as a paragraph.
        return InputError(f"{error['msg']}; nếu đây là một đoạn văn có dấu hai chấm, hãy đặt cả đoạn trong ngoặc kép",
                          where, "schema-type")
    if kind.startswith("kehoach_"):
        return InputError(error["msg"], where, _CUSTOM_RULES.get(kind, "schema-type"))
    if on_key or kind == "string_pattern_mismatch":
        if last == "so" and not on_key:
            return InputError("số văn bản chỉ ghi phần số, ví dụ 185; ký hiệu (như KH-UBND) do kehoach tự ghép,"
                              " hãy xóa phần còn lại", where, "schema-type")
        return InputError(_bad_id(str(value)), where, "schema-id")
    message = _MESSAGES.get(kind)
    if isinstance(value, (list, dict)):
        message = _FOUND.get((kind, type(value)), message)
    if message is None:
        message = f"giá trị không hợp lệ ({error['msg']})"
    return InputError(message.format(**(error.get("ctx") or {})), where, "schema-type")


#: The rule id reported for each of the model's own validation errors (see kehoach.rules).
_CUSTOM_RULES = {
    "kehoach_date": "date-invalid",
    "kehoach_doctype": "doctype-unknown",
    "kehoach_authority": "signature-format",
}


def _bad_id(value: str) -> str:
    message = f"mã «{value}» không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang"
    suggestion = _slug(value)
    if suggestion and suggestion != value:
        return f"{message}; hãy viết lại, ví dụ «{suggestion}»"
    return f"{message}; hãy viết lại, ví dụ «phong-ldtbxh»"


def _slug(text: str) -> str:
    """`Kinh-Phí` → `kinh-phi`: what an id written with capitals or diacritics was meant to be."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in plain).split())


_MESSAGES = {
    "string_type": "cần một đoạn chữ ở đây",
    "string_too_short": "không được để trống; hãy ghi nội dung hoặc xóa cả dòng",
    "too_short": "không được để trống; hãy ghi nội dung hoặc xóa cả dòng",
    "int_type": "cần một số nguyên ở đây",
    "int_parsing": "cần một số nguyên ở đây",
    "int_from_float": "cần một số nguyên ở đây",
    "list_type": "cần một danh sách (mỗi phần tử một dòng bắt đầu bằng «- »)",
    "dict_type": "cần một khối «khóa: giá trị» ở đây",
    "model_type": "cần một khối «khóa: giá trị» ở đây; hãy viết các khóa con trên các dòng sau, thụt vào hai dấu cách",
    "model_attributes_type": "cần một khối «khóa: giá trị» ở đây; hãy viết các khóa con trên các dòng sau, thụt vào"
    " hai dấu cách",
    "greater_than_equal": "giá trị phải từ {ge} trở lên",
    "less_than_equal": "giá trị phải từ {le} trở xuống",
    "bool_type": "cần true hoặc false",
    "date_type": "cần một ngày viết dạng ngày/tháng/năm, ví dụ 18/01/2022",
}

#: What was found instead, when it says more than the type expected.
_FOUND = {
    ("string_type", list): "cần một đoạn chữ ở đây, không phải danh sách; hãy viết nội dung ngay sau dấu hai chấm,"
    " không dùng dòng «- »",
    ("string_type", dict): "cần một đoạn chữ ở đây, không phải khối «khóa: giá trị»; nếu nội dung có dấu hai chấm,"
    " hãy đặt cả nội dung trong ngoặc kép",
    ("list_type", dict): "cần một danh sách ở đây, không phải khối «khóa: giá trị»; hãy viết mỗi phần tử trên một dòng"
    " bắt đầu bằng «- »",
}

#: Errors about the kind of value; for an empty value (`khoa:` with nothing after it) they say so instead.
_TYPE_ERRORS = frozenset({
    "string_type", "int_type", "list_type", "dict_type", "model_type", "model_attributes_type", "bool_type",
    "date_type", "kehoach_block",
})


def _unknown_key(key: str, allowed: set[str]) -> str:
    """The message for an unknown key, suggesting the nearest key that the same block accepts."""
    message = f"khóa «{key}» không có trong mẫu kế hoạch"
    close = difflib.get_close_matches(key, sorted(allowed or _known_keys()), n=1, cutoff=0.6)
    if close:
        return f"{message}; có phải «{close[0]}»?"
    return f"{message}; hãy xóa hoặc sửa tên khóa"


def _keys_of_block(loc: tuple, root: type | None = None) -> set[str]:
    """The keys the block holding `loc[-1]` accepts (empty when the walk through the model gets lost)."""
    candidates: list = [root or model.Plan]
    for part in loc[:-1]:
        candidates = [step for t in _flatten(candidates) for step in _step(t, part)]
    return {field.alias or name for cls in _flatten(candidates)
            if isinstance(cls, type) and issubclass(cls, BaseModel)
            for name, field in cls.model_fields.items()}


def _description(loc: tuple, root: type | None = None) -> str:
    """The description of the field `loc` names, found by following `loc` through the model's types."""
    candidates: list = [root or model.Plan]
    for part in loc[:-1]:
        candidates = [step for t in _flatten(candidates) for step in _step(t, part)]
    for cls in _flatten(candidates):
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            for name, field in cls.model_fields.items():
                if (field.alias or name) == loc[-1]:
                    return field.description or ""
    return ""


def _flatten(annotations: list) -> list:
    """Annotated, Optional and union types opened up into the types they allow."""
    found: list = []
    pending = list(annotations)
    while pending:
        t = pending.pop(0)
        if isinstance(t, typing.ForwardRef):
            t = getattr(model, t.__forward_arg__, None)
        elif isinstance(t, str):
            t = getattr(model, t, None)
        origin = typing.get_origin(t)
        if origin is typing.Annotated:
            pending.insert(0, typing.get_args(t)[0])
        elif origin in (typing.Union, types.UnionType):
            pending[:0] = list(typing.get_args(t))
        elif t is not None and t is not type(None):
            found.append(t)
    return found


def _step(t: Any, part: Any) -> list:
    """The types found one `loc` step inside `t`."""
    origin = typing.get_origin(t)
    if origin is list and isinstance(part, int):
        return list(typing.get_args(t)[:1])
    if origin is dict and isinstance(part, str):
        return list(typing.get_args(t)[1:2])
    if isinstance(t, type) and issubclass(t, BaseModel):
        if getattr(t, "tag", None) == part:
            return [t]  # the tag of a body block: still the same block
        for name, field in t.model_fields.items():
            if (field.alias or name) == part:
                return [field.annotation]
    if t is str and part == "doan":
        return [t]
    return []


@cache
def _descriptions() -> dict[str, str]:
    """Every YAML key of the plan format with its description."""
    from kehoach.model import decision

    found: dict[str, str] = {}
    for cls in [*vars(model).values(), *vars(decision).values()]:
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__.startswith("kehoach.model."):
            for name, field in cls.model_fields.items():
                found.setdefault(field.alias or name, field.description or "")
    return found


def _known_keys() -> set[str]:
    return set(_descriptions())
