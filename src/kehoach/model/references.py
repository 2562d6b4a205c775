"""Ids and references: units, cited documents and sections referred to by id, checked and expanded.

A reference inside text is written `[[id]]`: a section's id gives its current number (III, 2, b), a
cited document's id gives "Quyết định số 4438/QĐ-UBND ngày 14/12/2023" (`[[id|day-du]]`: with its issuer
and title), a unit's id gives its name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from kehoach.model.plan import Activity, Bullet, CitedDocument, Duty, Plan, Section, is_id
from kehoach.model.outline import Path, max_depth, walk
from kehoach.conventions import citations
from kehoach.problems import Problem

INLINE_REF = re.compile(r"\[\[\s*([^\[\]]*?)\s*\]\]")


#: The rule of a reference that points nowhere (or asks for a form that does not exist).
UNDEFINED = "ref-undefined"


def cite_in_text(doc: CitedDocument) -> str:
    """A later mention of a cited document: type, number and date (ND30 Phụ lục I, II.6.b)."""
    return citations.cite(doc, citations.SHORT)


def _too_deep(plan) -> str:
    """The message for a numbered block below the scheme's last level."""
    scheme = getattr(plan, "numbering", None)
    if not scheme:
        return "mục lồng quá ba cấp (I., 1., a)); hãy chuyển nội dung này thành đoạn văn hoặc ý gạch đầu dòng"
    levels = ", ".join(scheme)
    return (f"mục lồng quá {len(scheme)} cấp ({levels}); hãy chuyển nội dung này thành đoạn văn hoặc ý gạch đầu"
            " dòng, hoặc thêm một cấp vào danh_so")


def split_ref(written: str) -> tuple[str, str | None]:
    """`qd-90|day-du` → ("qd-90", "day-du"): the id, and the form asked for (None: the default, short)."""
    ref, bar, form = written.partition("|")
    return ref.strip(), form.strip() if bar else None


def _bad_form(ref: str, form: str, is_document: bool) -> str:
    if not is_document:
        return f"[[{ref}|{form}]]: chỉ văn bản mới chọn được cách ghi; hãy viết [[{ref}]]"
    return (f"[[{ref}|{form}]]: cách ghi «{form}» không có; hãy viết [[{ref}]] (loại, số, ngày) hoặc"
            f" [[{ref}|{citations.FULL}]] (thêm cơ quan ban hành và trích yếu)")


