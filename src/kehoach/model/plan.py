"""The plan model: what a Kế hoạch of a People's Committee (or one of its offices) is made of.

Pure data, no I/O. YAML keys are Vietnamese without diacritics (what a clerk types); attributes are
English. Every field carries a Vietnamese description, so the JSON Schema and the docs come from here.
Cross-references (unit ids, document ids, section ids) are checked in `references.py`, which knows
where each value stands in the file.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date
from typing import Annotated, Any, ClassVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kehoach.conventions import money
from kehoach.conventions import doctypes

#: Ids are lower-case ASCII words joined by "-": easy to type, and never mistaken for a unit's name.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID_RE = re.compile(ID_PATTERN)
_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def is_id(text: str) -> bool:
    """True when `text` is written like an id (a reference), not like a name."""
    return bool(_ID_RE.match(text))


def _parse_date(value: Any) -> Any:
    """Accept the way clerks write dates (18/01/2022, 18/1/2022) and ISO (2022-01-18)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("kehoach_date", "cần một ngày viết dạng ngày/tháng/năm, ví dụ 18/01/2022")
    text = value.strip()
    if m := _SHORT_DATE.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO_DATE.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise PydanticCustomError(
            "kehoach_date",
            "«{value}» không phải một ngày; hãy viết dạng ngày/tháng/năm, ví dụ 18/01/2022",
            {"value": text},
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "kehoach_date",
            "ngày «{value}» không có trên lịch; hãy kiểm tra lại ngày và tháng",
            {"value": text},
        ) from None


VnDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$"}),
]


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _one_or_many(value: Any) -> Any:
    """Let a clerk write a single item without list brackets."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_nfc), Field(min_length=1)]
#: The JSON Schema of "one text, or a list of them", so that an editor accepts both ways of writing it.
_ONE_OR_MANY_TEXTS = {"anyOf": [{"type": "string", "minLength": 1},
                                {"type": "array", "items": {"type": "string", "minLength": 1}}]}

TextList = Annotated[list[Text], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_TEXTS)]


def _amount(value: Any) -> int:
    try:
        return money.parse_amount(value)
    except money.AmountError as error:
        raise PydanticCustomError("kehoach_amount", "{message}", {"message": str(error)}) from None


#: A sum of money in đồng: 1250000, "1.250.000" or "1.250.000 đồng" in the YAML (kehoach.conventions.money).
Amount = Annotated[
    int,
    BeforeValidator(_amount),
    # Loose on purpose: `kehoach check` says exactly what is wrong with a badly grouped amount.
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0},
                              {"type": "string", "pattern": r"^\s*\d[\d.]*\s*([Đđ]ồng|đ)?\s*$"}]}),
]

#: A unit: the id of a unit declared under `don_vi`, or (for a body outside the registry) its name.
UnitRef = Annotated[
    Text,
    Field(description="Mã đơn vị đã khai báo trong don_vi (chữ thường, nối bằng dấu -), hoặc tên đơn vị viết đầy đủ"),
]
UnitRefs = Annotated[list[UnitRef], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_TEXTS)]


def _review() -> Any:
    """`xem_lai`: what `kehoach new` carried over from last year's plan and the clerk must look at again.

    Never rendered; the rule review-needed reports each one until the clerk deletes it.
    """
    return Field(
        None,
        alias="xem_lai",
        description="Lý do cần xem lại phần này (kehoach new ghi khi lập kế hoạch năm sau từ kế hoạch năm trước);"
        " không in ra văn bản. Xem và sửa xong thì xóa khóa này",
    )


def _no_items() -> list:
    """An empty list, as a field's default. Not `default_factory=list`: pydantic inspects the signature of every
    factory, and a builtin's costs a parse of its text signature (about 4 ms at each start for the ~20 fields)."""
    return []


def _no_entries() -> dict:
    """An empty mapping, as a field's default (see _no_items)."""
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        # An alias bomb or a huge value must never be formatted into a message.
        hide_input_in_errors=True,
    )


