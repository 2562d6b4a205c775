"""A Word document read as paragraphs → the data of a kehoach plan, with notes where it guessed.

The result is plain data in the order of the model (kehoach.model.plan), and a map from a place in that
data (its path of keys and indices) to a comment for the clerk. Every paragraph of the document ends up
somewhere: as structure, or as text at its place with a `xem_lai` mark that gives the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.conventions import numbering
from kehoach.features.importer import bases as bases_of
from kehoach.features.importer import body as body_parts
from kehoach.features.importer import cutting, ends, header as heads, organ, outline, references
from kehoach.features.importer import decision as decision_data
from kehoach.features.importer import kinds as other_kinds
from kehoach.features.importer.reading import Block
from kehoach.features.importer.units import Units

Path = tuple


@dataclass
class Imported:
    data: dict
    comments: dict[Path, str] = field(default_factory=dict)
    reviews: int = 0  # how many xem_lai marks


def recognise(blocks: list[Block]) -> Imported:
    out = Imported({})
    top, kind_at = cutting.split_top(blocks)
    cols = heads.columns(top)
    head = heads.header(cols)
    middle, signature = cutting.split_signature(blocks[kind_at + 1:] if kind_at is not None else blocks[len(top):])
    doc_type = heads.kind_of(blocks[kind_at]) if kind_at is not None else ("Công văn" if head.subject else None)
    summary, rest = cutting.summary(middle) if kind_at is not None else (cutting.subject(head.subject), middle)
    lines = _lines(rest)
    kind = other_kinds.kind_of(doc_type or "")
    decision = kind is not None and kind.model == "quyet-dinh"
    addressees, lines = other_kinds.addressee(lines)
    authority = tail = None
    if decision:
        authority, lines = other_kinds.authority(lines, head.organ_lines)
    signature, attached = cutting.split_attached(signature) if decision else (signature, None)
    signature, appendix = cutting.split_appendix(signature)
    if appendix is not None:
        from kehoach.kinds.wording import kind_default

        pointer = kind_default("phu-luc-dan-chieu", doc_type or "Kế hoạch")
        lines = [line for line in lines if line != pointer]
    bases, lines = cutting.bases(lines)
    if decision:
        tail, leftover, lines = other_kinds.decision_tail(lines, kind, "hd36" if head.party else None,
                                                          tuple(head.organ_lines))
        lines = leftover + lines
    units = Units()
    data = out.data
    data["loai"] = doc_type or "Kế hoạch"
    if doc_type is None:
        out.comments[("loai",)] = "không thấy dòng tên loại văn bản (KẾ HOẠCH) dưới phần đầu; kehoach đoán Kế hoạch"
    organ.header_data(head, data, out)
    organ.header_as_written(head, data, out)
    data["trich_yeu"] = "\n".join(summary) if summary else "CẦN ĐIỀN"
    data["don_vi"] = {}
    data["van_ban"] = {}
    if authority:
        data["tham_quyen"] = authority
    data["can_cu"] = bases_of.cited(bases, data["van_ban"], out, proposal_follows=bool(tail and "de_nghi" in tail))
    if tail:
        data.update(tail)
    units.reserved |= set(data["van_ban"])
    plan_like = kind is None or kind.model == "ke-hoach"
    found, parsed = _body(lines, units, plan_like)
    data.update(found)
    if not parsed.parts and not plan_like:  # a Tờ trình, a Công văn: paragraphs and bullets without parts
        data["noi_dung"] = [outline.child_item(body_parts.Text(*cutting.bullet(line)), units) for line in parsed.before]
    elif not parsed.parts:
        data["noi_dung"] = [{"muc": "CẦN ĐIỀN", "xem_lai": "không nhận ra mục nào đánh số I., II., … trong văn bản"}]
    issued, issued_with = _attached(attached, units, head, data, out) if attached is not None else (None, None)
    ends.ends(heads.columns(signature), units, data, out)
    data["noi_nhan"]["gui"] = units.memberships(data["noi_nhan"]["gui"])
    if appendix is not None:
        ends.appendix(appendix, data, out)
    loose = units.loose_groups()
    outline.as_text(data["noi_dung"], loose)
    if issued is not None:
        outline.as_text(data["ban_hanh"]["noi_dung"], loose)
    if addressees:
        sent = [units.known(name) or units.listed(name) for name in addressees]
        data["kinh_gui"] = sent[0] if len(sent) == 1 else sent
    if decision:
        decision_data.as_units(data, units, kind)
    outline.renamed(data, units.short_ids())
    data["don_vi"] = outline.declared(units, out)
    references.rewrite(data, parsed.parts)
    if issued is not None:
        references.rewrite_in(data["ban_hanh"], data, issued.parts)
    for key in ("don_vi", "van_ban", "can_cu", "noi_dung"):
        if not data[key]:
            del data[key]
    other_kinds.defaults_left_out(data, out)
    if decision:
        decision_data.defaults_left_out(data, out, issued_with)
    out.reviews = outline.count_reviews(data)
    return out


def _lines(blocks: list[Block]) -> list[str]:
    return [line for block in blocks for line in cutting.block_lines(block) if line and not heads.RULE.match(line)]


def _body(lines: list[str], units: Units, plan_like: bool) -> tuple[dict, body_parts.Body]:
    """The body's data (mo_dau, danh_so, noi_dung, ket_luan) from its lines, the units it names declared."""
    lines, closing = cutting.closing(lines)
    parsed = body_parts.parse(lines)
    found: dict = {}
    if parsed.before and (parsed.parts or plan_like):
        found["mo_dau"] = parsed.before[0] if len(parsed.before) == 1 else parsed.before
    body_parts.find_activities(parsed.parts)
    for part in body_parts.all_parts(parsed.parts):  # the units the activities name, in the order they come
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            for name in part.fields.get(key, []):
                units.listed(name)
    body_parts.find_duties(parsed.parts, units.names)
    outline.titles(parsed.parts, lines, parsed.scheme)
    if parsed.scheme != numbering.DEFAULT[:len(parsed.scheme)]:
        found["danh_so"] = list(parsed.scheme)
    outline.ids(parsed.parts, units)
    found["noi_dung"] = [outline.part_item(part, units) for part in parsed.parts]
    if closing:
        found["ket_luan"] = closing[0] if len(closing) == 1 else closing
    return found, parsed


