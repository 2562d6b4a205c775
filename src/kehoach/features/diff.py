"""Compare two versions of a plan item by item, in the plan's own terms: "Mục III.3: thêm đơn vị phối hợp: …".

Things are matched by what they are, not by line: units and cited documents by id, bases by the document
they cite, body items by `id`, else by title within the same parent, else by position. Texts are compared
as written (with `[[id]]`), so renumbering a referenced section is not reported as an edit of every
sentence citing it; they are shown as printed. Body items are named by their number in the new plan
(the old number for a removed item).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Callable

from kehoach.errors import InputError, Location
from kehoach.features import words
from kehoach.model.plan import Activity, Bullet, Decision, Duty, Plan, Results, Section
from kehoach.model.outline import number_at
from kehoach.source.plan_file import LoadedPlan
from kehoach.model.references import References, cite_in_text
from kehoach.render.context import citation
from kehoach.conventions.text import short_date

_VERBS = {"them": "thêm", "bo": "bỏ", "sua": "sửa"}
_KINDS = {Section: "mục", Activity: "hoạt động", Duty: "nhiệm vụ"}


@dataclass(frozen=True)
class Change:
    """One change: `kind` them (added), bo (removed) or sua (changed); where; what; old and new value."""

    kind: str
    where: str
    what: str = ""
    old: str | None = None
    new: str | None = None

    def line(self) -> str:
        """One line; an edited text shows its changed words marked, «… năm [-2024-]{+2025+} trên …»
        (kehoach.features.words), a short value both versions whole, «185» → «12»."""
        head = f"{self.where}: {_VERBS[self.kind]}" + (f" {self.what}" if self.what else "")
        if self.kind == "sua":
            if self.old is not None and self.new is not None and not words.is_short(self.old, self.new):
                return f"{head}{':' if self.what else ''} «{words.marked(self.old, self.new)}»"
            return f"{head}{':' if self.what else ''} «{self.old}» → «{self.new}»"
        value = self.new if self.kind == "them" else self.old
        return f"{head}{':' if self.what else ''} {value}"


@dataclass
class DiffResult:
    old: str  # the plans as named on the command line
    new: str
    changes: list[Change]


def diff(old_spec: str, new_spec: str, docx: Path | None = None, template: Path | None = None) -> DiffResult:
    """Read two plans (files or `REV:path`), list their changes; with `docx`, also write the new plan
    with the changes as Word tracked changes."""
    from kehoach.source.gitrev import commit_date, read_plan_at, split_revision
    from kehoach.source.reading import forget_inputs

    forget_inputs()  # a new run: what it reads, --docx must not replace (kehoach.output)

    if docx is not None:
        from kehoach.output import ensure_writable, require_suffix

        if template is not None and not template.exists():
            raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
        ensure_writable(docx, "--docx")  # refuse early, before any work, if the document is open in Word
        require_suffix(docx, (".docx",), "văn bản Word (có đánh dấu thay đổi)", "--docx")
    old, new = read_plan_at(old_spec), read_plan_at(new_spec)
    result = DiffResult(old_spec, new_spec, compare(old, new))
    if docx is not None:
        from kehoach.output import write_atomic
        from kehoach.render import documents
        from kehoach.features.tracked import tracked_bytes

        template = template or documents.template_for(documents.KE_HOACH, new.plan)
        date = commit_date(parts[0]) if (parts := split_revision(new_spec)) else None  # else the run's time
        write_atomic(docx, tracked_bytes(old, new, template, date), "--docx")
    return result


def to_text(result: DiffResult) -> str:
    if not result.changes:
        return "Không có thay đổi."
    return "\n".join([c.line() for c in result.changes] + [f"Có {len(result.changes)} thay đổi."])


def to_json(result: DiffResult) -> str:
    changes = [asdict(c) | {"text": c.line()} for c in result.changes]
    return json.dumps({"old": result.old, "new": result.new, "changes": changes}, ensure_ascii=False, indent=2)


def compare(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    """Every change from `old` to `new`, in the order of the plan file."""
    a, b = old.plan, new.plan
    out: list[Change] = []
    _field(out, "Loại văn bản", "", a.type, b.type)
    for what, get in (("cơ quan chủ quản", lambda p: p.organ.parent), ("tên", lambda p: " ".join(p.organ.name_lines)),
                      ("viết tắt", lambda p: p.organ.abbreviation), ("địa danh", lambda p: p.organ.place)):
        _field(out, "Cơ quan", what, get(a), get(b))
    _field(out, "Số", "", a.number, b.number)
    _field(out, "Ngày", "", a.date and short_date(a.date), b.date and short_date(b.date))
    _field(out, "Năm", "", a.year and str(a.year), b.year and str(b.year))
    _summary(out, a.summary, b.summary)
    for unit_id, unit in a.units.items():  # dict order, never set order: the output is the same on every run
        for what, key in (("tên", "name"), ("tên ngắn", "short_name"), ("viết tắt", "code")):
            if unit_id in b.units:
                _field(out, f"Đơn vị {unit.display_name}", what, getattr(unit, key), getattr(b.units[unit_id], key))
    _documents(out, a, b)
    _list(out, "Căn cứ", "", a.bases, b.bases, key=lambda x: (tuple(x.documents), x.lead, x.text),
          show_old=lambda x: _basis(x, old.refs), show_new=lambda x: _basis(x, new.refs))
    paragraphs = lambda texts: [("đoạn văn", text) for text in texts]  # noqa: E731
    _texts(out, "Mở đầu", paragraphs(a.opening), paragraphs(b.opening), old.refs, new.refs)
    body = _Body(old, new, out)
    body.container(body.old_root, body.new_root)
    _texts(out, "Kết luận", paragraphs(a.closing), paragraphs(b.closing), old.refs, new.refs)
    _recipients(out, "Nơi nhận", a.recipients, b.recipients, old.refs, new.refs)
    _signature(out, "Người ký", a.signature, b.signature)
    # The documents the files hold besides their own (a plan's decision and report): each compared by what its
    # block's model has, in the order of the newer file.
    a_blocks, b_blocks = dict(old.plan.nested()), dict(new.plan.nested())
    for key in dict.fromkeys([*b_blocks, *a_blocks]):
        x, y = a_blocks.get(key), b_blocks.get(key)
        compare = BLOCKS.get(type(y if y is not None else x))
        if compare is not None:
            compare(out, x, y, old, new)
    return out


def _recipients(out: list[Change], where: str, a, b, old_refs: References, new_refs: References) -> None:
    """Nơi nhận, of the plan or of a block that has its own (None: the block has none of its own)."""
    for what, get in (("", lambda r: r.send_to if r else []), ("nơi lưu", lambda r: r.archive if r else [])):
        _list(out, where, what, get(a), get(b), key=str, show_old=old_refs.unit_name, show_new=new_refs.unit_name)


def _signature(out: list[Change], where: str, a, b) -> None:
    """The signer, of the plan or of a block that has its own (None: the plan's signer signs it)."""
    _list(out, where, "dòng thẩm quyền", a.authority if a else [], b.authority if b else [], key=str, show_old=str,
          show_new=str)
    _field(out, where, "chức vụ", a and a.position, b and b.position)
    _field(out, where, "họ tên", a and a.name, b and b.name)


def _issued(document) -> str:
    """«số 512 ngày 12/3/2024», or «bản dự thảo»: how a decision or report block is named when added or removed."""
    if document.number is None or document.date is None:
        return "bản dự thảo"
    return f"số {document.number} ngày {short_date(document.date)}"


def _same_block(out: list[Change], where: str, a, b) -> bool:
    """A decision or results block added or removed is one change (False: nothing more to compare); in both
    versions, its number, date, year and summary are compared here (True: compare the rest)."""
    if a is None or b is None:
        if a is not b:
            out.append(Change("them", where, "", None, _issued(b)) if a is None else Change("bo", where, "", _issued(a)))
        return False
    _field(out, where, "số", a.number and str(a.number), b.number and str(b.number))
    _field(out, where, "ngày", a.date and short_date(a.date), b.date and short_date(b.date))
    _field(out, where, "năm", a.year and str(a.year), b.year and str(b.year))
    _field(out, where, "trích yếu", a.summary, b.summary)
    return True


def _sent_and_signed(out: list[Change], where: str, a, b, old: LoadedPlan, new: LoadedPlan) -> None:
    _recipients(out, f"{where}, nơi nhận", a.recipients, b.recipients, old.refs, new.refs)
    _signature(out, f"{where}, người ký", a.signature, b.signature)


def _decision(out: list[Change], a, b, old: LoadedPlan, new: LoadedPlan) -> None:
    """The Quyết định issuing the plan (quyet_dinh): what it prints besides the plan itself."""
    where = "Quyết định ban hành"
    if not _same_block(out, where, a, b):
        return
    _field(out, where, "thẩm quyền", a.authority, b.authority)
    _list(out, where, "căn cứ", a.bases, b.bases, key=lambda x: (tuple(x.documents), x.lead, x.text),
          show_old=lambda x: _basis(x, old.refs), show_new=lambda x: _basis(x, new.refs))
    _field(out, where, "đơn vị trình", a.proposer and old.refs.unit_name(a.proposer),
           b.proposer and new.refs.unit_name(b.proposer))
    _list(out, where, "người thi hành", a.executors, b.executors, key=str, show_old=old.refs.unit_name,
          show_new=new.refs.unit_name)
    _field(out, where, "hiệu lực", a.effect, b.effect)
    _sent_and_signed(out, where, a, b, old, new)


def _results(out: list[Change], a, b, old: LoadedPlan, new: LoadedPlan) -> None:
    """The results for the Báo cáo (ket_qua): its number and date, each activity's status, result and spending,
    and its paragraphs."""
    from kehoach.model.plan import STATUSES

    where = "Báo cáo kết quả"
    if not _same_block(out, where, a, b):
        return
    titles = {**_activity_titles(old.plan), **_activity_titles(new.plan)}
    for activity_id in [*b.activities, *(i for i in a.activities if i not in b.activities)]:
        o, n = a.activities.get(activity_id), b.activities.get(activity_id)
        place = f"{where}, hoạt động «{titles.get(activity_id, activity_id)}»"
        _field(out, place, "tình trạng", o and STATUSES[o.status], n and STATUSES[n.status])
        _field(out, place, "kết quả", o and o.result, n and n.result)
        _field(out, place, "kinh phí đã chi", o and _amount(o.spent), n and _amount(n.spent))
    paragraphs = lambda texts: [("đoạn văn", text) for text in texts]  # noqa: E731
    for what, get in (("mở đầu", lambda r: r.opening), ("đánh giá chung", lambda r: r.overall),
                      ("tồn tại, hạn chế", lambda r: r.shortcomings), ("kiến nghị", lambda r: r.proposals),
                      ("kết luận", lambda r: r.closing)):
        _texts(out, f"{where}, {what}", paragraphs(get(a)), paragraphs(get(b)), old.refs, new.refs)
    _sent_and_signed(out, where, a, b, old, new)


#: What is compared in each kind of block a file may hold, by the block's model (kehoach.model.blocks).
BLOCKS = {Decision: _decision, Results: _results}


def _activity_titles(plan: Plan) -> dict[str, str]:
    from kehoach.model.outline import walk

    return {node.block.id: node.block.title for node in walk(plan)
            if isinstance(node.block, Activity) and node.block.id}


def _field(out: list[Change], where: str, what: str, old: str | None, new: str | None) -> None:
    if old != new:
        out.append(Change("them" if old is None else "bo" if new is None else "sua", where, what, old, new))


def _summary(out: list[Change], old: str, new: str) -> None:
    old_lines, new_lines = ([line.strip() for line in s.splitlines() if line.strip()] for s in (old, new))
    if old_lines != new_lines:
        # Lines are joined with spaces, as the title reads; " / " only when the line breaks alone moved.
        glue = " / " if " ".join(old_lines) == " ".join(new_lines) else " "
        _field(out, "Trích yếu", "", glue.join(old_lines), glue.join(new_lines))


def _documents(out: list[Change], a: Plan, b: Plan) -> None:
    for doc_id, old in a.documents.items():
        new = b.documents.get(doc_id)
        if new is None:
            continue
        for what, get in (("loại", lambda d: d.type), ("số", lambda d: d.number),
                          ("ngày", lambda d: d.date and short_date(d.date)), ("cơ quan ban hành", lambda d: d.issuer),
                          ("trích yếu", lambda d: d.title)):
            _field(out, f"Văn bản {cite_in_text(old)}", what, get(old), get(new))
    # A document added (or dropped) together with its basis is reported once, as the basis.
    bases = {ref for x in a.bases + b.bases for ref in x.documents}
    for doc_id, doc in b.documents.items():
        if doc_id not in a.documents and doc_id not in bases:
            out.append(Change("them", "Văn bản", "", None, citation(doc)))
    for doc_id, doc in a.documents.items():
        if doc_id not in b.documents and doc_id not in bases:
            out.append(Change("bo", "Văn bản", "", citation(doc), None))


def _amount(value: int | str | None) -> str | None:
    """A budget as printed: «15.000.000 đồng» (the model reads it as a number of đồng)."""
    if value is None or isinstance(value, str):
        return value
    from kehoach.conventions.money import format_amount

    return f"{format_amount(value)} đồng"


def _basis(basis, refs: References) -> str:
    if basis.documents:
        text = "; ".join(citation(refs.plan.documents[ref]) for ref in basis.documents)
        return text if basis.lead == "Căn cứ" else f"{basis.lead} {text}"
    return refs.expand(basis.text or "")


def _list(out: list[Change], where: str, what: str, old: list, new: list, key: Callable[[Any], Any],
          show_old: Callable[[Any], str], show_new: Callable[[Any], str]) -> None:
    """Items added, removed or moved in a list whose items are known by `key` (bases, recipients)."""
    old_keys, new_keys = [key(x) for x in old], [key(x) for x in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for i in range(i1, i2):
            if old_keys[i] not in new_keys:
                out.append(Change("bo", where, what, show_old(old[i]), None))
        for j in range(j1, j2):
            if new_keys[j] in old_keys:  # moved: reported once, where it now stands
                moved = f"vị trí của {show_new(new[j])}" if not what else f"vị trí của {what} {show_new(new[j])}"
                out.append(Change("sua", where, moved, f"thứ {old_keys.index(new_keys[j]) + 1}", f"thứ {j + 1}"))
            else:
                out.append(Change("them", where, what, None, show_new(new[j])))


def _texts(out: list[Change], where: str, old: list[tuple[str, str]], new: list[tuple[str, str]],
           old_refs: References, new_refs: References) -> None:
    """Paragraphs and bullets added, removed or changed; compared as written, shown as printed."""
    old_raw, new_raw = [t for _, t in old], [t for _, t in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_raw, new_raw, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            (_, o), (what, n) = old[i1 + k], new[j1 + k]
            out.append(Change("sua", where, what, old_refs.expand(o), new_refs.expand(n)))
        for what, text in old[i1 + pairs:i2]:
            out.append(Change("bo", where, what, old_refs.expand(text), None))
        for what, text in new[j1 + pairs:j2]:
            out.append(Change("them", where, what, None, new_refs.expand(text)))


@dataclass(eq=False)  # items are told apart by identity: two equal sections are still two sections
class _Item:
    block: Any
    number: str  # "III.2"; "" for the body itself
    parent: _Item | None = None
    children: list[_Item] = field(default_factory=list)  # the numbered blocks inside
    texts: list[tuple[str, str]] = field(default_factory=list)  # ("đoạn văn" or "ý", text as written)

    @property
    def where(self) -> str:
        return f"Mục {self.number}"

    @property
    def key(self) -> tuple:
        """What the item is known by when it has no id: its kind and title (a duty: its unit)."""
        block = self.block
        return (type(block), block.unit if isinstance(block, Duty) else block.title)


def _tree(plan: Plan) -> tuple[_Item, list[_Item]]:
    """The body as numbered items, and all of them in document order."""
    root = _Item(None, "")
    items: list[_Item] = []

    def add(parent: _Item, blocks: list, depth: int) -> None:
        for block in blocks:
            if isinstance(block, (Section, Activity, Duty)):
                number = number_at(depth, len(parent.children))
                item = _Item(block, f"{parent.number}.{number}" if parent.number else number, parent)
                parent.children.append(item)
                items.append(item)
                if not isinstance(block, Activity):
                    add(item, block.content, depth + 1)
            else:
                parent.texts.append(("ý", block.text) if isinstance(block, Bullet) else ("đoạn văn", block))

    add(root, list(plan.body), 1)
    return root, items


class _Body:
    """The body's items matched old ↔ new (by id, then title, then position), then compared pair by pair."""

    def __init__(self, old: LoadedPlan, new: LoadedPlan, out: list[Change]) -> None:
        self.old, self.new, self.out = old, new, out
        self.old_root, old_items = _tree(old.plan)
        self.new_root, new_items = _tree(new.plan)
        self.to_old: dict[_Item, _Item] = {}
        self.to_new: dict[_Item, _Item] = {}
        by_id = {i.block.id: i for i in old_items if i.block.id}
        for item in new_items:
            match = by_id.get(item.block.id) if item.block.id else None
            if match is not None and type(match.block) is type(item.block):
                self._pair(match, item)
        self._pair(self.old_root, self.new_root)
        for item in [self.new_root] + new_items:  # parents before children
            if item in self.to_old and not isinstance(item.block, Activity):
                self._match_children(self.to_old[item], item)

    def _pair(self, old: _Item, new: _Item) -> None:
        self.to_old[new], self.to_new[old] = old, new

    def _match_children(self, old: _Item, new: _Item) -> None:
        def free(o: _Item, n: _Item) -> bool:
            return (o not in self.to_new and n not in self.to_old and type(o.block) is type(n.block)
                    and not (o.block.id and n.block.id and o.block.id != n.block.id))

        for n in new.children:
            match = next((o for o in old.children if free(o, n) and o.key == n.key), None)
            if match is not None:
                self._pair(match, n)
        for o, n in zip(old.children, new.children):
            if free(o, n):
                self._pair(o, n)

    def container(self, old: _Item, new: _Item) -> None:
        if new.number:
            _texts(self.out, new.where, old.texts, new.texts, self.old.refs, self.new.refs)
        # Matched pairs share a token, so the opcodes say which stayed in order, which came and went.
        old_keys = [id(self.to_new.get(o, o)) for o in old.children]
        new_keys = [id(n) for n in new.children]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
            if tag == "equal":
                for o, n in zip(old.children[i1:i2], new.children[j1:j2]):
                    self._item(o, n)
                continue
            for o in old.children[i1:i2]:
                if o not in self.to_new:
                    self.out.append(Change("bo", o.where, _KINDS[type(o.block)], self._title(o, self.old), None))
            for n in new.children[j1:j2]:
                if n not in self.to_old:
                    self.out.append(Change("them", n.where, _KINDS[type(n.block)], None, self._title(n, self.new)))
                else:
                    o = self.to_old[n]
                    if o.where != n.where:  # out of order, yet where it stood: nothing to tell
                        self.out.append(Change("sua", n.where, "vị trí", o.where, n.where))
                    self._item(o, n)

    @staticmethod
    def _title(item: _Item, loaded: LoadedPlan) -> str:
        block = item.block
        if isinstance(block, Duty):
            unit = loaded.plan.units.get(block.unit)
            return loaded.refs.expand(block.title or (unit.name if unit else block.unit))
        return loaded.refs.expand(block.title)

    def _item(self, o: _Item, n: _Item) -> None:
        a, b, where = o.block, n.block, n.where
        old_refs, new_refs = self.old.refs, self.new.refs
        if isinstance(b, Duty):
            if a.unit != b.unit:  # compared as written: a unit's new name is reported once, under the unit
                _field(self.out, where, "đơn vị", old_refs.unit_name(a.unit), new_refs.unit_name(b.unit))
            if a.title != b.title:
                _field(self.out, where, "tiêu đề", self._title(o, self.old), self._title(n, self.new))
        elif a.title != b.title:
            _field(self.out, where, "tiêu đề", old_refs.expand(a.title), new_refs.expand(b.title))
        if isinstance(b, Activity):
            if a.content != b.content:
                _field(self.out, where, "nội dung", a.content and old_refs.expand(a.content),
                       b.content and new_refs.expand(b.content))
            for what, attr in (("đơn vị chủ trì", "lead"), ("đơn vị thực hiện", "implementing"),
                               ("đơn vị phối hợp", "coordinating")):
                _list(self.out, where, what, getattr(a, attr), getattr(b, attr), key=str,
                      show_old=old_refs.unit_name, show_new=new_refs.unit_name)
            _field(self.out, where, "thời gian thực hiện", a.period, b.period)
            _field(self.out, where, "kinh phí", _amount(a.budget), _amount(b.budget))
        else:
            self.container(o, n)
