"""kehoach init: a new plan file from a few answers, that checks clean and renders at once.

What only the clerk can write (the summary, the tasks, the signer's name when not given) is left as
«CẦN ĐIỀN: …» marks, which the rule todo-left points to one by one; a mark is valid text, so the new
file renders (as a draft: no number, no date) and the clerk can see the layout before writing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach.conventions import doctypes
from kehoach.errors import InputError, OutputError
from kehoach.problems import Location

MARK = "CẦN ĐIỀN"
#: The JSON Schema of plan files, written beside a new plan and named by its first line (yaml-language-server).
SCHEMA_NAME = "ke-hoach.schema.json"
#: First lines of organ names that are collective bodies: they sign «TM. <body>» (ND30 Phụ lục I, II.7.b).
_COLLECTIVE = {"UBND": "ỦY BAN NHÂN DÂN", "HĐND": "HỘI ĐỒNG NHÂN DÂN"}
_ADMIN_UNITS = ("thành phố", "thị trấn", "thị xã", "huyện", "xã", "phường", "quận", "tỉnh")
#: How a Party committee's name begins, and its abbreviation in a symbol («12-KH/ĐU»; HD 36, II.1.3.1 b).
_PARTY = {"ĐẢNG ỦY": "ĐU", "HUYỆN ỦY": "HU", "QUẬN ỦY": "QU", "THỊ ỦY": "TU", "THÀNH ỦY": "TU", "TỈNH ỦY": "TU",
          "CHI BỘ": "CB", "ĐẢNG BỘ": "ĐB"}
_LINKING = {"VÀ", "-", "–"}


def todo(what: str) -> str:
    return f"«{MARK}: {what}»"


def _todo_yaml(what: str) -> str:
    """A mark as a YAML value (quoted: the colon after the mark would otherwise start a key)."""
    return _scalar(todo(what))


class _Marks:
    """`{todo[what]}` in the skeletons below."""

    def __getitem__(self, what: str) -> str:
        return _todo_yaml(what)


@dataclass
class Answers:
    """What `kehoach init` asks; None: left for later (a «CẦN ĐIỀN» mark), or derived from the other answers."""

    organ: str | None = None  # "Ủy ban nhân dân huyện Mường Ảng", or lines joined by "|"
    abbreviation: str | None = None
    place: str | None = None
    year: int | None = None
    doc_type: str = "Kế hoạch"
    position: str | None = None
    signer: str | None = None
    authority: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InitResult:
    path: Path
    marks: int  # «CẦN ĐIỀN» marks left for the clerk
    schema: Path | None = None  # the JSON Schema written beside the plan (None: one was there already)


def organ_lines(organ: str) -> list[str]:
    """«Ủy ban nhân dân huyện Mường Ảng» → [ỦY BAN NHÂN DÂN, HUYỆN MƯỜNG ẢNG]; «|» splits lines by hand."""
    text = " ".join(unicodedata.normalize("NFC", organ).split())
    if "|" in text:
        return [part.strip().upper() for part in text.split("|") if part.strip()]
    upper = text.upper()
    for short, full in _COLLECTIVE.items():
        for head in (full, short):
            if upper.startswith(head + " "):
                return [full, upper[len(head):].strip()]
    return [upper]


def abbreviation_for(lines: list[str]) -> str:
    """UBND for a People's Committee; otherwise the initials of the first line (SỞ GIÁO DỤC VÀ ĐÀO TẠO → SGDĐT)."""
    for short, full in _COLLECTIVE.items():
        if lines and lines[0] == full:
            return short
    for head, short in _PARTY.items():
        if lines and lines[0].startswith(head):
            return short
    words = [w for w in (lines[0] if lines else "").split() if w not in _LINKING]
    return "".join(w[0] for w in words if w[0].isalnum())


def place_for(lines: list[str]) -> str | None:
    """The place name from the organ's name: HUYỆN MƯỜNG ẢNG → Mường Ảng (ND30 Phụ lục I, II.4.a)."""
    last = lines[-1].lower() if lines else ""
    for head in _PARTY:  # ĐẢNG ỦY XÃ ẲNG NƯA → Ẳng Nưa
        last = last.removeprefix(head.lower() + " ")
    for unit in _ADMIN_UNITS:
        if last.startswith(unit + " "):
            name = last[len(unit):].strip()
            return " ".join(w if w.isdigit() else w[0].upper() + w[1:] for w in name.split()) or None
    return None


def is_collective(lines: list[str]) -> bool:
    """A People's Committee or Council: signed on behalf of the body (TM.), headed by a CHỦ TỊCH."""
    return bool(lines) and lines[0] in _COLLECTIVE.values()