def _attached(blocks: list[Block], units: Units, head, data: dict, out: Imported) -> tuple[body_parts.Body, str]:
    """`ban_hanh`: the document a decision issues, printed after its signature (kehoach.model.decision); with its
    parts and its line «(Ban hành kèm theo …)», which decision.defaults_left_out compares with what kehoach prints."""
    header, type_line, summary, issued_with, rest = cutting.attached_parts(blocks)
    printed = {line.upper() for line in head.organ_lines} | {heads.NATIONAL_TITLE, heads.PARTY_TITLE, heads.MOTTO}
    if head.parent:
        printed.add(head.parent.upper())
    other = [p.flat for p in heads.columns(header).left + heads.columns(header).right if p.flat not in printed]
    if other:
        out.comments[("ban_hanh",)] = ("phần đầu văn bản kèm theo còn: " + " | ".join(f"«{line}»" for line in other)
                                       + "; kehoach in phần đầu này theo phần đầu của Quyết định")
    found, parsed = _body(_lines(rest), units, True)
    if not parsed.parts:
        found["noi_dung"] = [{"muc": "CẦN ĐIỀN", "xem_lai": "không nhận ra mục nào đánh số I., II., … trong văn bản"
                              " kèm theo"}]
    attached = {"loai": heads.kind_of(type_line), "trich_yeu": "\n".join(summary) or "CẦN ĐIỀN"}
    if scheme := found.pop("danh_so", None):
        data.setdefault("danh_so", scheme)  # the attached document is numbered by the decision's scheme
    attached.update(found)
    data["ban_hanh"] = attached
    return parsed, issued_with