class Organ(_Model):
    """The issuing organ (ô 2 of the ND30 layout) and the place name (ô 4)."""

    parent: Text | None = Field(
        None,
        alias="chu_quan",
        description="Tên cơ quan chủ quản trực tiếp (in hoa, không đậm), nếu có; UBND huyện, xã không dùng",
    )
    name_lines: TextList = Field(
        alias="ten",
        min_length=1,
        description="Tên cơ quan ban hành, mỗi dòng một phần tử, ví dụ [ỦY BAN NHÂN DÂN, HUYỆN MƯỜNG ẢNG]",
    )
    abbreviation: Text = Field(
        alias="viet_tat", description="Chữ viết tắt tên cơ quan dùng trong ký hiệu văn bản, ví dụ UBND"
    )
    place: Text = Field(
        alias="dia_danh",
        description="Địa danh ghi trước ngày tháng: tên đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ Mường Ảng",
    )
    full_name: Text | None = Field(
        None,
        alias="ten_day_du",
        description="Tên cơ quan viết trong câu chữ, ví dụ «Ủy ban nhân dân huyện Mường Ảng» (dòng «Kèm theo … của …»"
        " của Phụ lục); bỏ trống thì kehoach tự ghép từ tên Ủy ban nhân dân và địa danh",
    )

    @property
    def running_name(self) -> str | None:
        """The organ's name in running text: `ten_day_du`, or derived for a People's Committee.

        ỦY BAN NHÂN DÂN / HUYỆN MƯỜNG ẢNG with place Mường Ảng gives «Ủy ban nhân dân huyện Mường Ảng»; the level
        stays lower case before a proper name (ND30 Phụ lục II). Other organs cannot be derived: None.
        """
        if self.full_name:
            return self.full_name
        name = " ".join(" ".join(self.name_lines).upper().replace("UỶ", "ỦY").split())
        place = self.place.upper()
        prefix = "ỦY BAN NHÂN DÂN "
        if not name.startswith(prefix):
            return None
        rest = name[len(prefix):]
        if rest == place:  # «Thành phố Hồ Chí Minh» is the place's own full name
            return f"Ủy ban nhân dân {self.place}"
        for level in ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU"):
            if rest == f"{level} {place}":
                return f"Ủy ban nhân dân {level.lower()} {self.place}"
        return None


class Unit(_Model):
    """A unit that is given tasks, receives the plan or keeps its file."""

    name: Text = Field(alias="ten", description="Tên đầy đủ, dùng ở tiêu đề phần Tổ chức thực hiện")
    short_name: Text | None = Field(
        None,
        alias="ten_ngan",
        description="Tên gọi ngắn dùng trong nhiệm vụ và Nơi nhận; bỏ trống thì dùng tên đầy đủ",
    )
    code: Text | None = Field(
        None, alias="viet_tat", description="Chữ viết tắt ghi ở dòng «Lưu: VT, …», ví dụ LĐTBXH"
    )
    # One id or a list of them (`thuoc: bcd`), which the JSON Schema of editors must accept too.
    members_of: Annotated[
        list[Annotated[str, Field(pattern=ID_PATTERN)]],
        BeforeValidator(_one_or_many),
        WithJsonSchema({"anyOf": [{"type": "string", "pattern": ID_PATTERN},
                                  {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}}]}),
    ] = Field(
        default_factory=_no_items,
        alias="thuoc",
        description="Mã các nhóm, ban mà đơn vị này là thành viên, ví dụ bcd; nhóm nhận kế hoạch (hoặc có nhiệm vụ)"
        " thì đơn vị thành viên cũng được coi là đã nhận",
    )

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class CitedDocument(_Model):
    """A document the plan cites: held once, referred to by its id wherever it is cited."""

    type: Text = Field(alias="loai", description="Tên loại văn bản, ví dụ Quyết định, Thông tư, Kế hoạch, Luật")
    number: Text | None = Field(
        None, alias="so", description="Số, ký hiệu, ví dụ 90/QĐ-TTg; Luật và Pháp lệnh không ghi số"
    )
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ban hành, ví dụ 18/01/2022")
    issuer: Text | None = Field(
        None, alias="co_quan", description="Cơ quan hoặc người có thẩm quyền ban hành, ví dụ Thủ tướng Chính phủ"
    )
    title: Text | None = Field(
        None,
        alias="trich_yeu",
        description="Trích yếu như được trích dẫn, kể cả từ mở đầu, ví dụ «về việc phê duyệt …»; với Luật là tên luật",
    )
    review: Text | None = _review()

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if doctypes.find(value) is None:
            raise _unknown_doctype(value, doctypes.names())
        return value


