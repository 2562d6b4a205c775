"""Read a plan file: YAML → `Plan`, with every problem reported in Vietnamese at file:line:column."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kehoach import model
from kehoach.errors import InputError, InputErrors
from kehoach.load import LoadedYaml, load_yaml_file, load_yaml_text
from kehoach.references import References

#: Beyond this many problems the rest are counted, not listed: the first ones are what to fix first.
MAX_REPORTED = 30


@dataclass
class LoadedPlan:
    """A valid plan with what it was read from: positions for later messages, and its references."""

    plan: model.Plan
    source: LoadedYaml
    refs: References


def read_plan(path: Path, display: str | None = None) -> LoadedPlan:
    """Read and validate the plan at `path`; raise `InputErrors` listing every problem found."""
    return _validate(load_yaml_file(path, display))


def read_plan_text(text: str, source: str) -> LoadedPlan:
    return _validate(load_yaml_text(text, source))


def _validate(loaded: LoadedYaml) -> LoadedPlan:
    if loaded.data is None:
        raise InputError("tệp không có nội dung; hãy bắt đầu từ tệp mẫu data/plan_2024.yaml", loaded.where(()))
    if not isinstance(loaded.data, dict):
        raise InputError("tệp kế hoạch phải là một khối «khóa: giá trị» (co_quan:, trich_yeu:, …)",
                         loaded.where(()))
    try:
        plan = model.Plan.model_validate(loaded.data)
    except ValidationError as error:
        raise _report([_translate(e, loaded) for e in error.errors(include_input=False, include_url=False)])
    refs = References(plan)
    problems = refs.check()
    if problems:
        raise _report([InputError(p.message, loaded.where(p.path)) for p in problems])
    return LoadedPlan(plan, loaded, refs)


def _report(errors: list[InputError]) -> InputErrors:
    unique = {(str(e.location), e.message): e for e in errors}.values()
    errors = sorted(unique, key=lambda e: (e.location.line or 0, e.location.column or 0, e.message))
    shown = errors[:MAX_REPORTED]
    if len(errors) > MAX_REPORTED:
        last = shown[-1]
        shown.append(InputError(f"… và {len(errors) - MAX_REPORTED} lỗi khác", last.location))
    return InputErrors(shown)


def _yaml_path(loc: tuple, data: Any) -> tuple[tuple, bool]:
    """The part of a pydantic `loc` that names real places in the YAML, and whether it ends on a key.

    A `loc` also holds the tags of tagged unions and validator names; those are skipped.
    """
    path: list = []
    current = data
    for part in loc:
        if part == "[key]":
            return tuple(path), True
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


def _translate(error: dict, loaded: LoadedYaml) -> InputError:
    kind = error["type"]
    loc = tuple(error["loc"])
    path, on_key = _yaml_path(loc, loaded.data)
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return InputError(_unknown_key(str(last)), loaded.key_where(path))
    where = loaded.key_where(path) if on_key else loaded.where(path)
    if kind == "missing":
        about = _descriptions().get(str(last))
        what = f" ({about})" if about else ""
        return InputError(f"thiếu khóa «{last}»{what}; hãy thêm khóa này", where)
    if kind.startswith("kehoach_"):
        return InputError(error["msg"], where)
    if on_key or kind == "string_pattern_mismatch":
        if last == "so" and not on_key:
            return InputError("số văn bản chỉ ghi phần số (ví dụ 185); ký hiệu KH-UBND do kehoach ghép", where)
        return InputError("mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ phong-ldtbxh", where)
    message = _MESSAGES.get(kind)
    if message is None:
        message = f"giá trị không hợp lệ ({error['msg']})"
    return InputError(message.format(**(error.get("ctx") or {})), where)


_MESSAGES = {
    "string_type": "cần một đoạn chữ ở đây",
    "string_too_short": "không được để trống; hãy ghi nội dung hoặc xóa cả dòng",
    "int_type": "cần một số nguyên ở đây",
    "int_parsing": "cần một số nguyên ở đây",
    "int_from_float": "cần một số nguyên ở đây",
    "list_type": "cần một danh sách (mỗi phần tử một dòng bắt đầu bằng «- »)",
    "dict_type": "cần một khối «khóa: giá trị» ở đây",
    "model_type": "cần một khối «khóa: giá trị» ở đây",
    "model_attributes_type": "cần một khối «khóa: giá trị» ở đây",
    "greater_than_equal": "giá trị phải từ {ge} trở lên",
    "less_than_equal": "giá trị phải từ {le} trở xuống",
    "bool_type": "cần true hoặc false",
    "date_type": "cần một ngày viết dạng ngày/tháng/năm, ví dụ 18/01/2022",
}


def _unknown_key(key: str) -> str:
    message = f"khóa «{key}» không có trong mẫu kế hoạch"
    close = difflib.get_close_matches(key, sorted(_known_keys()), n=1, cutoff=0.6)
    if close:
        return f"{message}; có phải «{close[0]}»?"
    return f"{message}; hãy xóa hoặc sửa tên khóa"


@cache
def _descriptions() -> dict[str, str]:
    """Every YAML key of the plan format with its description."""
    found: dict[str, str] = {}
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == model.__name__:
            for name, field in cls.model_fields.items():
                found.setdefault(field.alias or name, field.description or "")
    return found


def _known_keys() -> set[str]:
    return set(_descriptions())
