"""`kehoach new`: next year's plan, drafted from this year's.

What the plan itself says about its year ("… năm 2024", "Quý III năm 2024") moves to the new year, and
"năm 2023 chuyển nguồn sang thực hiện năm 2024" to "năm 2024 … năm 2025"; a span ("giai đoạn
2021-2025") and what other documents say (their titles) stay as they are. Number and date are removed:
the new plan is a draft of the new year (`nam`). What only the clerk can redo — a basis that is a document
of last year, a section whose text cites one, the Quyết định issuing the plan and the results for its Báo
cáo (drafts again, without number and date) — is carried over with an `xem_lai` mark saying why, which
`kehoach check` reports (rule review-needed) until the clerk deletes it. Everything else, comments and
key order included, is carried over as it was written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, OutputError
from kehoach.problems import Location
from kehoach.kinds import catalog
from kehoach.model.plan import Activity, Basis, Bullet, CitedDocument, Duty, Section
from kehoach.model.outline import walk
from kehoach.model.references import INLINE_REF, cite_in_text, split_ref
from kehoach.kinds.sentences import render_sentence
from kehoach.rules import review_needed

# "năm 2024" as typed (also with a decomposed ă), but not the start of a span "năm 2021-2025".
_YEAR = re.compile(r"\b(n(?:ă|a\u0306)m\s+)([0-9]{4})(?![0-9])(?!\s*[-–]\s*[0-9])", re.IGNORECASE)
_MODELINE = re.compile(r"\A(# yaml-language-server: \$schema=)(\S+)")


@dataclass(frozen=True)
class NewPlan:
    """What `kehoach new` wrote: the file, its year, and the lines the clerk must look at."""

    output: Path
    year: int
    checklist: list[str]


def default_output(path: Path, old: int, year: int) -> Path:
    """plan_2024.yaml → plan_2025.yaml beside it; a name without the year gets "-2025"."""
    if str(old) in path.name:
        return path.with_name(path.name.replace(str(old), str(year)))
    return path.with_name(f"{path.stem}-{year}{path.suffix}")


def create(path: Path, year: int | None = None, output: Path | None = None, force: bool = False) -> NewPlan:
    """Write next year's plan beside `path` (or to `output`); never over an existing file unless `force`."""
    from kehoach.output import require_suffix, write_atomic
    from kehoach.source import newlines
    from kehoach.source.plan_file import read_plan
    from kehoach.source.reading import forget_inputs

    forget_inputs()  # a new run: what it reads, its output must not replace (kehoach.output)

    loaded = read_plan(path, str(path))
    old = _year_of(loaded, path)
    year = year if year is not None else old + 1
    _check_year(old, year, path)
    if output is not None:
        require_suffix(output, (".yaml", ".yml"), "tệp kế hoạch YAML")
    output = output or default_output(path, old, year)
    if output.resolve() == path.resolve():
        raise InputError("tệp ra trùng với tệp kế hoạch đang có; hãy chọn tên khác bằng -o", Location(str(output)))
    if output.exists() and not force:
        raise OutputError(f"đã có tệp «{output}»; kehoach không ghi đè. Hãy chọn tên khác bằng -o, hoặc chạy lại với"
                          " --force để ghi đè", Location(str(output)))
    text, checklist = _roll(loaded, path, year, output)
    # The new plan ends its lines as last year's file does (CRLF from a Windows editor stays CRLF).
    write_atomic(output, newlines.with_ending(text, newlines.line_ending(loaded.source.text)).encode("utf-8"),
                 kind="yaml")
    return NewPlan(output, year, checklist)


def next_year(path: Path, year: int, output: Path | None = None) -> tuple[str, list[str]]:
    """The text of next year's plan and its checklist (`<file>:<line>: <what to check>`, lines of the new file)."""
    from kehoach.source.plan_file import read_plan

    loaded = read_plan(path, str(path))
    old = _year_of(loaded, path)
    return _roll(loaded, path, year, output or default_output(path, old, year))


def _year_of(loaded: Any, path: Path) -> int:
    plan = loaded.plan
    old = plan.date.year if plan.date is not None else plan.year
    if old is None:
        raise InputError("kế hoạch chưa có ngày (ngay) hay năm (nam) nên không biết đây là kế hoạch năm nào; hãy"
                         " thêm dòng «nam: …» rồi chạy lại", Location(str(path)))
    return old


def _check_year(old: int, year: int, path: Path) -> None:
    if not old < year <= 2100:  # 2100: the last year the model accepts in `nam`
        raise InputError(f"năm của kế hoạch mới ({year}) phải sau năm của kế hoạch này ({old}); hãy sửa --year",
                         Location(str(path)))