class Basis(_Model):
    """One legal basis: a cited document, or free text for what a citation does not fit."""

    document: Text | None = Field(None, alias="van_ban", description="Mã văn bản đã khai báo trong van_ban")
    text: Text | None = Field(
        None,
        alias="noi_dung",
        description="Căn cứ viết tự do (ví dụ «Căn cứ Luật Lâm nghiệp năm 2017», «Thực hiện …»), không cần dấu cuối",
    )
    lead: Text = Field(
        "Căn cứ", alias="mo_dau", description="Từ mở đầu khi trích dẫn văn bản: «Căn cứ» (mặc định) hoặc «Thực hiện»"
    )
    review: Text | None = _review()

    @model_validator(mode="after")
    def _one_source(self) -> Basis:
        if self.document is not None and self.text is not None:
            raise PydanticCustomError(
                "kehoach_basis",
                "căn cứ này có cả van_ban và noi_dung; mỗi căn cứ chỉ dùng một trong hai khóa, hãy bỏ một khóa"
                " (hoặc tách thành hai căn cứ)",
            )
        if self.document is None and self.text is None:
            raise PydanticCustomError(
                "kehoach_basis",
                "căn cứ này thiếu nội dung; hãy thêm van_ban (mã văn bản) hoặc noi_dung (căn cứ viết tự do)",
            )
        return self


class Bullet(_Model):
    """A "-" item of body text."""

    tag: ClassVar[str] = "gach"
    text: Text = Field(alias="gach", description="Một ý gạch đầu dòng «- …»")


def _unknown_doctype(value: str, known: list[str]) -> PydanticCustomError:
    """A type name not in the table: the near miss if there is one, else the names that can be used."""
    message = "loại văn bản «{value}» không có trong bảng tên loại (Phụ lục III Nghị định 30/2020/NĐ-CP); "
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        return PydanticCustomError("kehoach_doctype", message + "có phải «{close}»?", {"value": value, "close": close[0]})
    return PydanticCustomError(
        "kehoach_doctype", message + "hãy dùng một trong các loại: {known}", {"value": value, "known": ", ".join(known)}
    )


def _block_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "doan"
    if isinstance(value, dict):
        for tag in ("muc", "hoat_dong", "nhiem_vu", "gach"):
            if tag in value:
                return tag
    if isinstance(value, BaseModel):
        return getattr(value, "tag", None)
    return None


Block = Annotated[
    Union[
        Annotated[Text, Tag("doan")],
        Annotated["Section", Tag("muc")],
        Annotated["Activity", Tag("hoat_dong")],
        Annotated["Duty", Tag("nhiem_vu")],
        Annotated[Bullet, Tag("gach")],
    ],
    Discriminator(
        _block_tag,
        custom_error_type="kehoach_block",
        custom_error_message=(
            "mỗi phần tử của noi_dung là một đoạn văn, hoặc một khối có một trong các khóa: "
            "muc (mục có số), hoat_dong (hoạt động), nhiem_vu (nhiệm vụ của đơn vị), gach (ý gạch đầu dòng)"
        ),
    ),
]


