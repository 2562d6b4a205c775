"""Layout profiles: the numbers of a document's layout (Nghị định 30, Hướng dẫn 36), read from data files.

    from kehoach import profiles
    layout = profiles.load("nd30")
    layout.sizes.body.value          # Pt(14.0)
    layout.page.margin_left.clause   # "I.3: lề trái 30–35 mm"

A profile is `data/profiles/<id>.yaml`, read once per process into the named tuples of `profile`. Adding a
layout is adding a file there (and its templates, `templates/<id>/`): no Python.
"""

from __future__ import annotations

import functools
import types
import typing
from pathlib import Path

from typing import TYPE_CHECKING

from kehoach.errors import ProfileError

if TYPE_CHECKING:
    from kehoach.profiles.profile import Profile, Setting

DEFAULT = "nd30"
FOLDER = Path(__file__).resolve().parent.parent / "data" / "profiles"

__all__ = ["DEFAULT", "Profile", "ProfileError", "Setting", "available", "choose", "load", "of", "text"]

#: How the name of a Party organ begins. Every document a Party organ issues follows Hướng dẫn 36 (its scope), so
#: a document of such an organ takes the hd36 layout without being told; `the_thuc:` says otherwise when needed.
PARTY_ORGANS = ("ĐẢNG ỦY", "ĐẢNG BỘ", "CHI BỘ", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "THÀNH ỦY", "TỈNH ỦY",
                "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH ĐẢNG BỘ", "ỦY BAN KIỂM TRA", "BAN TUYÊN GIÁO", "BAN TỔ CHỨC",
                "VĂN PHÒNG HUYỆN ỦY", "VĂN PHÒNG TỈNH ỦY", "VĂN PHÒNG ĐẢNG ỦY")


def choose(asked: str | None, organ_lines: list[str]) -> str:
    """The profile id of a document: the one it asks for (`the_thuc`), else hd36 for a Party organ, else nd30."""
    if asked:
        return asked
    name = " ".join(" ".join(organ_lines).upper().replace("UỶ", "ỦY").split())
    return "hd36" if name.startswith(PARTY_ORGANS) else DEFAULT


def of(document) -> Profile:
    """The layout profile of a document of the model (its `the_thuc`, or its organ's kind)."""
    organ = document.organ
    return load(choose(getattr(document, "layout", None), list(organ.name_lines)))


def available() -> list[str]:
    """The ids of the shipped profiles."""
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


@functools.cache
def load(profile_id: str = DEFAULT) -> Profile:
    """The profile `profile_id` (nd30, hd36), read from its data file once per process."""
    from kehoach.profiles.profile import Profile

    path = FOLDER / f"{profile_id}.yaml"
    data = _data(profile_id)
    try:
        profile = _build(Profile, data, profile_id)
    except ProfileError as error:  # a UnitError is a ProfileError
        raise ProfileError(f"{path.name}: {error.message}") from None
    except (TypeError, ValueError) as error:  # Python's own words, kept after ours for the developer
        raise ProfileError(f"{path.name}: có giá trị không đọc được ({type(error).__name__}: {error})") from None
    if profile.id != profile_id:
        raise ProfileError(f"{path.name}: mã «{profile.id}» khác tên tệp")
    return profile


def text(profile_id: str, *names: str) -> str | tuple[str, ...]:
    """A text of the profile (`text("nd30", "cite")`) or the value of one of its text settings (`text("nd30",
    "signing", "authority")` → ("TM.", "KT.", …)), read from its file without building the profile.

    What a check of a YAML plan needs of its layout is a few words (the signing authority's abbreviations, how a
    message names the text), none of its numbers: building the whole typed profile (the module of its types and
    some hundred settings) cost that check about 4 ms. The same values as `load(profile_id)`'s:
    tests/test_profiles.py compares them for every text of every profile. Only for texts: a number is typed by
    its unit in `load` alone (here «210 mm» would come back as written)."""
    value = _data(profile_id)
    for name in names:
        value = value.get(name) if isinstance(value, dict) else None
    if isinstance(value, dict):  # a setting: {value: …, clause: …}
        value = value.get("value")
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ProfileError(f"{profile_id}.yaml: {'.'.join(names)} không phải chữ")


