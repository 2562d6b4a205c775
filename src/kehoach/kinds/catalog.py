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
A document replaces any of those sentences with its own `cau_chu:`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

_FOLDER = Path(__file__).resolve().parent.parent / "data" / "kinds"
ADDRESSEE = ("khong", "co", "bat-buoc")


class KindDataError(ValueError):
    """A kind's data file is malformed: a fault of the installation, said plainly for whoever edits it."""


@dataclass(frozen=True)
class Kind:
    """One kind of document, as its data file describes it."""

    id: str  # the file's name: to-trinh
    name: str  # Tờ trình
    model: str  # van-ban, ke-hoach, quyet-dinh
    template: str
    kind_line: bool = True
    summary_under_number: bool = False
    addressee: str = "khong"
    sentences: dict[str, str] = field(default_factory=dict)
    source: str = ""
    may_be_normative: bool = False

    @property
    def summary_prefix(self) -> str:
        """What the summary under the number starts with («V/v »): the literal start of its sentence."""
        template = self.sentences.get("trich-yeu", "")
        return template.split("{", 1)[0] if self.summary_under_number else ""

    def sentence(self, name: str, overrides: dict[str, str] | None = None) -> str | None:
        """The template of sentence `name`: the document's own wording if it gives one, else the kind's."""
        if overrides and name in overrides:
            return overrides[name]
        return self.sentences.get(name)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _read(path: Path) -> Kind:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = f"{path.name}"
    if not isinstance(data, dict):
        raise KindDataError(f"{where}: tệp loại văn bản phải là một khối «khóa: giá trị»")
    known = {"ten", "mo_hinh", "mau", "dong_ten_loai", "trich_yeu_duoi_so", "kinh_gui", "cau_chu", "co_the_quy_pham"}
    unknown = set(data) - known
    if unknown:
        raise KindDataError(f"{where}: khóa không dùng: {', '.join(sorted(unknown))}")
    for required in ("ten", "mo_hinh", "mau"):
        if not isinstance(data.get(required), str):
            raise KindDataError(f"{where}: thiếu khóa {required}")
    addressee = data.get("kinh_gui", "khong")
    if addressee not in ADDRESSEE:
        raise KindDataError(f"{where}: kinh_gui phải là {', '.join(ADDRESSEE)}")
    sentences = data.get("cau_chu") or {}
    if not isinstance(sentences, dict) or not all(isinstance(v, str) for v in sentences.values()):
        raise KindDataError(f"{where}: cau_chu phải là các dòng «tên-câu: mẫu câu»")
    return Kind(path.stem, unicodedata.normalize("NFC", data["ten"]), data["mo_hinh"], data["mau"],
                bool(data.get("dong_ten_loai", True)), bool(data.get("trich_yeu_duoi_so", False)), addressee,
                {str(k): unicodedata.normalize("NFC", v) for k, v in sentences.items()}, str(path),
                bool(data.get("co_the_quy_pham", False)))


@cache
def all_kinds() -> tuple[Kind, ...]:
    """Every kind kehoach can write, in the order of their files' names."""
    return tuple(_read(path) for path in sorted(_FOLDER.glob("*.yaml")))


@cache
def _by_name() -> dict[str, Kind]:
    return {_key(kind.name): kind for kind in all_kinds()}


def find(name: str) -> Kind | None:
    """The kind called `name` (as `loai:` writes it; case and Unicode form ignored), or None."""
    return _by_name().get(_key(name)) if isinstance(name, str) else None


def names() -> list[str]:
    return [kind.name for kind in all_kinds()]
