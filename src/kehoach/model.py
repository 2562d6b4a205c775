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
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kehoach import doctypes

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

#: A unit: the id of a unit declared under `don_vi`, or (for a body outside the registry) its name.
UnitRef = Annotated[
    Text,
    Field(description="Mã đơn vị đã khai báo trong don_vi (chữ thường, nối bằng dấu -), hoặc tên đơn vị viết đầy đủ"),
]
UnitRefs = Annotated[list[UnitRef], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_TEXTS)]


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
        description="Tên cơ quan ban hành, mỗi dòng một phần tử, ví dụ [ỦY BAN NHÂN DÂN, HUYỆN MƯỜNG ẢNG]",
    )
    abbreviation: Text = Field(
        alias="viet_tat", description="Chữ viết tắt tên cơ quan dùng trong ký hiệu văn bản, ví dụ UBND"
    )
    place: Text = Field(
        alias="dia_danh",
        description="Địa danh ghi trước ngày tháng: tên đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ Mường Ảng",
    )


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
        default_factory=list,
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
    content: list[Block] = Field(default_factory=list, alias="noi_dung", description="Nội dung của mục")


class Activity(_Model):
    """An activity of the plan with who leads, who carries it out and who coordinates."""

    tag: ClassVar[str] = "hoat_dong"
    title: Text = Field(alias="hoat_dong", description="Tên hoạt động, không ghi số")
    id: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(None, description="Mã để dẫn chiếu bằng [[mã]]")
    content: Text | None = Field(None, alias="noi_dung", description="Nội dung hoạt động (dòng «- Nội dung: …»)")
    lead: UnitRefs = Field(default_factory=list, alias="chu_tri", description="Đơn vị chủ trì")
    implementing: UnitRefs = Field(
        default_factory=list, alias="thuc_hien", description="Đơn vị trực tiếp thực hiện"
    )
    coordinating: UnitRefs = Field(default_factory=list, alias="phoi_hop", description="Đơn vị phối hợp")
    period: Text | None = Field(None, alias="thoi_gian", description="Thời gian thực hiện, ví dụ Quý III năm 2024")
    budget: Text | None = Field(None, alias="kinh_phi", description="Kinh phí, ví dụ 15.000.000 đồng")


class Duty(_Model):
    """What one unit must do (part «Tổ chức thực hiện»): the unit's name as the heading, then its tasks."""

    tag: ClassVar[str] = "nhiem_vu"
    unit: UnitRef = Field(alias="nhiem_vu", description="Đơn vị được giao nhiệm vụ")
    id: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(None, description="Mã để dẫn chiếu bằng [[mã]]")
    title: Text | None = Field(
        None, alias="tieu_de", description="Tiêu đề nếu khác tên đầy đủ của đơn vị (mặc định: tên đầy đủ)"
    )
    content: list[Block] = Field(default_factory=list, alias="noi_dung", description="Các nhiệm vụ")


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
        default_factory=list,
        alias="quyen_han",
        description="Các dòng thẩm quyền ký, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ., ví dụ TM. ỦY BAN NHÂN DÂN",
    )
    position: Text = Field(alias="chuc_vu", description="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
    name: Text = Field(alias="ho_ten", description="Họ và tên người ký, không ghi học hàm, học vị")


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
    units: dict[Annotated[str, Field(pattern=ID_PATTERN)], Unit] = Field(
        default_factory=dict, alias="don_vi", description="Các đơn vị, theo mã"
    )
    documents: dict[Annotated[str, Field(pattern=ID_PATTERN)], CitedDocument] = Field(
        default_factory=dict, alias="van_ban", description="Các văn bản được trích dẫn, theo mã"
    )
    bases: list[Basis] = Field(default_factory=list, alias="can_cu", description="Căn cứ ban hành")
    opening: TextList = Field(default_factory=list, alias="mo_dau", description="Đoạn mở đầu sau các căn cứ")
    body: list[Section] = Field(alias="noi_dung", description="Các mục lớn (I., II., …) của kế hoạch")
    closing: TextList = Field(default_factory=list, alias="ket_luan", description="Đoạn kết")
    recipients: Recipients = Field(alias="noi_nhan", description="Nơi nhận")
    signature: Signature = Field(alias="ky", description="Người ký")

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
    def symbol(self) -> str:
        """The ký hiệu after the number, e.g. KH-UBND (ND30 Phụ lục I, II.3.b)."""
        return f"{self.doc_type.abbreviation}-{self.organ.abbreviation}"


Section.model_rebuild()
Duty.model_rebuild()