def _data(profile_id: str) -> dict:
    """The data file of the profile `profile_id`, parsed once per process (never changed: `load` and `text` read it)."""
    return _parsed(FOLDER / f"{profile_id}.yaml")


@functools.cache
def _parsed(path: Path) -> dict:
    import yaml

    profile_id = path.stem
    if not path.is_file():
        raise ProfileError(f"không có thể thức «{profile_id}»; các thể thức có: {', '.join(available())}")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict):
        raise ProfileError(f"{path.name}: cần một khối «khóa: giá trị»")
    return data


def _build(cls, data, where: str):
    """An instance of the named tuple `cls` from the mapping `data`; `where` names the place for messages."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: cần một khối «khóa: giá trị»")
    hints = _hints(cls)
    unknown = set(data) - set(cls._fields)
    if unknown:
        raise ProfileError(f"{where}: khóa không dùng: {', '.join(sorted(unknown))}")
    values = {}
    for name in cls._fields:
        if name not in data:
            if name not in cls._field_defaults:
                raise ProfileError(f"{where}: thiếu khóa «{name}»")
            continue
        values[name] = _value(_optional(hints[name]), data[name], f"{where}.{name}")
    return cls(**values)


def _hints(cls) -> dict:
    """The field types of the named tuple `cls`: its annotations as written, evaluated already (profile.py has no
    `from __future__ import annotations`); typing.get_type_hints, which walks and re-evaluates each of them (about
    a millisecond for the profile's groups, on every render), only where one is a string."""
    hints = cls.__annotations__
    if any(isinstance(hint, str) for hint in hints.values()):
        return typing.get_type_hints(cls)
    return hints


def _optional(hint):
    """`X | None` → X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return inner
    return hint


def __getattr__(name: str):
    """`Profile` and `Setting` are imported when first asked for: reading a plan's `the_thuc` needs neither."""
    if name in ("Profile", "Setting"):
        from kehoach.profiles import profile

        return getattr(profile, name)
    raise AttributeError(name)


def _value(hint, raw, where: str):
    from kehoach.profiles.profile import Setting

    if typing.get_origin(hint) is Setting:
        return _setting(typing.get_args(hint)[0], raw, where)
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):  # a group of the profile
        return _build(hint, raw, where)
    if hint is str:
        return str(raw)
    raise ProfileError(f"{where}: không có cách đọc kiểu {hint}")


def _setting(unit, raw, where: str) -> Setting:
    from kehoach.profiles.profile import Setting

    if not isinstance(raw, dict) or "value" not in raw or "clause" not in raw:
        raise ProfileError(f"{where}: cần dạng {{value: …, clause: …}}")
    unknown = set(raw) - {"value", "allowed", "clause", "why", "look"}
    if unknown:
        raise ProfileError(f"{where}: khóa không dùng: {', '.join(sorted(unknown))}")
    value = _quantity(unit, raw["value"])
    low = high = value
    if "allowed" in raw:
        low, high = (_quantity(unit, bound) for bound in raw["allowed"])
        if not low <= value <= high:
            raise ProfileError(f"{where}: {raw['value']} nằm ngoài khoảng cho phép {raw['allowed']}")
    look = str(raw.get("look", ""))
    if set(look.split()) - _LOOKS:
        raise ProfileError(f"{where}: look «{look}»: chỉ dùng các từ {', '.join(sorted(_LOOKS))}")
    return Setting(value, str(raw["clause"]), low, high, str(raw.get("why", "")), look)


_LOOKS = {"bold", "regular", "italic", "upright", "caps", "underline"}


def _quantity(unit, raw):
    """`raw` as a value of `unit`: a typed quantity, a text, an integer, or a tuple of them."""
    if typing.get_origin(unit) is tuple:
        item = _optional(typing.get_args(unit)[0])
        return tuple(None if part is None else _quantity(item, part) for part in raw)
    if hasattr(unit, "parse"):
        return unit.parse(str(raw))
    if unit is int and isinstance(raw, int):
        return raw
    if unit is str:
        return str(raw)
    raise ProfileError(f"«{raw}» không đọc được thành {unit.__name__}")