def _roll(loaded: Any, path: Path, year: int, output: Path) -> tuple[str, list[str]]:
    from kehoach.source import newlines, yaml_roundtrip as rt
    from kehoach.source.load import load_yaml_text
    from kehoach.source.plan_file import validate

    plan, old = loaded.plan, _year_of(loaded, path)
    _check_year(old, year, path)
    source = newlines.to_lf(loaded.source.text)  # a CRLF file is worked on as LF (kehoach.source.newlines)
    tree = rt.parse(source, str(path))
    for where in _own_texts(plan, loaded.source.data):
        _move_years(tree, where, old, year)
    reviews = _reviews(plan, old, year)
    _make_draft(tree, year)
    _follow_registries(tree, path, output)
    # The documents made from blocks of the file (a plan's decision and report) are last year's: drafts again.
    for key, _ in plan.nested():
        if key in tree and catalog.derived(key):
            _make_draft(tree[key], year)
    for where, (cls, reasons) in reviews.items():
        _mark(tree, where, cls, "; ".join(reasons))
    text = _modeline(rt.dump(tree), path, output)
    new = load_yaml_text(text, str(output))
    try:
        validate(new)
    except InputError as error:
        if "dung_chung" in tree and output.resolve().parent != path.resolve().parent:
            # The shared files cannot be reached from the new plan's folder (outside the plans' tree).
            raise InputError(f"kế hoạch mới ở thư mục «{output.parent}» không dùng được tệp dùng chung của kế hoạch"
                             f" cũ: {error}. Hãy ghi kế hoạch mới vào một thư mục trong cùng cây thư mục các kế hoạch"
                             " (có tệp .kehoach.yaml ở thư mục chung)", Location(str(output))) from None
        # The old plan was valid: a new one that is not is kehoach's fault.
        raise RuntimeError(f"kế hoạch mới không đọc lại được ({error})") from None
    if rt.comments(text) != rt.comments(_modeline(source, path, output)):
        raise RuntimeError(f"{path}: kế hoạch mới sẽ mất chú thích (#) của kế hoạch cũ")
    checklist = sorted(((new.key_where(where + ("xem_lai",)).line or 0, "; ".join(reasons))
                        for where, (_, reasons) in reviews.items()))
    return text, [f"{output}:{line}: {reason}" for line, reason in checklist]


# -- the plan's own text -----------------------------------------------------------------------------


def _own_texts(plan: Any, data: dict) -> Iterator[tuple]:
    """The paths of the texts the plan says itself: summary, opening, body, closing (not its citations)."""
    yield ("trich_yeu",)
    for key in ("mo_dau", "ket_luan"):
        if isinstance(data.get(key), list):
            yield from ((key, i) for i in range(len(data[key])))
        elif key in data:
            yield (key,)
    for node in walk(plan):
        block = node.block
        if isinstance(block, str):
            yield node.path
        elif isinstance(block, Bullet):
            yield node.path + ("gach",)
        elif isinstance(block, Section):
            yield node.path + ("muc",)
        elif isinstance(block, Activity):
            for key, value in (("hoat_dong", block.title), ("noi_dung", block.content), ("thoi_gian", block.period),
                               ("kinh_phi", block.budget)):
                if value is not None:
                    yield node.path + (key,)
        elif isinstance(block, Duty) and block.title:
            yield node.path + ("tieu_de",)


def _at(tree: Any, path: tuple) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def _move_years(tree: Any, where: tuple, old: int, year: int) -> None:
    from kehoach.source import yaml_roundtrip as rt

    container, key = _at(tree, where[:-1]), where[-1]
    value = container[key]
    if not isinstance(value, str):
        return
    shift = year - old

    def moved(match: re.Match) -> str:
        found = int(match.group(2))
        return match.group(1) + str(found + shift) if found in (old, old - 1) else match.group(0)

    text = _YEAR.sub(moved, str(value))
    if text != value:
        rt.put(container, key, rt.with_text(value, text))


def _mentions(text: str | None, year: int) -> bool:
    return bool(text) and any(int(m.group(2)) == year for m in _YEAR.finditer(text))


# -- what the clerk must look at -----------------------------------------------------------------------


def _reviews(plan: Any, old: int, year: int) -> dict[tuple, tuple[type, list[str]]]:
    """Where an `xem_lai` goes (the path of a block), the block's model class, and why."""
    stale = {doc_id: doc for doc_id, doc in plan.documents.items()
             if (doc.date is not None and doc.date.year in (old, old - 1)) or _mentions(doc.title, old)}
    found: dict[tuple, tuple[type, list[str]]] = {}

    def add(where: tuple, cls: type, reason: str) -> None:
        reasons = found.setdefault(where, (cls, []))[1]
        if reason not in reasons:
            reasons.append(reason)

    # Marks the clerk has not dealt with yet stay, and stay on the checklist.
    for where, block in review_needed.marked(plan):
        add(where, type(block), block.review)

    for key, block in plan.nested():  # what the kind's data asks of each document made from a block
        for made in catalog.derived(key):
            add((key,), type(block), render_sentence(made.next_year, {"nam_cu": old, "nam_moi": year}).strip())

    for index, basis in enumerate(plan.bases):
        old_ids = [ref for ref in basis.documents if ref in stale]
        if old_ids:
            add(("can_cu", index), Basis, f"căn cứ của năm {old} ({cite_in_text(stale[old_ids[0]])}): thay bằng"
                f" văn bản của năm {year} nếu có")
        elif basis.text and _mentions(basis.text, old):
            add(("can_cu", index), Basis, f"căn cứ của năm {old}: thay bằng văn bản của năm {year} nếu có")
    for holder, cls, text in _citing_texts(plan):
        for written in INLINE_REF.findall(text):
            ref = split_ref(written)[0]
            if ref in stale:
                reason = (f"đoạn văn dẫn chiếu văn bản của năm {old} ({cite_in_text(stale[ref])}): thay bằng văn bản"
                          f" của năm {year} nếu có")
                add(holder or ("van_ban", ref), cls or CitedDocument, reason)
    return found


