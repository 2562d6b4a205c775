"""Read data/kinds/*.yaml: one file per kind of document, found by the name written in a file's `loai:`.

Each file holds (keys in Vietnamese, as a clerk reads them):
    ten: Tờ trình                  the kind's name, as `loai:` writes it (Phụ lục III gives its abbreviation)
    mo_hinh: van-ban               the model of its body (kehoach.model.bodies): van-ban, ke-hoach, quyet-dinh
    mau: van-ban.docx              its Word template (templates/)
    dong_ten_loai: true            the kind line (TỜ TRÌNH) above the summary; false for a Công văn
    trich_yeu_duoi_so: false       the summary under the number («V/v …», Công văn) instead of under the kind line
    kinh_gui: khong | co | bat-buoc   whether the kind has «Kính gửi:» (ô 9a), and whether it must
    co_the_quy_pham: false         whether a document of the kind may be legal normative (its number then
                                   carries the year, 36/2013/QĐ-UBND: Luật Ban hành văn bản QPPL 2015, Điều 4)
    cau_chu: {ten-cau: mẫu Jinja}  every sentence kehoach writes for the kind, with its default wording
    theo_the_thuc: {hd36: {cau_chu: {…}}}  the sentences a layout profile words otherwise (a Party committee's
                                   decision: «Xét đề nghị của …,», «BAN THƯỜNG VỤ … QUYẾT ĐỊNH»)
    tu_khoi: [...]                 the documents made from a block of the same file (a plan's decision and
                                   report, `kehoach render --doc <ten>`): ten, khoi, loai, mau, mo_ta, nam_sau
                                   (what `kehoach new` asks the clerk to review), cau_chu (over the kind's)
A document replaces any of those sentences with its own `cau_chu:` (a block: in the block).

`_chung.yaml` (not a kind: its name starts with «_») holds the sentences and labels every kind shares — an
activity's «Đơn vị chủ trì», «Kính gửi:», the Phụ lục's lines —; a kind's own `cau_chu` replaces any of them.
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles a ForwardRef for each string annotation
# (README, For developers).
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml

from kehoach.errors import KindDataError

_FOLDER = Path(__file__).resolve().parent.parent / "data" / "kinds"
_SHARED = "_chung.yaml"
ADDRESSEE = ("khong", "co", "bat-buoc")


# Every field is given by `_read`; the dicts are never changed after reading.
class Derived(NamedTuple):
    """A document made from a block of another kind's file: a plan's `quyet_dinh` (its decision) or `ket_qua`."""

    name: str  # the value of --doc, and the suffix of its file: plan-quyet-dinh.docx
    block: str  # the block's YAML key
    type: str  # the kind of the document made (its header, parts and sentences): Quyết định
    template: str
    about: str  # what the block holds, for the message asking for it
    next_year: str  # what `kehoach new` asks the clerk to review in the block, a sentence template
    sentences: dict[str, str]


class Kind(NamedTuple):
    """One kind of document, as its data file describes it."""

    id: str  # the file's name: to-trinh
    name: str  # Tờ trình
    model: str  # van-ban, ke-hoach, quyet-dinh
    template: str
    kind_line: bool
    summary_under_number: bool
    addressee: str
    sentences: dict[str, str]
    source: str
    may_be_normative: bool
    derived: tuple[Derived, ...]
    by_layout: dict[str, dict[str, str]]  # profile id → its own wording

    @property
    def summary_prefix(self) -> str:
        """What the summary under the number starts with («V/v »): the literal start of its sentence."""
        template = self.sentences.get("trich-yeu", "")
        return template.split("{", 1)[0] if self.summary_under_number else ""

    def sentence(self, name: str, overrides: dict[str, str] | None = None, layout: str | None = None) -> str | None:
        """The template of sentence `name`: the document's own wording if it gives one, else the kind's in the
        document's layout profile (`theo_the_thuc`), else the kind's."""
        if overrides and name in overrides:
            return overrides[name]
        own = self.by_layout.get(layout or "", {})
        return own[name] if name in own else self.sentences.get(name)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _load(path: Path):
    # libyaml's safe loader when PyYAML has it: the same data, read several times faster, at every start
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read(path: Path) -> Kind:
    data = _load(path)
    where = f"{path.name}"
    if not isinstance(data, dict):
        raise KindDataError(f"{where}: tệp loại văn bản phải là một khối «khóa: giá trị»")
    known = {"ten", "mo_hinh", "mau", "dong_ten_loai", "trich_yeu_duoi_so", "kinh_gui", "cau_chu", "co_the_quy_pham", "tu_khoi",
             "theo_the_thuc"}
    unknown = set(data) - known
    if unknown:
        raise KindDataError(f"{where}: khóa không dùng: {', '.join(sorted(unknown))}")
    for required in ("ten", "mo_hinh", "mau"):
        if not isinstance(data.get(required), str):
            raise KindDataError(f"{where}: thiếu khóa {required}")
    addressee = data.get("kinh_gui", "khong")
    if addressee not in ADDRESSEE:
        raise KindDataError(f"{where}: kinh_gui phải là {', '.join(ADDRESSEE)}")
    sentences = {**shared_sentences(), **_sentences(data.get("cau_chu"), where)}
    derived = tuple(_derived(entry, where) for entry in data.get("tu_khoi") or [])
    by_layout = _by_layout(data.get("theo_the_thuc"), sentences, where)
    return Kind(path.stem, unicodedata.normalize("NFC", data["ten"]), data["mo_hinh"], data["mau"],
                bool(data.get("dong_ten_loai", True)), bool(data.get("trich_yeu_duoi_so", False)), addressee,
                sentences, str(path), bool(data.get("co_the_quy_pham", False)), derived, by_layout)


def _by_layout(value, sentences: dict[str, str], where: str) -> dict[str, dict[str, str]]:
    """`theo_the_thuc: {hd36: {cau_chu: {…}}}`: each names a sentence the kind has (so that a document can still
    replace it by the same name)."""
    if not value:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, dict) and set(v) == {"cau_chu"} for v in value.values()):
        raise KindDataError(f"{where}: theo_the_thuc phải là các khối «mã-thể-thức: {{cau_chu: …}}»")
    out = {}
    for layout, entry in value.items():
        own = _sentences(entry["cau_chu"], where)
        unknown = sorted(set(own) - set(sentences))
        if unknown:
            raise KindDataError(f"{where}: theo_the_thuc.{layout} có câu loại văn bản không có: {', '.join(unknown)}")
        out[str(layout)] = own
    return out


def _sentences(value, where: str) -> dict[str, str]:
    value = value or {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise KindDataError(f"{where}: cau_chu phải là các dòng «tên-câu: mẫu câu»")
    return {str(k): unicodedata.normalize("NFC", v) for k, v in value.items()}


def _derived(entry, where: str) -> Derived:
    keys = ("ten", "khoi", "loai", "mau", "mo_ta", "nam_sau")
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in keys):
        raise KindDataError(f"{where}: mỗi phần tử của tu_khoi cần các khóa {', '.join(keys)} (và cau_chu)")
    text = {k: unicodedata.normalize("NFC", entry[k]) for k in keys}
    return Derived(text["ten"], text["khoi"], text["loai"], text["mau"], text["mo_ta"], text["nam_sau"],
                   _sentences(entry.get("cau_chu"), where))


@cache
def shared_sentences() -> dict[str, str]:
    """The sentences every kind has unless it words them itself (data/kinds/_chung.yaml)."""
    path = _FOLDER / _SHARED
    data = _load(path)
    if not isinstance(data, dict) or set(data) != {"cau_chu"}:
        raise KindDataError(f"{_SHARED}: tệp câu chữ dùng chung chỉ có khóa cau_chu")
    return _sentences(data["cau_chu"], _SHARED)


def sentences_of(type_name: str) -> dict[str, str]:
    """The sentences of the kind called `type_name`, or the shared ones for a type that is no kind (a file read
    as a plan with `loai: Chương trình`, a decision's attached «Quy chế»)."""
    kind = find(type_name)
    return kind.sentences if kind is not None else shared_sentences()


@cache
def all_kinds() -> tuple[Kind, ...]:
    """Every kind kehoach can write, in the order of their files' names."""
    return tuple(_kind_file(path) for path in sorted(_FOLDER.glob("*.yaml")) if not path.name.startswith("_"))


@cache
def _kind_file(path: Path) -> Kind:
    """The kind of the file `path`, read once: `find` and `all_kinds` share it."""
    return _read(path)


@cache
def _by_name() -> dict[str, Kind]:
    return {_key(kind.name): kind for kind in all_kinds()}


def find(name: str) -> Kind | None:
    """The kind called `name` (as `loai:` writes it; case and Unicode form ignored), or None.

    A kind's file is usually named by its name without marks (ke-hoach.yaml for Kế hoạch): that file is read first,
    and the others only when it is not the kind asked for (a check reads one plan, of one kind)."""
    if not isinstance(name, str):
        return None
    key = _key(name)
    file_id = _file_id(key)
    path = _FOLDER / f"{file_id}.yaml"
    if file_id and path.is_file():
        kind = _kind_file(path)
        if _key(kind.name) == key:
            return kind
    return _by_name().get(key)


def _file_id(key: str) -> str | None:
    """«ke-hoach» for «kế hoạch»: the name without its marks, words joined by «-»; None when that is not a plain
    file name (letters, digits and «-» only: nothing a `loai:` holds can name a file elsewhere)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", key.replace("đ", "d")) if not unicodedata.combining(c))
    file_id = "-".join(plain.split())
    return file_id if file_id and all(c.isascii() and (c.isalnum() or c == "-") for c in file_id) else None


def names() -> list[str]:
    return [kind.name for kind in all_kinds()]


def derived(block: str | None = None) -> list[Derived]:
    """Every document made from a block of another kind's file (or the one made from `block`)."""
    return [d for kind in all_kinds() for d in kind.derived if block is None or d.block == block]