class Section(_Model):
    """A numbered heading with its content; numbers (I., 1., a)) come from its depth at render time."""

    tag: ClassVar[str] = "muc"
    title: Text = Field(alias="muc", description="Tiêu đề mục, không ghi số (số do kehoach đánh)")
    id: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(
        None, description="Mã của mục để dẫn chiếu trong văn bản bằng [[mã]]"
    )
    review: Text | None = _review()
    content: list[Block] = Field(default_factory=_no_items, alias="noi_dung", description="Nội dung của mục")


class Activity(_Model):
    """An activity of the plan with who leads, who carries it out and who coordinates."""

    tag: ClassVar[str] = "hoat_dong"
    title: Text = Field(alias="hoat_dong", description="Tên hoạt động, không ghi số")
    id: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(None, description="Mã để dẫn chiếu bằng [[mã]]")
    review: Text | None = _review()
    content: Text | None = Field(None, alias="noi_dung", description="Nội dung hoạt động (dòng «- Nội dung: …»)")
    lead: UnitRefs = Field(default_factory=_no_items, alias="chu_tri", description="Đơn vị chủ trì")
    implementing: UnitRefs = Field(
        default_factory=_no_items, alias="thuc_hien", description="Đơn vị trực tiếp thực hiện"
    )
    coordinating: UnitRefs = Field(default_factory=_no_items, alias="phoi_hop", description="Đơn vị phối hợp")
    period: Text | None = Field(None, alias="thoi_gian", description="Thời gian thực hiện, ví dụ Quý III năm 2024")
    budget: Amount | None = Field(
        None, alias="kinh_phi", description="Kinh phí (đồng), ví dụ 15.000.000 hoặc 15.000.000 đồng"
    )


class Duty(_Model):
    """What one unit must do (part «Tổ chức thực hiện»): the unit's name as the heading, then its tasks."""

    tag: ClassVar[str] = "nhiem_vu"
    unit: UnitRef = Field(alias="nhiem_vu", description="Đơn vị được giao nhiệm vụ")
    id: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(None, description="Mã để dẫn chiếu bằng [[mã]]")
    title: Text | None = Field(
        None, alias="tieu_de", description="Tiêu đề nếu khác tên đầy đủ của đơn vị (mặc định: tên đầy đủ)"
    )
    review: Text | None = _review()
    content: list[Block] = Field(default_factory=_no_items, alias="noi_dung", description="Các nhiệm vụ")


class Recipients(_Model):
    """«Nơi nhận» (ô 9b): who receives the plan, and who keeps the file."""

    send_to: UnitRefs = Field(alias="gui", description="Nơi nhận, mỗi dòng một nơi: mã đơn vị hoặc tên viết tự do")
    archive: UnitRefs = Field(
        alias="luu",
        description="Đơn vị soạn thảo lưu hồ sơ, sau «VT» (mã đơn vị hoặc chữ viết tắt, có thể kèm số bản, ví dụ HC (2))",
    )


_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s+\S")
_AUTHORITY_LOOSE = re.compile(r"^(TM|KT|TUQ|TL|Q)(?:\.\s*|\s+)(\S.*)$")


def _authority_line(line: str) -> str:
    if _AUTHORITY.match(line):
        return line
    message = "dòng thẩm quyền «{line}» phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. rồi đến chức danh"
    if m := _AUTHORITY_LOOSE.match(line):  # "KT CHỦ TỊCH", "KT.CHỦ TỊCH": only the dot or the space is off
        fixed = f"{m.group(1)}. {m.group(2)}"
        raise PydanticCustomError("kehoach_authority", message + "; có phải «{fixed}»?", {"line": line, "fixed": fixed})
    raise PydanticCustomError("kehoach_authority", message + ", ví dụ «KT. CHỦ TỊCH»", {"line": line})


AuthorityLine = Annotated[Text, AfterValidator(_authority_line)]


