"""A Word document read as paragraphs → the data of a kehoach plan, with notes where it guessed.

The result is plain data in the order of the model (kehoach.model.plan), and a map from a place in that
data (its path of keys and indices) to a comment for the clerk. Every paragraph of the document ends up
somewhere: as structure, or as text at its place with a `xem_lai` mark that gives the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kehoach.conventions import numbering
from kehoach.conventions.text import short_date
from kehoach.features.importer import body as body_parts
from kehoach.features.importer import bases as bases_of
from kehoach.features.importer import citations, header as heads, references
from kehoach.features.importer import kinds as other_kinds
from kehoach.features.importer.bases import LEADS as _LEADS, unique
from kehoach.features.importer.reading import Block, Para, Table
from kehoach.features.importer.units import Units

Path = tuple
_CLOSING = ("Trên đây", "Trên đây là", "Kính trình")


@dataclass
class Imported:
    data: dict
    comments: dict[Path, str] = field(default_factory=dict)
    reviews: int = 0  # how many xem_lai marks


def recognise(blocks: list[Block]) -> Imported:
    out = Imported({})
    top, kind_at = _split_top(blocks)
    cols = heads.columns(top)
    head = heads.header(cols)
    middle, signature = _split_signature(blocks[kind_at + 1:] if kind_at is not None else blocks[len(top):])
    doc_type = heads.kind_of(blocks[kind_at]) if kind_at is not None else ("Công văn" if head.subject else None)
    summary, rest = _summary(middle) if kind_at is not None else (_subject(head.subject), middle)
    lines = [line for block in rest for line in _block_lines(block) if line and not heads.RULE.match(line)]
    kind = other_kinds.kind_of(doc_type or "")
    addressees, lines = other_kinds.addressee(lines)
    authority = tail = None
    if kind is not None and kind.model == "quyet-dinh":
        authority, lines = other_kinds.authority(lines, head.organ_lines)
    signature, appendix = _split_appendix(signature)
    if appendix is not None:
        from kehoach.render.appendix import REFERENCE

        pointer = REFERENCE.format(type=doc_type or "Kế hoạch")
        lines = [line for line in lines if line != pointer]
    bases, lines = _bases(lines)
    if kind is not None and kind.model == "quyet-dinh":
        tail, leftover, lines = other_kinds.decision_tail(lines)
        lines = leftover + lines
    lines, closing = _closing(lines)
    parsed = body_parts.parse(lines)
    units = Units()
    data = out.data
    data["loai"] = doc_type or "Kế hoạch"
    if doc_type is None:
        out.comments[("loai",)] = "không thấy dòng tên loại văn bản (KẾ HOẠCH) dưới phần đầu; kehoach đoán Kế hoạch"
    _header_data(head, data, out)
    _header_as_written(head, data, out)
    data["trich_yeu"] = "\n".join(summary) if summary else "CẦN ĐIỀN"
    data["don_vi"] = {}
    data["van_ban"] = {}
    if authority:
        data["tham_quyen"] = authority
    data["can_cu"] = bases_of.cited(bases, data["van_ban"], out)
    if tail:
        data.update(tail)
    plan_like = kind is None or kind.model == "ke-hoach"
    if parsed.before and (parsed.parts or plan_like):
        data["mo_dau"] = parsed.before[0] if len(parsed.before) == 1 else parsed.before
    units.reserved |= set(data["van_ban"])
    body_parts.find_activities(parsed.parts)
    for part in body_parts.all_parts(parsed.parts):  # the units the activities name, in the order they come
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            for name in part.fields.get(key, []):
                units.listed(name)
    body_parts.find_duties(parsed.parts, units.names)
    _titles(parsed.parts, lines, parsed.scheme)
    if parsed.scheme != numbering.DEFAULT[:len(parsed.scheme)]:
        data["danh_so"] = list(parsed.scheme)
    _ids(parsed.parts, units)
    data["noi_dung"] = [_block(part, units) for part in parsed.parts]
    if not parsed.parts and not plan_like:  # a Tờ trình, a Công văn: paragraphs and bullets without parts
        data["noi_dung"] = [_child(body_parts.Text(*_bullet(line)), units) for line in parsed.before]
    elif not parsed.parts:
        data["noi_dung"] = [{"muc": "CẦN ĐIỀN", "xem_lai": "không nhận ra mục nào đánh số I., II., … trong văn bản"}]
    if closing:
        data["ket_luan"] = closing[0] if len(closing) == 1 else closing
    _ends(heads.columns(signature), units, data, out)
    if appendix is not None:
        _appendix(appendix, data, out)
    _as_text(data["noi_dung"], units.loose_groups())
    if addressees:
        sent = [units.known(name) or name for name in addressees]
        data["kinh_gui"] = sent[0] if len(sent) == 1 else sent
    _renamed(data, units.short_ids())
    data["don_vi"] = _declared(units, out)
    references.rewrite(data, parsed.parts)
    for key in ("don_vi", "van_ban", "can_cu", "noi_dung"):
        if not data[key]:
            del data[key]
    other_kinds.defaults_left_out(data, out)
    out.reviews = _count_reviews(data)
    return out


def _header_data(head, data: dict, out: Imported) -> None:
    """The organ, number, layout and date the header gives."""
    organ: dict = {}
    if head.parent:
        organ["chu_quan"] = head.parent
        if head.parent_guessed:
            out.comments[("co_quan", "chu_quan")] = "đoán: dòng đầu là cơ quan chủ quản; nếu không phải, đưa vào ten"
    organ["ten"] = head.organ_lines or ["CẦN ĐIỀN"]
    year, symbol, own_symbol = _symbol(head.symbol or "", data["loai"])
    organ["viet_tat"] = re.split(r"[-/]", symbol)[-1] if re.search(r"[-/]", symbol) else "CẦN ĐIỀN"
    organ["dia_danh"] = head.place or "CẦN ĐIỀN"
    data["co_quan"] = organ
    if year:
        data["quy_pham"] = True  # a legal normative document: its number carries its year (36/2013/QĐ-UBND)
    if own_symbol:
        data["ky_hieu"] = symbol
    if head.party:
        data["the_thuc"] = "hd36"  # the Party's layout (Hướng dẫn 36-HD/VPTW), as the header shows
    if head.number:
        data["so"] = head.number
    if head.date and head.number:
        data["ngay"] = short_date(head.date)
    elif head.year:
        data["nam"] = head.year


# -- cutting the document into its parts ---------------------------------------------------------------


def _split_top(blocks: list[Block]) -> tuple[list[Block], int | None]:
    """(the header's blocks, index of the type line «KẾ HOẠCH»); a Công văn has no type line: its header is the
    first table, or the paragraphs before the first one without a tab."""
    for i, block in enumerate(blocks[:12]):
        if isinstance(block, Para) and heads.kind_of(block):
            return blocks[:i], i
    if blocks and isinstance(blocks[0], Table):
        return blocks[:1], None
    count = 0
    while count < len(blocks) and isinstance(blocks[count], Para) and ("\t" in blocks[count].text
                                                                          or not blocks[count].flat):
        count += 1
    return blocks[:count], None


def _subject(lines: list[str]) -> list[str]:
    """A Công văn's summary without its «V/v», on one line as kehoach writes it under the number."""
    text = " ".join(lines)
    return [text[3:].strip()] if text.startswith("V/v") else ([text] if text else [])


def _bullet(line: str) -> tuple[str, bool]:
    return (line[2:], True) if line.startswith(("- ", "– ")) else (line, False)


def _split_signature(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        first = block.rows[0][0][0].flat if isinstance(block, Table) and block.rows and block.rows[0] and \
            block.rows[0][0] else (block.flat if isinstance(block, Para) else "")
        if first.casefold().startswith("nơi nhận"):
            return blocks[:i], blocks[i:]
    return blocks, []


def _symbol(written: str, doc_type: str) -> tuple[str | None, str, bool]:
    """(year, symbol, True when the symbol is not «type-organ») of «2013/QĐ-UBND», «KH-UBND», «UBND-VX»."""
    from kehoach.conventions import doctypes

    year = None
    if re.match(r"^\d{4}/", written):
        year, written = written[:4], written[5:]
    found = doctypes.find(doc_type)
    abbreviation = found.abbreviation if found else ""
    # «KH-UBND» (ND30) or, for the Party, «KH/ĐU» (Hướng dẫn 36-HD/VPTW): the type, then the organ
    standard = bool(abbreviation) and written.startswith((abbreviation + "-", abbreviation + "/"))
    return year, written, not standard and "-" in written


def _header_as_written(head, data: dict, out: Imported) -> None:
    """A comment with each header line kehoach will print otherwise than the original wrote it («tháng 09»,
    a number with its year, a motto with other dashes), so that nothing of the original is lost."""
    from kehoach.conventions.text import doc_number, long_date

    printed = []
    if head.number_line and head.number:
        _, symbol, _ = _symbol(head.symbol or "", data["loai"])
        expected = f"Số: {doc_number(head.number)}/{symbol}"  # a year in the number is said in the comment too
        if head.number_line != expected:
            printed.append(("so", head.number_line))
    if head.date_line and head.date and head.date_line != f"{head.place}, {long_date(head.date)}":
        written = head.date_line.split("ngày", 1)[1].strip()
        if "ngay" in data and head.date_line == f"{head.place}, ngày {written}":
            data["ngay_ghi"] = written  # printed as the original wrote it; kehoach check says what ND30 wants
        else:
            printed.append(("ngay" if "ngay" in data else "co_quan", head.date_line))
    for key, line in printed:
        out.comments[(key,)] = f"văn bản gốc ghi «{line}»; kehoach in theo Nghị định 30/2020/NĐ-CP"
    if head.leftover:
        out.comments[("co_quan",)] = "phần đầu văn bản gốc còn: " + " | ".join(f"«{line}»" for line in head.leftover)


def _split_appendix(blocks: list[Block]) -> tuple[list[Block], list[str] | None]:
    """(the signature's blocks, the appendix's heading lines) when a «Phụ lục» follows the signature."""
    for i, block in enumerate(blocks):
        if i and isinstance(block, Para) and block.flat.casefold() == "phụ lục":
            heading = [b.flat for b in blocks[i + 1:i + 4] if isinstance(b, Para) and b.flat]
            return blocks[:i], heading
    return blocks, None


def _appendix(heading: list[str], data: dict, out: Imported) -> None:
    """`phu_luc` from the appendix's heading: kehoach makes its table from the activities again."""
    from kehoach.model.plan import DEFAULT_APPENDIX_TITLE, Organ

    title = heading[0] if heading else ""
    default = f"{DEFAULT_APPENDIX_TITLE} {data['loai']}"
    if title.upper() == default.upper() or not title:
        data["phu_luc"] = True
    else:
        data["phu_luc"] = title[:1] + title[1:].lower() if title.isupper() else title
        out.comments[("phu_luc",)] = "tên Phụ lục in hoa trong văn bản; kehoach in hoa khi tạo văn bản"
    match = re.search(r" của (.+)\)$", heading[1]) if len(heading) > 1 else None
    if match:
        try:
            derived = Organ.model_validate(data["co_quan"]).running_name
        except ValueError:
            derived = None
        if match.group(1) != derived:
            data["co_quan"]["ten_day_du"] = match.group(1)
    out.comments.setdefault(("phu_luc",), "bảng Phụ lục do kehoach lập lại từ các hoạt động (hoat_dong)")


def _summary(blocks: list[Block]) -> tuple[list[str], list[Block]]:
    """The summary lines under the type line: centred lines up to a blank line or a rule."""
    summary = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            return summary, blocks[i:]
        text = block.flat
        if not text or heads._RULE.match(text):
            return summary, blocks[i + 1:] if summary else blocks[i + 1:]
        if text.startswith(_LEADS) or (summary and block.align not in ("center", None)):
            return summary, blocks[i:]
        summary += [line for line in block.lines if line]
    return summary, []


def _block_lines(block: Block) -> list[str]:
    if isinstance(block, Para):
        return block.lines
    return [line for row in block.rows for cell in row for p in cell for line in p.lines]


def _bases(lines: list[str]) -> tuple[list[str], list[str]]:
    bases = []
    for i, line in enumerate(lines):
        if not line.startswith(_LEADS) or body_parts.is_heading(line):
            return bases, lines[i:]
        bases.append(line)
    return bases, []


def _closing(lines: list[str]) -> tuple[list[str], list[str]]:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(_CLOSING):
            return lines[:i], lines[i:]
    return lines, []


# -- the body --------------------------------------------------------------------------------------


def _titles(parts, lines: list[str], scheme: tuple[str, ...]) -> None:
    """Part titles printed in capitals back to the case of running text, taking each word's case from the
    document where it appears in lower case or capitalised («MỤC ĐÍCH, YÊU CẦU» → «Mục đích, yêu cầu»)."""
    seen: Counter = Counter()
    for line in lines:
        words = line.split()
        for before, word in zip(words, words[1:]):
            # a capital after «2.», «a)», «:» or a full stop opens a title or a sentence: it says nothing of the word
            if not word.isupper() and not before.endswith((".", ")", ":")):
                seen[word] += 1
    forms: dict[str, str] = {}
    for word, _ in seen.most_common():  # a word seen in lower case stays so; a name keeps its capital
        if word.islower():
            forms[word.casefold()] = word
        else:
            forms.setdefault(word.casefold(), word)
    for part in body_parts.all_parts(parts):
        if scheme[part.depth - 1] in numbering.CAPITALS and part.title.isupper():
            words = part.title.split()
            cased = [forms.get(w.casefold(), w if _acronym(w, lines) else w.lower()) for w in words]
            if cased:
                first = cased[0]
                cased[0] = first[:1].upper() + first[1:]
            part.title = " ".join(cased)


def _acronym(word: str, lines: list[str]) -> bool:
    core = word.strip(",.;:()")
    return len(core) >= 2 and any(f" {core}" in line for line in lines if not line.isupper())


def _ids(parts, units: Units) -> None:
    for part in body_parts.all_parts(parts):
        if part.depth == 1 or part.kind == "hoat_dong":
            words = citations.slug(part.title).split("-")[:4]
            part.id = unique("-".join(words) or "muc", units.reserved)
            units.reserved.add(part.id)


def _block(part, units: Units) -> dict:
    children = [_child(c, units) for c in part.children]
    if part.kind == "hoat_dong":
        item = {"hoat_dong": part.title, "id": part.id}
        fields = dict(part.fields)
        if "noi_dung" in fields:
            item["noi_dung"] = fields.pop("noi_dung")
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            if key in fields:
                refs = [units.listed(name) for name in fields.pop(key)]
                item[key] = refs[0] if len(refs) == 1 else refs
        item.update(fields)
        return item
    if part.kind == "nhiem_vu":
        unit_id, title = units.heading(part.title)
        item = {"nhiem_vu": unit_id}
        if title:
            item["tieu_de"] = title
        item["noi_dung"] = children
        return item
    item = {"muc": part.title}
    if part.id:
        item["id"] = part.id
    if part.review:
        item["xem_lai"] = part.review
    if children:
        item["noi_dung"] = children
    return item


def _child(child, units: Units):
    if isinstance(child, body_parts.Part):
        return _block(child, units)
    return {"gach": child.text} if child.bullet else child.text


def _count_reviews(node) -> int:
    if isinstance(node, dict):
        return ("xem_lai" in node) + sum(_count_reviews(v) for v in node.values())
    if isinstance(node, list):
        return sum(_count_reviews(v) for v in node)
    return 0


# -- recipients and signature ------------------------------------------------------------------------


def _ends(cols, units: Units, data: dict, out: Imported) -> None:
    end = heads.closing(cols)
    send_to = []
    for name in end.recipients:
        send_to.append(units.known(name) or name)
    archive = [units.archive(code) for code in end.archive or []]
    recipients: dict = {"gui": send_to or ["CẦN ĐIỀN"]}
    if end.archive is not None:
        recipients["luu"] = archive[0] if len(archive) == 1 else (archive or "CẦN ĐIỀN")
    elif end.archive_line:  # «Lưu: VTVP.UBND tỉnh.»: printed as the original wrote it (luu_ghi)
        written = re.sub(r"^Lưu\s*:\s*", "", end.archive_line).rstrip(".").strip()
        recipients["luu"] = written
        recipients["luu_ghi"] = written
    else:
        recipients["luu"] = "CẦN ĐIỀN"
        out.comments[("noi_nhan", "luu")] = "văn bản gốc không có dòng «Lưu: VT, …»; hãy ghi đơn vị soạn thảo"
    data["noi_nhan"] = recipients
    signature: dict = {}
    if end.authority:
        signature["quyen_han"] = end.authority
    signature["chuc_vu"] = end.position or "CẦN ĐIỀN"
    signature["ho_ten"] = end.name or "CẦN ĐIỀN"
    data["ky"] = signature
    if end.leftover:
        out.comments[("ky",)] = "văn bản gốc còn các dòng sau ở phần ký, kehoach không in: " + " | ".join(end.leftover)


def _renamed(data: dict, ids: dict[str, str]) -> None:
    """Unit references renamed after the units took their own abbreviation as id."""
    if not ids:
        return

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key in ("chu_tri", "thuc_hien", "phoi_hop", "nhiem_vu", "gui", "luu"):
                value = node.get(key)
                if isinstance(value, str):
                    node[key] = ids.get(value, value)
                elif isinstance(value, list):
                    node[key] = [ids.get(v, v) if isinstance(v, str) else v for v in value]
            walk(node.get("noi_dung"))

    walk(data["noi_dung"])
    walk(data["noi_nhan"])


def _as_text(node, loose: dict[str, str]) -> None:
    """Replace the ids of loose groups in activities by their names."""
    if isinstance(node, list):
        for item in node:
            _as_text(item, loose)
    elif isinstance(node, dict):
        for key in ("chu_tri", "thuc_hien", "phoi_hop"):
            value = node.get(key)
            if isinstance(value, str):
                node[key] = loose.get(value, value)
            elif isinstance(value, list):
                node[key] = [loose.get(v, v) for v in value]
        _as_text(node.get("noi_dung"), loose)


def _declared(units: Units, out: Imported) -> dict:
    declared = {}
    for unit in units.units:
        entry = {"ten": unit.name}
        if unit.short and unit.short != unit.name:
            entry["ten_ngan"] = unit.short
        if unit.code:
            entry["viet_tat"] = unit.code
        declared[unit.id] = entry
        if unit.note:
            out.comments[("don_vi", unit.id)] = unit.note
    return declared