def authority_for(lines: list[str], position: str) -> list[str]:
    """TM. ỦY BAN NHÂN DÂN for a collective body, and KT. <head> when a deputy signs (ND30 Điều 13); a Party
    committee signs T/M ĐẢNG ỦY (a commune's), T/M CHI BỘ, or T/M BAN THƯỜNG VỤ, and K/T (HD 36, II.1.7.1)."""
    from kehoach import profiles

    layout = profiles.load(profiles.choose(None, lines))
    on_behalf, acting = layout.signing.authority.value[:2]
    if layout.is_party:
        name = " ".join(lines).upper()
        body = next((b for b in ("ĐẢNG ỦY", "CHI BỘ") if name.startswith(b)), "BAN THƯỜNG VỤ")
        authority = [f"{on_behalf} {body}"]
    else:
        authority = [f"{on_behalf} {lines[0]}"] if is_collective(lines) else []
    position = position.upper()
    if position.startswith("PHÓ "):
        authority.append(f"{acting} {position.removeprefix('PHÓ ')}")
    return authority


def check_type(name: str) -> doctypes.DocType:
    """The document type called `name`, if kehoach can compose it (it has an abbreviation for the symbol)."""
    found = doctypes.find(name)
    usable = [t.name for t in doctypes.all_types() if t.abbreviation and t.family == "hanh_chinh"]
    if found is None or found.name not in usable:
        import difflib

        close = difflib.get_close_matches(name, usable, n=1, cutoff=0.6)
        hint = f"có phải «{close[0]}»?" if close else "xem danh sách bằng «kehoach types»"
        raise InputError(f"«{name}» không phải loại văn bản kehoach soạn được; {hint}", Location("--loai"))
    return found


def check_year(value: str | int) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text) or not 1945 <= int(text) <= 2100:
        raise InputError(f"năm «{text}» không hợp lệ; hãy ghi năm bằng bốn chữ số, ví dụ 2025", Location("--nam"))
    return int(text)