class Signature(_Model):
    """The signature block (ô 7a, 7b, 7c)."""

    authority: Annotated[list[AuthorityLine], BeforeValidator(_one_or_many)] = Field(
        default_factory=_no_items,
        alias="quyen_han",
        description="Các dòng thẩm quyền ký, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ., ví dụ TM. ỦY BAN NHÂN DÂN",
    )
    position: Text = Field(alias="chuc_vu", description="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
    name: Text = Field(alias="ho_ten", description="Họ và tên người ký, không ghi học hàm, học vị")


#: The appendix's title unless the clerk gives one, followed by the document's type: «… thực hiện Kế hoạch».
DEFAULT_APPENDIX_TITLE = "Danh mục nhiệm vụ thực hiện"


class Appendix(_Model):
    """The appendix of tasks: a table made from the plan's activities (ND30 Phụ lục I, III.1)."""

    title: Text | None = Field(
        None, alias="tieu_de", description=f"Tên Phụ lục, mặc định «{DEFAULT_APPENDIX_TITLE}» và tên loại văn bản, ví dụ"
        f" «{DEFAULT_APPENDIX_TITLE} Kế hoạch»"
    )


def _appendix_switch(value: Any) -> Any:
    """`phu_luc: true` (default title), `phu_luc: Tên phụ lục`, or `phu_luc: {tieu_de: …}`; false: none."""
    if value is True:
        return {}
    if value is False:
        return None
    if isinstance(value, str):
        return {"tieu_de": value}
    return value


def _has_activity(blocks: list) -> bool:
    pending = list(blocks)
    while pending:
        block = pending.pop()
        if isinstance(block, Activity):
            return True
        if isinstance(block, (Section, Duty)):
            pending.extend(block.content)
    return False


# -- The other documents made from the same data: the Quyết định that issues the plan and the Báo cáo on its
# results (kehoach render --doc quyet-dinh | bao-cao). Each has its own number and date; what it leaves out
# (signer, recipients) it takes from the plan.

#: A document's number, written as a number in YAML (so: 185) and read as text to keep a leading zero.
DocNumber = Annotated[
    str,
    Field(pattern=r"^\d+$"),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\d+$"}]}),
]

#: The status of an activity in the report: what the clerk writes → what the report prints.
STATUSES = {"da-xong": "Đã hoàn thành", "dang-lam": "Đang thực hiện", "chua-lam": "Chưa thực hiện"}


def _status(value: Any) -> Any:
    """da-xong, dang-lam, chua-lam; the printed words («Đã hoàn thành») are accepted too."""
    choices = "da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc chua-lam (Chưa thực hiện)"
    if not isinstance(value, str):
        raise PydanticCustomError("kehoach_status", "cần một tình trạng: {choices}", {"choices": choices})
    text = unicodedata.normalize("NFC", value).strip()
    by_words = {words.casefold(): key for key, words in STATUSES.items()}
    if text in STATUSES or text.casefold() in by_words:
        return by_words.get(text.casefold(), text)
    close = difflib.get_close_matches(text.lower(), list(STATUSES), n=1, cutoff=0.6)
    hint = f"; có phải «{close[0]}»?" if close else ""
    raise PydanticCustomError("kehoach_status", "tình trạng «{value}» không có; hãy ghi {choices}{hint}",
                              {"value": text[:80], "choices": choices, "hint": hint})


# Loose on purpose (the printed words are accepted too); an editor suggests the three codes.
Status = Annotated[str, BeforeValidator(_status), WithJsonSchema({"type": "string", "examples": list(STATUSES)})]


class Decision(_Model):
    """The Quyết định that issues the plan (ND30 Phụ lục III, Mẫu 1.3): its own number, date and bases."""

    number: DocNumber | None = Field(None, alias="so", description="Số của Quyết định (chỉ phần số); bỏ trống khi là"
                                     " dự thảo. Số, ngày của Kế hoạch là so, ngay của kế hoạch")
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ký Quyết định; bỏ trống khi là dự thảo")
    year: Annotated[int, Field(ge=1945, le=2100)] | None = Field(
        None, alias="nam", description="Năm ghi ở dòng ngày tháng khi chưa có ngày (mặc định: năm của kế hoạch)"
    )
    review: Text | None = _review()
    summary: Text | None = Field(
        None, alias="trich_yeu",
        description="Trích yếu nếu khác mặc định «Về việc ban hành Kế hoạch <trích yếu của kế hoạch>»",
    )
    authority: Text | None = Field(
        None, alias="tham_quyen",
        description="Thẩm quyền ban hành (dòng in hoa trên các căn cứ); mặc định tên cơ quan, ví dụ ỦY BAN NHÂN DÂN"
        " HUYỆN MƯỜNG ẢNG. Quyết định của người đứng đầu thì ghi chức vụ, ví dụ GIÁM ĐỐC SỞ NỘI VỤ",
    )
    bases: list[Basis] = Field(default_factory=_no_items, alias="can_cu",
                               description="Căn cứ ban hành Quyết định, viết như can_cu của kế hoạch")
    proposer: UnitRef | None = Field(
        None, alias="de_nghi",
        description="Đơn vị trình (dòng «Theo đề nghị của …»): mã đơn vị (in chức danh người đứng đầu, ví dụ «Trưởng"
        " phòng Lao động - Thương binh và Xã hội huyện») hoặc chức danh viết đầy đủ",
    )
    executors: UnitRefs = Field(
        default_factory=_no_items, alias="thi_hanh",
        description="Người chịu trách nhiệm thi hành (Điều 3): mã đơn vị (in chức danh người đứng đầu) hoặc viết đầy"
        " đủ, ví dụ «Thủ trưởng các cơ quan, đơn vị có liên quan»; mặc định: đơn vị trình và các cơ quan có liên quan",
    )
    effect: Text = Field("Quyết định này có hiệu lực thi hành kể từ ngày ký.", alias="hieu_luc",
                         description="Điều 2, mặc định «Quyết định này có hiệu lực thi hành kể từ ngày ký.»")
    recipients: Recipients | None = Field(
        None, alias="noi_nhan", description="Nơi nhận; mặc định «Như Điều 3» và dòng Lưu của kế hoạch"
    )
    signature: Signature | None = Field(None, alias="ky", description="Người ký; mặc định người ký kế hoạch")

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None


class ActivityResult(_Model):
    """What became of one activity of the plan, for the report's table."""

    status: Status = Field(alias="tinh_trang", description="da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc"
                           " chua-lam (Chưa thực hiện)")
    result: Text | None = Field(None, alias="ket_qua", description="Kết quả đạt được, ví dụ «Đã phát sóng 24 tin, bài»")
    spent: Amount | None = Field(None, alias="kinh_phi", description="Kinh phí đã chi (đồng), ví dụ 12.500.000")


class Results(_Model):
    """The results of the plan, for the Báo cáo kết quả thực hiện Kế hoạch (Mẫu 1.4, with a status table)."""

    number: DocNumber | None = Field(None, alias="so", description="Số của Báo cáo (chỉ phần số); bỏ trống khi là"
                                     " dự thảo")
    date: VnDate | None = Field(None, alias="ngay", description="Ngày của Báo cáo; bỏ trống khi là dự thảo")
    year: Annotated[int, Field(ge=1945, le=2100)] | None = Field(
        None, alias="nam", description="Năm ghi ở dòng ngày tháng khi chưa có ngày (mặc định: năm của kế hoạch)"
    )
    review: Text | None = _review()
    summary: Text | None = Field(
        None, alias="trich_yeu",
        description="Trích yếu nếu khác mặc định «Kết quả thực hiện Kế hoạch số … ngày … của …»",
    )
    addressee: UnitRefs = Field(
        default_factory=_no_items, alias="kinh_gui",
        description="Cơ quan cấp trên nhận Báo cáo (dòng «Kính gửi:»), mã đơn vị hoặc tên; bỏ trống nếu không gửi cấp"
        " trên",
    )
    opening: TextList = Field(default_factory=_no_items, alias="mo_dau",
                              description="Đoạn mở đầu; mặc định «Thực hiện Kế hoạch số … , … báo cáo kết quả như sau:»")
    activities: dict[Annotated[str, Field(pattern=ID_PATTERN)], ActivityResult] = Field(
        default_factory=_no_entries, alias="hoat_dong",
        description="Kết quả từng hoạt động, theo mã (id) của hoạt động trong noi_dung; mỗi hoạt động một mục",
    )
    overall: TextList = Field(default_factory=_no_items, alias="danh_gia_chung", description="Đánh giá chung")
    shortcomings: TextList = Field(default_factory=_no_items, alias="ton_tai", description="Tồn tại, hạn chế")
    proposals: TextList = Field(default_factory=_no_items, alias="kien_nghi", description="Kiến nghị, đề xuất")
    closing: TextList = Field(default_factory=_no_items, alias="ket_luan",
                              description="Đoạn kết; mặc định «Trên đây là Báo cáo kết quả thực hiện Kế hoạch số …./.»")
    recipients: Recipients | None = Field(
        None, alias="noi_nhan",
        description="Nơi nhận; mặc định «Như trên» (khi có kinh_gui) hoặc nơi nhận của kế hoạch, và dòng Lưu của kế hoạch",
    )
    signature: Signature | None = Field(None, alias="ky", description="Người ký; mặc định người ký kế hoạch")

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None


class Plan(_Model):
    """A plan (Kế hoạch) or another administrative document of the same shape."""

    type: Text = Field("Kế hoạch", alias="loai", description="Tên loại văn bản (Phụ lục III), mặc định Kế hoạch")
    organ: Organ = Field(alias="co_quan", description="Cơ quan ban hành")
    number: Annotated[
        str,
        Field(pattern=r"^\d+$"),
        # Written as a number in YAML (so: 185), read as text to keep a leading zero (so: "05").
        WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\d+$"}]}),
    ] | None = Field(
        None, alias="so", description="Số văn bản (chỉ phần số); bỏ trống khi là dự thảo"
    )
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ban hành; bỏ trống khi là dự thảo")
    year: Annotated[int, Field(ge=1945, le=2100)] | None = Field(
        None, alias="nam", description="Năm ban hành dự kiến, ghi ở dòng ngày tháng khi chưa có ngày"
    )
    summary: Text = Field(
        alias="trich_yeu", description="Trích yếu nội dung; xuống dòng trong tiêu đề thì viết nhiều dòng (dấu |)"
    )
    # Read and merged into don_vi / van_ban before validation, by kehoach.source.registry.
    shared: TextList = Field(
        default_factory=_no_items,
        alias="dung_chung",
        description="Tệp dùng chung khai báo don_vi, van_ban cho nhiều kế hoạch (một đường dẫn hoặc danh sách;"
        " thư mục là mọi tệp .yaml trong đó), tính từ thư mục của kế hoạch, ví dụ ../dung-chung/van-ban.yaml",
    )
    units: dict[Annotated[str, Field(pattern=ID_PATTERN)], Unit] = Field(
        default_factory=_no_entries, alias="don_vi", description="Các đơn vị, theo mã"
    )
    documents: dict[Annotated[str, Field(pattern=ID_PATTERN)], CitedDocument] = Field(
        default_factory=_no_entries, alias="van_ban", description="Các văn bản được trích dẫn, theo mã"
    )
    bases: list[Basis] = Field(default_factory=_no_items, alias="can_cu", description="Căn cứ ban hành")
    opening: TextList = Field(default_factory=_no_items, alias="mo_dau", description="Đoạn mở đầu sau các căn cứ")
    body: list[Section] = Field(alias="noi_dung", min_length=1, description="Các mục lớn (I., II., …) của kế hoạch")
    closing: TextList = Field(default_factory=_no_items, alias="ket_luan", description="Đoạn kết")
    recipients: Recipients = Field(alias="noi_nhan", description="Nơi nhận")
    signature: Signature = Field(alias="ky", description="Người ký")
    appendix: Annotated[
        Appendix | None,
        BeforeValidator(_appendix_switch),
        WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "minLength": 1}, {
            "type": "object", "additionalProperties": False,
            "properties": {"tieu_de": {"type": "string", "minLength": 1}}}]}),
    ] = Field(
        None,
        alias="phu_luc",
        description="Thêm Phụ lục danh mục nhiệm vụ (bảng lập từ các hoạt động, trang nằm ngang): true, hoặc tên"
        " Phụ lục, hoặc khối có tieu_de",
    )
    decision: Decision | None = Field(
        None, alias="quyet_dinh",
        description="Quyết định ban hành kế hoạch (kehoach render --doc quyet-dinh): số, ngày, căn cứ, đơn vị trình,"
        " người thi hành",
    )
    results: Results | None = Field(
        None, alias="ket_qua",
        description="Kết quả thực hiện kế hoạch, để lập Báo cáo (kehoach render --doc bao-cao): số, ngày, tình trạng"
        " và kết quả từng hoạt động, đánh giá chung, tồn tại, kiến nghị",
    )

    @field_validator("results")
    @classmethod
    def _results_can_be_reported(cls, value: Results | None, info: ValidationInfo) -> Results | None:
        organ = info.data.get("organ")
        if value is not None and organ is not None and organ.running_name is None:
            raise PydanticCustomError(
                "kehoach_results",
                "Báo cáo cần tên đầy đủ của cơ quan cho trích yếu «Kết quả thực hiện Kế hoạch số … của …»; hãy thêm"
                " khóa ten_day_du vào co_quan, ví dụ «ten_day_du: Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên»",
            )
        return value

    @field_validator("appendix")
    @classmethod
    def _appendix_can_be_made(cls, value: Appendix | None, info: ValidationInfo) -> Appendix | None:
        organ, body = info.data.get("organ"), info.data.get("body")
        if value is None:
            return value
        if body is not None and not _has_activity(body):
            raise PydanticCustomError(
                "kehoach_appendix",
                "kế hoạch chưa có hoạt động nào (hoat_dong) để lập bảng Phụ lục; hãy thêm hoạt động hoặc bỏ khóa"
                " phu_luc",
            )
        if organ is not None and organ.running_name is None:
            raise PydanticCustomError(
                "kehoach_appendix",
                "Phụ lục cần tên đầy đủ của cơ quan cho dòng «(Kèm theo … của …)»; hãy thêm khóa ten_day_du vào"
                " co_quan, ví dụ «ten_day_du: Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên»",
            )
        return value

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        found = doctypes.find(value)
        if found is None:
            raise _unknown_doctype(value, [t.name for t in doctypes.all_types() if t.abbreviation])
        if not found.abbreviation:
            raise PydanticCustomError(
                "kehoach_doctype",
                "loại văn bản «{value}» không có chữ viết tắt trong Phụ lục III Nghị định 30/2020/NĐ-CP nên không"
                " ghép được ký hiệu (như KH-UBND); hãy dùng một loại có chữ viết tắt, ví dụ Kế hoạch",
                {"value": value},
            )
        return value

    @property
    def is_draft(self) -> bool:
        """A plan without its number or date has not been issued yet."""
        return self.number is None or self.date is None

    @property
    def doc_type(self) -> doctypes.DocType:
        found = doctypes.find(self.type)
        assert found is not None  # checked by the validator
        return found

    @property
    def appendix_title(self) -> str | None:
        """The title of the Phụ lục, if the plan has one: the clerk's, or the default for its type."""
        if self.appendix is None:
            return None
        return self.appendix.title or f"{DEFAULT_APPENDIX_TITLE} {self.doc_type.name}"

    @property
    def symbol(self) -> str:
        """The ký hiệu after the number, e.g. KH-UBND (ND30 Phụ lục I, II.3.b)."""
        return f"{self.doc_type.abbreviation}-{self.organ.abbreviation}"


Section.model_rebuild()
Duty.model_rebuild()