def _citing_texts(plan: Any) -> Iterator[tuple[tuple | None, type | None, str]]:
    """Each text that may cite a document, with the block that can carry its mark (None: the document)."""
    for text in [*plan.opening, *plan.closing]:
        yield None, None, text
    for node in walk(plan):
        block = node.block
        if isinstance(block, (str, Bullet)):  # a paragraph cannot carry a key: its section or duty does
            parent = node.path[:-2]  # (…, "noi_dung", index): the block whose content this is
            yield parent, type(_block_at(plan, parent)), block if isinstance(block, str) else block.text
        elif isinstance(block, Activity):
            yield node.path, Activity, " ".join(str(t) for t in (block.title, block.content, block.period, block.budget) if t)
        elif isinstance(block, (Section, Duty)):
            yield node.path, type(block), block.title or ""


def _block_at(plan: Any, path: tuple) -> Any:
    """The section or duty at a body path ("noi_dung", 3, "noi_dung", 0, …)."""
    block = plan.body[path[1]]
    for part in path[3::2]:
        block = block.content[part]
    return block


def _follow_registries(tree: Any, path: Path, output: Path) -> None:
    """`dung_chung` paths are relative to the plan's folder: the new plan in another folder gets them
    rewritten from there, so that it reads the same shared files."""
    entries = tree.get("dung_chung")
    old, new = path.resolve().parent, output.resolve().parent
    if entries is None or old == new:
        return

    def moved(entry: str) -> str:
        if Path(entry).is_absolute():
            return entry  # refused when read, as before
        return Path(os.path.relpath(old / entry, new)).as_posix()

    if isinstance(entries, str):
        tree["dung_chung"] = moved(entries)
    else:
        for index, entry in enumerate(entries):
            entries[index] = moved(entry)


def _make_draft(tree: Any, year: int) -> None:
    """No number, no date: a draft of `year`, where `so` and `ngay` stood; their comments stay there."""
    from kehoach.source import yaml_roundtrip as rt

    keys = list(tree)
    gone = [k for k in ("so", "ngay") if k in tree]
    if "nam" in tree:
        tree["nam"] = year
    else:
        anchor = [k for k in ("so", "ngay") if k in tree] or [k for k in keys if k in ("trich_yeu",)]
        tree.insert(keys.index(anchor[0]) if anchor else len(keys), "nam", year)
    kept = ""
    for key in gone:
        trail = rt.trailing(tree, key)
        kept += (trail.eol + "\n" if trail.eol else "") + trail.after
        before = (tree.ca.items.pop(key, None) or [None, None])[1]  # lines ruamel keeps before the key
        if before:
            slots = tree.ca.items.setdefault("nam", [None, None, None, None])
            slots[1] = (slots[1] or []) + before
        del tree[key]
    if kept:
        trail = rt.trailing(tree, "nam")
        trail.after += kept
        rt.set_trailing(tree, "nam", trail)


def _mark(tree: Any, where: tuple, cls: type, reason: str) -> None:
    """Put `xem_lai: reason` into the block at `where`, at its place in the model's order of keys."""
    from kehoach.source import yaml_roundtrip as rt
    from kehoach.features.fmt import fields_of

    block = _at(tree, where)
    if "xem_lai" in block:  # a mark left from before: it now says both
        rt.put(block, "xem_lai", rt.one_line(reason))
        return
    order = list(fields_of(cls))
    rank = order.index("xem_lai")
    keys = list(block)
    position = next((i for i, k in enumerate(keys) if k in order and order.index(k) > rank), len(keys))
    # One line however long, so that deleting the line "xem_lai: …" deletes the whole mark.
    block.insert(position, "xem_lai", rt.one_line(reason))
    if position:  # the lines that stood before the next key (or after the block) stay there
        previous = keys[position - 1]
        trail = rt.trailing(block, previous)
        if trail.after:
            rt.set_trailing(block, "xem_lai", rt.Trailing(after=trail.after))
            rt.set_trailing(block, previous, rt.Trailing(trail.eol, trail.column))


def _modeline(text: str, path: Path, output: Path) -> str:
    """The editor's schema line points at the same schema file from where the new plan is."""
    match = _MODELINE.match(text)
    if not match or "://" in match.group(2) or os.path.isabs(match.group(2)):
        return text
    schema = (path.parent / match.group(2)).resolve()
    relative = os.path.relpath(schema, output.resolve().parent).replace(os.sep, "/")
    return match.group(1) + relative + text[match.end():]
