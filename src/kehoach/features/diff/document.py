"""Compare two versions of a document part by part: its header (kind, organ, number, date, summary), units,
cited documents, bases, opening and closing, recipients and signer, and the blocks a file holds besides its own
document (a plan's decision and report); the body is compared by kehoach.features.diff.body.
"""

from __future__ import annotations

from kehoach.conventions.text import short_date
from kehoach.features.diff.body import Body
from kehoach.features.diff.changes import Change, amount, basis_text, field_change, list_changes, text_changes
from kehoach.model.plan import Activity, Decision, Plan, Results
from kehoach.model.references import References, cite_in_text
from kehoach.render.context import citation
from kehoach.source.plan_file import LoadedPlan


def compare(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    """Every change from `old` to `new`, in the order of the plan file."""
    a, b = old.plan, new.plan
    out: list[Change] = []
    field_change(out, "Loại văn bản", "", a.type, b.type)
    for what, get in (("cơ quan chủ quản", lambda p: p.organ.parent), ("tên", lambda p: " ".join(p.organ.name_lines)),
                      ("viết tắt", lambda p: p.organ.abbreviation), ("địa danh", lambda p: p.organ.place)):
        field_change(out, "Cơ quan", what, get(a), get(b))
    field_change(out, "Số", "", a.number, b.number)
    field_change(out, "Ngày", "", a.date and short_date(a.date), b.date and short_date(b.date))
    field_change(out, "Năm", "", a.year and str(a.year), b.year and str(b.year))
    _summary(out, a.summary, b.summary)
    for unit_id, unit in a.units.items():  # dict order, never set order: the output is the same on every run
        for what, key in (("tên", "name"), ("tên ngắn", "short_name"), ("viết tắt", "code")):
            if unit_id in b.units:
                field_change(out, f"Đơn vị {unit.display_name}", what, getattr(unit, key),
                             getattr(b.units[unit_id], key))
    _documents(out, a, b)
    list_changes(out, "Căn cứ", "", a.bases, b.bases, key=lambda x: (tuple(x.documents), x.lead, x.text),
                 show_old=lambda x: basis_text(x, old.refs), show_new=lambda x: basis_text(x, new.refs))
    paragraphs = lambda texts: [("đoạn văn", text) for text in texts]  # noqa: E731
    text_changes(out, "Mở đầu", paragraphs(a.opening), paragraphs(b.opening), old.refs, new.refs)
    body = Body(old, new, out)
    body.container(body.old_root, body.new_root)
    text_changes(out, "Kết luận", paragraphs(a.closing), paragraphs(b.closing), old.refs, new.refs)
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
        list_changes(out, where, what, get(a), get(b), key=str, show_old=old_refs.unit_name,
                     show_new=new_refs.unit_name)


def _signature(out: list[Change], where: str, a, b) -> None:
    """The signer, of the plan or of a block that has its own (None: the plan's signer signs it)."""
    list_changes(out, where, "dòng thẩm quyền", a.authority if a else [], b.authority if b else [], key=str,
                 show_old=str, show_new=str)
    field_change(out, where, "chức vụ", a and a.position, b and b.position)
    field_change(out, where, "họ tên", a and a.name, b and b.name)


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
    field_change(out, where, "số", a.number and str(a.number), b.number and str(b.number))
    field_change(out, where, "ngày", a.date and short_date(a.date), b.date and short_date(b.date))
    field_change(out, where, "năm", a.year and str(a.year), b.year and str(b.year))
    field_change(out, where, "trích yếu", a.summary, b.summary)
    return True


def _sent_and_signed(out: list[Change], where: str, a, b, old: LoadedPlan, new: LoadedPlan) -> None:
    _recipients(out, f"{where}, nơi nhận", a.recipients, b.recipients, old.refs, new.refs)
    _signature(out, f"{where}, người ký", a.signature, b.signature)


def _decision(out: list[Change], a, b, old: LoadedPlan, new: LoadedPlan) -> None:
    """The Quyết định issuing the plan (quyet_dinh): what it prints besides the plan itself."""
    where = "Quyết định ban hành"
    if not _same_block(out, where, a, b):
        return
    field_change(out, where, "thẩm quyền", a.authority, b.authority)
    list_changes(out, where, "căn cứ", a.bases, b.bases, key=lambda x: (tuple(x.documents), x.lead, x.text),
                 show_old=lambda x: basis_text(x, old.refs), show_new=lambda x: basis_text(x, new.refs))
    field_change(out, where, "đơn vị trình", a.proposer and old.refs.unit_name(a.proposer),
                 b.proposer and new.refs.unit_name(b.proposer))
    list_changes(out, where, "người thi hành", a.executors, b.executors, key=str, show_old=old.refs.unit_name,
                 show_new=new.refs.unit_name)
    field_change(out, where, "hiệu lực", a.effect, b.effect)
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
        field_change(out, place, "tình trạng", o and STATUSES[o.status], n and STATUSES[n.status])
        field_change(out, place, "kết quả", o and o.result, n and n.result)
        field_change(out, place, "kinh phí đã chi", o and amount(o.spent), n and amount(n.spent))
    paragraphs = lambda texts: [("đoạn văn", text) for text in texts]  # noqa: E731
    for what, get in (("mở đầu", lambda r: r.opening), ("đánh giá chung", lambda r: r.overall),
                      ("tồn tại, hạn chế", lambda r: r.shortcomings), ("kiến nghị", lambda r: r.proposals),
                      ("kết luận", lambda r: r.closing)):
        text_changes(out, f"{where}, {what}", paragraphs(get(a)), paragraphs(get(b)), old.refs, new.refs)
    _sent_and_signed(out, where, a, b, old, new)


#: What is compared in each kind of block a file may hold, by the block's model (kehoach.model.blocks).
BLOCKS = {Decision: _decision, Results: _results}


def _activity_titles(plan: Plan) -> dict[str, str]:
    from kehoach.model.outline import walk

    return {node.block.id: node.block.title for node in walk(plan)
            if isinstance(node.block, Activity) and node.block.id}


def _summary(out: list[Change], old: str, new: str) -> None:
    old_lines, new_lines = ([line.strip() for line in s.splitlines() if line.strip()] for s in (old, new))
    if old_lines != new_lines:
        # Lines are joined with spaces, as the title reads; " / " only when the line breaks alone moved.
        glue = " / " if " ".join(old_lines) == " ".join(new_lines) else " "
        field_change(out, "Trích yếu", "", glue.join(old_lines), glue.join(new_lines))


def _documents(out: list[Change], a: Plan, b: Plan) -> None:
    for doc_id, old in a.documents.items():
        new = b.documents.get(doc_id)
        if new is None:
            continue
        for what, get in (("loại", lambda d: d.type), ("số", lambda d: d.number),
                          ("ngày", lambda d: d.date and short_date(d.date)), ("cơ quan ban hành", lambda d: d.issuer),
                          ("trích yếu", lambda d: d.title)):
            field_change(out, f"Văn bản {cite_in_text(old)}", what, get(old), get(new))
    # A document added (or dropped) together with its basis is reported once, as the basis.
    bases = {ref for x in a.bases + b.bases for ref in x.documents}
    for doc_id, doc in b.documents.items():
        if doc_id not in a.documents and doc_id not in bases:
            out.append(Change("them", "Văn bản", "", None, citation(doc)))
    for doc_id, doc in a.documents.items():
        if doc_id not in b.documents and doc_id not in bases:
            out.append(Change("bo", "Văn bản", "", citation(doc), None))