class References:
    """Everything the plan's text can refer to by id, and the problems found while indexing it."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self.section_numbers: dict[str, str] = {}
        self._index()

    # -- indexing -------------------------------------------------------------------------------

    def _index(self) -> None:
        seen: dict[str, Path] = {}
        for unit_id in self.plan.units:
            seen[unit_id] = ("don_vi", unit_id)
        for doc_id in self.plan.documents:
            if doc_id in seen:
                self._problem(("van_ban", doc_id), f"mã «{doc_id}» đã dùng cho một đơn vị; hãy đặt mã khác",
                              seen[doc_id], "id-duplicate")
            seen[doc_id] = ("van_ban", doc_id)
        deepest = max_depth(self.plan)
        for node in walk(self.plan):
            block = node.block
            if node.number is not None and node.depth > deepest:
                self._problem(node.path, _too_deep(self.plan), rule="structure-depth")
            block_id = getattr(block, "id", None)
            if block_id is None:
                continue
            if block_id in seen:
                self._problem(node.path + ("id",), f"mã «{block_id}» đã được dùng; mỗi mục, đơn vị, văn bản cần"
                              " một mã riêng, hãy đặt mã khác", seen[block_id], "id-duplicate")
                continue
            seen[block_id] = node.path + ("id",)
            self.section_numbers[block_id] = node.number or ""
        self._all_ids = seen

    def _problem(self, path: Path, message: str, first: Path | None = None, rule: str = "id-duplicate") -> None:
        self.problems.append(Problem(message, path, first=first, rule=rule))

    # -- lookups --------------------------------------------------------------------------------

    def unit_name(self, ref: str) -> str:
        """The name printed for a unit reference (its short name), or the free text itself."""
        unit = self.plan.units.get(ref)
        return unit.display_name if unit else ref

    def expand(self, text: str) -> str:
        """`text` with each `[[id]]` replaced by what it refers to now."""
        return INLINE_REF.sub(lambda m: self._inline(m.group(1)), text)

    def _inline(self, written: str) -> str:
        ref, form = split_ref(written)
        if ref in self.section_numbers:
            return self.section_numbers[ref]
        if ref in self.plan.documents:
            return citations.cite(self.plan.documents[ref], form or citations.SHORT)
        if ref in self.plan.units:
            return self.plan.units[ref].display_name
        raise KeyError(ref)  # check() reports these before anything is rendered

    # -- checking -------------------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Every dangling reference, duplicate id or too-deep section, in file order."""
        problems = list(self.problems)
        for path, ref, kind in self._unit_refs():
            if is_id(ref) and ref not in self.plan.units:
                problems.append(Problem(self._unknown(ref, self.plan.units, "đơn vị", "don_vi"), path, rule=UNDEFINED))
        for unit_id, unit in self.plan.units.items():
            for i, ref in enumerate(unit.members_of):
                if ref not in self.plan.units:
                    problems.append(Problem(self._unknown(ref, self.plan.units, "đơn vị", "don_vi"),
                                            ("don_vi", unit_id, "thuoc", i), rule=UNDEFINED))
        problems += self._basis_documents(("can_cu",), self.plan.bases)
        for path, text in self._texts():
            for match in INLINE_REF.finditer(text):
                ref, form = split_ref(match.group(1))
                if ref not in self._all_ids:
                    problems.append(Problem(self._unknown(ref, self._all_ids, "mục, văn bản hay đơn vị", None, inline=True),
                                            path, rule=UNDEFINED, snippet=match.group(0)))
                elif form is not None and (form not in citations.FORMS or ref not in self.plan.documents):
                    problems.append(Problem(_bad_form(ref, form, ref in self.plan.documents), path, rule=UNDEFINED,
                                            snippet=match.group(0)))
        problems += self._other_documents()
        return problems

    # -- what the document's own fields and the documents it holds refer to (each block lists its own) ------

    def _other_documents(self) -> list[Problem]:
        """The nested documents' bases and the activity ids they report on."""
        problems = []
        activities = [b.id for node in walk(self.plan) if isinstance(b := node.block, Activity) and b.id]
        for key, block in self.plan.nested():
            for path, doc_id in block.document_refs():
                if doc_id not in self.plan.documents:
                    problems.append(Problem(self._unknown(doc_id, self.plan.documents, "văn bản", "van_ban"),
                                            (key, *path), rule=UNDEFINED))
            for path, ref in block.activity_refs():
                if ref in activities:
                    continue
                if ref in self._all_ids:
                    message = (f"mã «{ref}» không phải mã của một hoạt động; {key}.{path[0]} chỉ ghi kết quả của các"
                               " hoạt động (hoat_dong) trong noi_dung")
                else:
                    message = (f"dẫn chiếu «{ref}» không trỏ tới hoạt động nào; hãy dùng mã (id) của một hoạt động"
                               " trong noi_dung, hoặc thêm id cho hoạt động đó")
                    close = difflib.get_close_matches(ref, activities, n=1, cutoff=0.6)
                    if close:
                        message += f" (có phải «{close[0]}»?)"
                problems.append(Problem(message, (key, *path), rule=UNDEFINED))
        return problems

    def _other_unit_refs(self) -> Iterator[tuple[Path, str, str]]:
        yield from self.plan.unit_refs()
        for key, block in self.plan.nested():
            for path, ref, part in block.unit_refs():
                yield (key, *path), ref, part

    def _other_texts(self) -> Iterator[tuple[Path, str]]:
        yield from self.plan.texts()
        for key, block in self.plan.nested():
            for path, text in block.texts():
                yield (key, *path), text

    def _basis_documents(self, prefix: Path, bases) -> list[Problem]:
        """Each document id of each basis that names no declared document."""
        return [Problem(self._unknown(ref, self.plan.documents, "văn bản", "van_ban"), prefix + (index, "van_ban", place),
                        rule=UNDEFINED)
                for index, basis in enumerate(bases) for place, ref in enumerate(basis.documents)
                if ref not in self.plan.documents]

    @staticmethod
    def _unknown(ref: str, known, what: str, section: str | None, inline: bool = False) -> str:
        shown = f"[[{ref}]]" if inline else f"«{ref}»"
        message = f"dẫn chiếu {shown} không trỏ tới {what} nào"
        if section:
            message += f"; hãy khai báo mã này trong {section}"
        else:
            message += "; hãy dùng mã (id) của một mục, văn bản hoặc đơn vị đã khai báo"
        close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
        if close:
            message += f" (có phải «{close[0]}»?)"
        return message

    def _unit_refs(self) -> Iterator[tuple[Path, str, str]]:
        for node in walk(self.plan):
            block = node.block
            if isinstance(block, Activity):
                for key, refs in (("chu_tri", block.lead), ("thuc_hien", block.implementing), ("phoi_hop", block.coordinating)):
                    for i, ref in enumerate(refs):
                        yield node.path + (key, i), ref, key
            elif isinstance(block, Duty):
                yield node.path + ("nhiem_vu",), block.unit, "nhiem_vu"
        for key, refs in (("gui", self.plan.recipients.send_to), ("luu", self.plan.recipients.archive)):
            for i, ref in enumerate(refs):
                yield ("noi_nhan", key, i), ref, key
        yield from self._other_unit_refs()

    def _texts(self) -> Iterator[tuple[Path, str]]:
        """Every piece of free text that may hold `[[id]]` references, with its path."""
        for i, text in enumerate(self.plan.opening):
            yield ("mo_dau", i), text
        for i, basis in enumerate(self.plan.bases):
            if basis.text:
                yield ("can_cu", i, "noi_dung"), basis.text
            if basis.follow:
                yield ("can_cu", i, "tiep"), basis.follow
        for node in walk(self.plan):
            block = node.block
            if isinstance(block, str):
                yield node.path, block
            elif isinstance(block, Bullet):
                yield node.path + ("gach",), block.text
            elif isinstance(block, Section):
                yield node.path + ("muc",), block.title
            elif isinstance(block, Activity):
                yield node.path + ("hoat_dong",), block.title
                if block.content:
                    yield node.path + ("noi_dung",), block.content
            elif isinstance(block, Duty) and block.title:
                yield node.path + ("tieu_de",), block.title
        for i, text in enumerate(self.plan.closing):
            yield ("ket_luan", i), text
        yield from self._other_texts()