def default_file(doc_type: str, year: int) -> Path:
    """ke-hoach-2025.yaml: the type without diacritics, and the year."""
    plain = unicodedata.normalize("NFD", doc_type.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return Path(f"{'-'.join(plain.split())}-{year}.yaml")


def create(path: Path | None, answers: Answers, today: date | None = None) -> InitResult:
    """Write a new plan file from `answers`; refuse to replace an existing file; check it before writing."""
    from kehoach.check.runner import check_text
    from kehoach.output import write_atomic
    from kehoach.problems import Severity

    today = today or date.today()
    doc_type = check_type(answers.doc_type)
    year = check_year(answers.year or today.year)
    path = path or default_file(doc_type.name, year)
    refuse_existing(path)
    text = plan_text(answers, doc_type, year, today)
    report = check_text(text, str(path), today=today, path=path)
    errors = [p for p in report.problems if p.severity is Severity.ERROR]
    if errors:  # an answer the plan model refuses (e.g. an authority line): say which, write nothing
        raise InputError("chưa tạo kế hoạch vì câu trả lời chưa dùng được: "
                         + "; ".join(p.message for p in errors), Location(str(path)))
    refuse_existing(path)  # again: the questions took time, and another program may have written it
    write_atomic(path, text.encode("utf-8"), elsewhere=None, kind="yaml")  # named as an argument, not by -o
    schema = path.parent / SCHEMA_NAME
    wrote_schema = not schema.exists()
    if wrote_schema:  # the schema the first line names, beside the plan; one already there is the clerk's
        from kehoach.model.schema import json_schema

        write_atomic(schema, json_schema().encode("utf-8"), elsewhere=None, kind="json")
    return InitResult(path, sum(1 for p in report.problems if p.rule == "todo-left"), schema if wrote_schema else None)


def refuse_existing(path: Path) -> None:
    """Refuse a file that exists, or a name that is not a .yaml file's (checked before the questions)."""
    from kehoach.output import require_suffix

    require_suffix(path, (".yaml", ".yml"), "tệp kế hoạch YAML", option=None)
    if path.exists():
        raise OutputError("tệp này đã có; kehoach init không ghi đè lên kế hoạch đã có. Hãy ghi tên tệp khác, ví dụ "
                          f"«kehoach init {path.stem}-moi{path.suffix or '.yaml'}»", Location(str(path)))


def _scalar(value: str) -> str:
    """`value` as YAML: plain when that reads back as the same text, else double-quoted (JSON is valid YAML)."""
    plain = re.fullmatch(r"[^\W\d_«][^:#\"'\n\[\]{},&*!|>%@`]*", value) or value.startswith("«")
    special = value.lower() in {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}
    if plain and not special and value == value.strip() and ": " not in value and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _list(key: str, values: list[str], indent: str = "  ") -> str:
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {_scalar(v)}\n" for v in values)


def plan_text(answers: Answers, doc_type: doctypes.DocType, year: int, today: date) -> str:
    """The new plan file: the answers, a skeleton of the usual parts, and marks where the clerk must write."""
    lines = organ_lines(answers.organ) if answers.organ else [_COLLECTIVE["UBND"], todo("HUYỆN, XÃ …")]
    abbreviation = answers.abbreviation or (abbreviation_for(lines) if answers.organ else "UBND")
    place = answers.place or place_for(lines) or todo("địa danh, ví dụ Mường Ảng")
    position = (answers.position or ("CHỦ TỊCH" if is_collective(lines) else todo("CHỨC VỤ"))).upper()
    authority = answers.authority or authority_for(lines, position)
    signer = answers.signer or todo("họ và tên người ký")
    name = doc_type.name
    header = (
        f"# yaml-language-server: $schema={SCHEMA_NAME}\n"
        f"# {name} mới, tạo bằng «kehoach init» ngày {today:%d/%m/%Y}.\n"
        f"# Mỗi chỗ «{MARK}: …» là nội dung cần viết: «kehoach check» chỉ ra từng chỗ còn lại (quy tắc todo-left).\n"
        "# Dòng đầu cho trình soạn thảo (VS Code với phần mở rộng YAML) biết mẫu kế hoạch: nó gợi ý từng khóa và\n"
        "# giải thích khóa khi trỏ chuột vào.\n\n"
        f"loai: {_scalar(name)}\n\n"
        "co_quan:\n" + _list("ten", lines) + f"  viet_tat: {_scalar(abbreviation)}\n  dia_danh: {_scalar(place)}\n\n"
        f"# Số và ngày do văn thư ghi khi ban hành (so: 185, ngay: 05/7/{year}); chưa có thì văn bản là bản dự thảo.\n"
        f"nam: {year}\n\n"
        f"trich_yeu: {_todo_yaml(f'trích yếu nội dung, ví dụ Tuyên truyền phòng, chống thiên tai năm {year}')}\n\n"
        "# Mỗi đơn vị một mã (chữ thường, nối bằng dấu -), dùng ở chu_tri, nhiem_vu, noi_nhan.\n"
        "don_vi:\n"
        "  don-vi-chu-tri:\n"
        f"    ten: {_todo_yaml('tên đầy đủ của đơn vị chủ trì, ví dụ Phòng Văn hóa và Thông tin huyện')}\n"
        f"    viet_tat: {_todo_yaml('chữ viết tắt, ví dụ VHTT')}\n"
        "  don-vi-phoi-hop:\n"
        f"    ten: {_todo_yaml('tên đầy đủ của đơn vị phối hợp')}\n\n"
        "# Văn bản được trích dẫn thì khai báo dưới van_ban: (mã, loại, số, ngày, trích yếu) rồi ghi «- van_ban: mã».\n"
        "can_cu:\n"
        f"  - noi_dung: {_todo_yaml('Căn cứ …')}\n\n"
        f"mo_dau: {_todo_yaml(f'đoạn mở đầu, ví dụ … xây dựng {name} … cụ thể như sau:')}\n\n"
    )
    body = _PLAN_BODY if name == "Kế hoạch" else _GENERIC_BODY
    footer = (
        f"ket_luan: {_todo_yaml(f'đoạn kết, ví dụ Trên đây là {name} … ./.')}\n\n"
        "noi_nhan:\n"
        "  gui:\n"
        "    - don-vi-chu-tri\n"
        "    - don-vi-phoi-hop\n"
        f"    - {_todo_yaml('nơi nhận khác')}\n"
        "  luu: don-vi-chu-tri\n\n"
        "ky:\n" + (_list("quyen_han", authority) if authority else "")
        + f"  chuc_vu: {_scalar(position)}\n  ho_ten: {_scalar(signer)}\n"
    )
    return header + body.format(todo=_Marks()) + "\n" + footer


# The parts of a plan as issued plans have them (data/plan_2024.yaml); the numbers come from kehoach.
_PLAN_BODY = """\
noi_dung:
  - muc: Mục đích, yêu cầu
    noi_dung:
      - muc: Mục đích
        noi_dung:
          - gach: {todo[mục đích của kế hoạch]}
      - muc: Yêu cầu
        noi_dung:
          - gach: {todo[yêu cầu khi thực hiện]}
  - muc: Nội dung thực hiện
    noi_dung:
      - hoat_dong: {todo[tên hoạt động]}
        noi_dung: {todo[nội dung hoạt động]}
        chu_tri: don-vi-chu-tri
        phoi_hop: don-vi-phoi-hop
        thoi_gian: {todo[thời gian thực hiện, ví dụ Quý III]}
      - hoat_dong: {todo[tên hoạt động thứ hai]}
        noi_dung: {todo[nội dung hoạt động]}
        chu_tri: don-vi-chu-tri
  - muc: Kinh phí thực hiện
    noi_dung:
      - {todo[nguồn kinh phí]}
  - muc: Tổ chức thực hiện
    noi_dung:
      - nhiem_vu: don-vi-chu-tri
        noi_dung:
          - gach: {todo[nhiệm vụ của đơn vị chủ trì]}
      - nhiem_vu: don-vi-phoi-hop
        noi_dung:
          - gach: {todo[nhiệm vụ của đơn vị phối hợp]}
"""

_GENERIC_BODY = """\
noi_dung:
  - muc: {todo[tiêu đề phần thứ nhất]}
    noi_dung:
      - {todo[nội dung]}
  - muc: {todo[tiêu đề phần thứ hai]}
    noi_dung:
      - {todo[nội dung]}
"""
