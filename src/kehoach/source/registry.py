"""Shared registries: units and cited documents declared once for all the plans of an organ.

A plan names them with `dung_chung:` (one path or a list; a folder means every .yaml file in it), relative
to the plan file. Each registry file holds `don_vi:` and/or `van_ban:` written exactly as in a plan; its
entries are merged into the plan before validation, so correcting a document in the registry corrects
every plan that cites it. The merged entries keep the registry's own positions (`LoadedYaml.parts`), so
every message about them points into the registry file.

An id declared both in the plan and in a registry is an error rather than an override: a plan's own copy
would silently keep an old date after the registry is corrected, which is what the registry is for.
"""

import difflib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path, PureWindowsPath
from typing import Any

from kehoach.model.fields import _Model
from kehoach.model.parts import CitedDocuments, Units
from kehoach.errors import InputError, InputErrors
from kehoach.problems import Location
from kehoach.source.files import CONFIG_NAME, find_config
from kehoach.source.load import MAX_BYTES, LoadedYaml, NodePath, load_yaml_file, load_yaml_text
from kehoach.source.reading import cannot_read

KEY = "dung_chung"
BLOCKS = ("don_vi", "van_ban")
SUFFIXES = (".yaml", ".yml")
MAX_FILES = 100  # an organ keeps a handful; a folder of thousands is a wrong path
MAX_TOTAL_BYTES = 2 * MAX_BYTES  # all registry files of one plan together

_FILE = "file-unreadable"

#: Registry files being edited and not yet saved (an editor's buffers, kehoach.features.lsp): their text by
#: resolved path, read instead of the file on disk, so that a plan is checked against what the clerk sees.
UNSAVED: ContextVar[dict[Path, str]] = ContextVar("unsaved_registries", default={})
_PLAN_KEYS = frozenset({"co_quan", "trich_yeu", "noi_dung", "noi_nhan", "ky"})  # what only a plan has


class Registry(_Model):
    """A registry file on its own (what `kehoach check` sees when it meets one in a folder)."""

    units: Units
    documents: CitedDocuments


def is_registry(data: Any) -> bool:
    """True for the data of a registry file: only don_vi and/or van_ban, nothing a plan also needs."""
    return isinstance(data, dict) and bool(data) and set(data) <= set(BLOCKS)


def merge(loaded: LoadedYaml, plan_path: Path | None = None) -> LoadedYaml:
    """`loaded` with the registries its `dung_chung` names merged in; raise `InputErrors` listing every problem.

    `plan_path` is the plan file (paths are relative to its folder); without it, `loaded.source`.
    """
    data = loaded.data
    if not isinstance(data, dict) or data.get(KEY) is None:
        return loaded
    plan = Path(plan_path if plan_path is not None else loaded.source).resolve()
    root = _root(plan.parent)
    errors: list[InputError] = []
    found: dict[Path, tuple[str, Location]] = {}  # real path -> (display, where the plan names it)
    for node, text in _named(data[KEY]):
        where = loaded.where(node)
        try:
            for real, display in _files(text, where, plan.parent, root, loaded.source):
                found.setdefault(real, (display, where))  # named twice (a folder and a file in it): read once
        except InputError as error:
            errors.append(error)
    if len(found) > MAX_FILES:
        errors.append(InputError(f"dung_chung chỉ ra {len(found)} tệp, quá giới hạn {MAX_FILES} tệp; hãy gộp các"
                                 " khai báo vào ít tệp hơn", loaded.where((KEY,)), _FILE))
        raise InputErrors(errors)
    registries = []
    total = 0
    for real, (display, where) in found.items():
        try:
            total += real.stat().st_size
            if total > MAX_TOTAL_BYTES:
                errors.append(InputError(f"các tệp dùng chung cộng lại quá lớn (hơn {MAX_TOTAL_BYTES // 1024 // 1024}"
                                         " MB); hãy kiểm tra lại đường dẫn trong dung_chung", where, _FILE))
                break
            unsaved = UNSAVED.get().get(real)
            registry = load_yaml_file(real, display, "shared") if unsaved is None else load_yaml_text(unsaved, display)
        except InputError as error:
            errors.extend(getattr(error, "errors", None) or [error])
            continue
        except OSError as error:  # went away since it was found
            errors.append(InputError(f"tệp dùng chung: {cannot_read(display, error)}", where, _FILE))
            continue
        if isinstance(registry.data, dict) and _PLAN_KEYS & set(registry.data):  # one message, not one per key
            errors.append(InputError(f"«{display}» là một tệp kế hoạch, không phải tệp dùng chung (chỉ có don_vi,"
                                     " van_ban); hãy chỉ ra đúng tệp dùng chung", where, _FILE))
            continue
        shape = shape_problems(registry)
        errors.extend(shape)
        if not shape:
            registries.append(registry)
    merged, parts = _combine(loaded, registries, errors)
    if errors:
        raise InputErrors(errors)
    return LoadedYaml(merged, loaded.source, loaded.values, loaded.keys, loaded.text, parts)


def shape_problems(registry: LoadedYaml) -> list[InputError]:
    """What makes a file unusable as a registry: other keys than don_vi/van_ban, blocks that are not blocks."""
    data = registry.data
    if data is None:  # an empty registry declares nothing, harmlessly
        return []
    if not isinstance(data, dict):
        return [InputError("tệp dùng chung phải là một khối «khóa: giá trị» có don_vi: và/hoặc van_ban:",
                           registry.where(()), "schema-type")]
    errors = []
    for key, value in data.items():
        where = registry.key_where((key,))
        if key == KEY:
            errors.append(InputError("tệp dùng chung không được có dung_chung (không lồng tệp trong tệp); hãy ghi"
                                     " mọi tệp dùng chung ngay trong tệp kế hoạch", where, "schema-unknown-key"))
        elif key not in BLOCKS:
            close = difflib.get_close_matches(str(key), BLOCKS, n=1, cutoff=0.6)
            hint = f"có phải «{close[0]}»?" if close else "các khóa khác hãy ghi trong tệp kế hoạch"
            errors.append(InputError(f"khóa «{key}» không dùng trong tệp dùng chung, tệp này chỉ có don_vi và"
                                     f" van_ban; {hint}", where, "schema-unknown-key"))
        elif value is not None and not isinstance(value, dict):
            errors.append(InputError(f"{key} cần một khối «mã: …», mỗi mục một mã viết ở đầu dòng, thụt vào hai"
                                     " dấu cách", registry.where((key,)), "schema-type"))
    return errors


def _named(value: Any) -> Iterator[tuple[NodePath, str]]:
    """The paths `dung_chung` names, with where each is written; values of the wrong kind are left to the model."""
    if isinstance(value, str) and value.strip():
        yield (KEY,), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
                yield (KEY, index), str(item)


def _root(folder: Path) -> Path:
    """The plans' folder tree: where the nearest .kehoach.yaml is, else the plan's own folder."""
    config = find_config(folder)
    return config.parent.resolve() if config is not None else folder


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _display(source: str, relative: str) -> str:
    """A path as the clerk would find it: beside the plan's name as given (ke-hoach/a.yaml → dung-chung/x.yaml)."""
    return os.path.normpath(os.path.join(os.path.dirname(source), relative))


def _is_absolute(text: str) -> bool:
    return text.startswith(("/", "\\", "~")) or bool(PureWindowsPath(text).drive)


def _files(text: str, where: Location, folder: Path, root: Path, source: str) -> list[tuple[Path, str]]:
    """The registry files one `dung_chung` path names (real path, display), confined to `root`."""

    def refuse(message: str) -> InputError:
        return InputError(message, where, _FILE)

    text = text.strip()
    tree = f"thư mục các kế hoạch «{_display(source, os.path.relpath(root, folder))}»"
    if _is_absolute(text):
        raise refuse(f"«{text}» là đường dẫn tuyệt đối; hãy ghi đường dẫn tính từ thư mục của kế hoạch, ví dụ"
                     " ../dung-chung/van-ban.yaml")
    joined = folder / text
    if not _inside(Path(os.path.normpath(joined)), root):
        hint = "" if (root / CONFIG_NAME).is_file() else (
            f"; chưa có tệp {CONFIG_NAME} nên thư mục này là thư mục của kế hoạch: muốn dùng chung cho nhiều thư mục"
            f" thì đặt tệp {CONFIG_NAME} ở thư mục chung của chúng")
        raise refuse(f"«{text}» ra ngoài {tree}; tệp dùng chung phải nằm trong thư mục này{hint}")
    if "\x00" in text:
        raise refuse("đường dẫn dung_chung có ký tự NUL (\\0), không hệ thống tệp nào chứa được; hãy viết lại đường"
                     " dẫn này")
    display = _display(source, text)
    try:
        real = joined.resolve()
        exists, is_dir = real.exists(), real.is_dir()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long
        exists = is_dir = False
    if not exists:
        raise refuse(f"không tìm thấy tệp dùng chung «{text}» (đã tìm «{display}»); hãy kiểm tra lại đường dẫn, tính"
                     " từ thư mục của kế hoạch")
    if not _inside(real, root):
        raise refuse(f"«{text}» là liên kết (symlink) trỏ ra ngoài {tree}; hãy chép tệp thật vào trong thư mục"
                     " này thay cho liên kết")
    if not is_dir:
        return [(real, display)]
    try:
        names = sorted(entry.name for entry in os.scandir(real)
                       if entry.name.endswith(SUFFIXES) and not entry.name.startswith(".") and entry.is_file())
    except OSError as error:
        raise refuse(cannot_read(text, error, "thư mục")) from None
    if not names:
        raise refuse(f"thư mục «{text}» không có tệp .yaml nào; hãy kiểm tra lại đường dẫn")
    files = []
    for name in names:
        inner = (real / name).resolve()
        if not _inside(inner, root):
            raise refuse(f"tệp «{name}» trong thư mục «{text}» là liên kết (symlink) trỏ ra ngoài {tree}; hãy chép"
                         " tệp thật vào thay cho liên kết")
        files.append((inner, os.path.join(display, name)))
    return files


def _combine(loaded: LoadedYaml, registries: list[LoadedYaml],
             errors: list[InputError]) -> tuple[dict, dict[NodePath, LoadedYaml]]:
    """The plan's data with the registries' entries first, then its own; ids declared twice go to `errors`."""
    merged = dict(loaded.data)
    parts: dict[NodePath, LoadedYaml] = {}
    for block in BLOCKS:
        own = merged.get(block)
        if own is not None and not isinstance(own, dict):
            continue  # the model reports the plan's own value
        combined: dict[str, Any] = {}
        for registry in registries:
            for entry_id, value in ((registry.data or {}).get(block) or {}).items():
                first = parts.get((block, entry_id))
                if first is not None:
                    errors.append(InputError(
                        f"mã «{entry_id}» đã khai báo trong tệp dùng chung {_named_at(first, block, entry_id)};"
                        " hãy xóa một trong hai khai báo", registry.key_where((block, entry_id)), "id-duplicate"))
                    continue
                parts[(block, entry_id)] = registry
                combined[entry_id] = value
        if not combined:
            continue
        for entry_id, value in (own or {}).items():
            first = parts.get((block, entry_id))
            if first is not None:
                errors.append(InputError(
                    f"mã «{entry_id}» đã khai báo trong tệp dùng chung {_named_at(first, block, entry_id)}; hãy xóa"
                    " khai báo này hoặc khai báo trong tệp dùng chung (muốn dùng nội dung khác thì đặt mã khác)",
                    loaded.key_where((block, entry_id)), "id-duplicate"))
                continue
            combined[entry_id] = value
        merged[block] = combined
    return merged, parts


def _named_at(registry: LoadedYaml, block: str, entry_id: str) -> str:
    where = registry.key_where((block, entry_id))
    return f"«{where.file}» (dòng {where.line})"
