"""The parts every document is made of, whatever its kind: the organ, units, cited documents, legal bases,
«Kính gửi», «Nơi nhận» and the signature (ND30 Phụ lục I, ô 2, 7, 9); and the parts a decision has wherever it is
written. Cross-references are checked in `references.py`.
"""

import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kehoach.conventions import doctypes
from kehoach.model.fields import (
    ID_PATTERN,
    _ONE_OR_MANY_TEXTS,
    Id,
    Review,
    Text,
    TextList,
    UnitRef,
    UnitRefs,
    VnDate,
    WrittenDate,
    Year,
    _Model,
    _no_entries,
    _no_items,
    _one_or_many,
    _unknown_doctype,
    check_written_date,
)

#: How a citation writes its date (kehoach.conventions.citations): so (18/01/2022) or chu (18 tháng 01 năm 2022).
DateStyle = Literal["so", "chu"]


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
        list[Id],
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
    """A document the plan cites: held once, referred to by its id wherever it is cited.

    How it is written in a sentence is composed in one place, kehoach.conventions.citations.
    """

    type: Text = Field(alias="loai", description="Tên loại văn bản, ví dụ Quyết định, Thông tư, Kế hoạch, Luật")
    number: Text | None = Field(
        None, alias="so", description="Số, ký hiệu, ví dụ 90/QĐ-TTg, 06/2022/TT-BTTTT, 05-CT/TW (văn bản của Đảng);"
        " Luật, Bộ luật thường không ghi số"
    )
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ban hành (Luật: ngày thông qua), ví dụ 18/01/2022")
    issuer: Text | None = Field(
        None, alias="co_quan", description="Cơ quan hoặc người có thẩm quyền ban hành, ví dụ Thủ tướng Chính phủ"
    )
    title: Text | None = Field(
        None,
        alias="trich_yeu",
        description="Trích yếu như được trích dẫn, kể cả từ mở đầu, ví dụ «về việc phê duyệt …»; với Luật là tên luật",
    )
    date_style: DateStyle | None = Field(
        None, alias="kieu_ngay",
        description="Cách viết ngày khi trích dẫn: so (ngày 18/01/2022) hoặc chu (ngày 18 tháng 01 năm 2022); mặc định"
        " so, riêng Luật, Bộ luật, Pháp lệnh là chu",
    )
    written_date: WrittenDate | None = Field(
        None, alias="ngay_ghi",
        description="Ngày đúng như văn bản gốc đã in (không có chữ «ngày»), khi cần chép lại nguyên văn, ví dụ"
        " «27/05/2016»; phải cùng ngày với ngay. kehoach in đúng như vậy và báo chỗ sai thể thức",
    )
    passed_by: Text | None = Field(
        None, alias="thong_qua",
        description="Luật: cơ quan thông qua, in «được Quốc hội thông qua ngày …», ví dụ Quốc hội",
    )
    year: Year | None = Field(
        None, alias="nam", description="Năm, khi chỉ trích dẫn năm (không có ngày), ví dụ «Bộ luật Lao động năm 2012»"
    )
    pattern: Text | None = Field(
        None, alias="mau",
        description="Cách ghi khác mặc định, với các chỗ {loai}, {so}, {ngay}, {co_quan}, {trich_yeu}, ví dụ «{loai}"
        " số {so} ngày {ngay} {trich_yeu}»; chỉ dùng khi chép lại nguyên văn một văn bản đã ban hành",
    )
    review: Review = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if doctypes.find(value) is None:
            raise _unknown_doctype(value, doctypes.names())
        return value

    @model_validator(mode="after")
    def _written_date_is_the_date(self) -> "CitedDocument":
        check_written_date(self.written_date, self.date)
        return self

    @field_validator("pattern")
    @classmethod
    def _pattern_fields(cls, value: str | None) -> str | None:
        from kehoach.conventions import citations

        unknown = [name for name in citations.pattern_fields(value or "") if name not in citations.PATTERN_FIELDS]
        if unknown:
            raise PydanticCustomError(
                "kehoach_pattern", "mau có chỗ «{name}» không có; chỉ dùng được: {known}",
                {"name": "{" + unknown[0] + "}", "known": ", ".join("{" + k + "}" for k in citations.PATTERN_FIELDS)})
        return value


#: `don_vi`, `van_ban`: what a document names by id, declared in the document or in a shared file (`dung_chung`,
#: kehoach.source.registry), which are merged into it.
Units = Annotated[dict[Id, Unit], Field(default_factory=_no_entries, alias="don_vi", description="Các đơn vị, theo mã")]
CitedDocuments = Annotated[dict[Id, CitedDocument], Field(
    default_factory=_no_entries, alias="van_ban", description="Các văn bản được trích dẫn, theo mã"
)]


def _document_ids(value: Any) -> Any:
    """`van_ban: qd-90` or `van_ban: [nd-07, qd-24]` (several documents in one basis)."""
    return [value] if isinstance(value, str) else value


class Basis(_Model):
    """One legal basis paragraph: one or more cited documents, or free text for what a citation does not fit."""

    documents: Annotated[list[Text], BeforeValidator(_document_ids), WithJsonSchema(_ONE_OR_MANY_TEXTS)] = Field(
        default_factory=_no_items, alias="van_ban",
        description="Mã văn bản đã khai báo trong van_ban; nhiều văn bản trong một đoạn căn cứ thì ghi danh sách,"
        " chúng được nối bằng dấu «;»",
    )
    text: Text | None = Field(
        None,
        alias="noi_dung",
        description="Căn cứ viết tự do (ví dụ «Căn cứ Luật Lâm nghiệp năm 2017», «Thực hiện …»), không cần dấu cuối",
    )
    lead: Text = Field(
        "Căn cứ", alias="mo_dau",
        description="Từ mở đầu khi trích dẫn văn bản: «Căn cứ» (mặc định), «Thực hiện», «Triển khai thực hiện»…",
    )
    date_style: DateStyle | None = Field(
        None, alias="kieu_ngay", description="Cách viết ngày của các văn bản trong căn cứ này: so hoặc chu"
    )
    end: Literal[";", ".", ","] | None = Field(
        None, alias="dau_cuoi",
        description="Dấu cuối căn cứ; mặc định «;», căn cứ cuối cùng «.». Căn cứ cuối có câu mở đầu đi liền"
        " (tiep) thì có thể là «,»",
    )
    follow: Text | None = Field(
        None, alias="tiep",
        description="Câu đi liền sau căn cứ, trong cùng đoạn (thường là câu mở đầu «… như sau:»)",
    )
    review: Review = None

    @property
    def document(self) -> str | None:
        """The first document cited (the basis is known by it in diffs and rollovers)."""
        return self.documents[0] if self.documents else None

    @model_validator(mode="after")
    def _one_source(self) -> "Basis":
        if self.documents and self.text is not None:
            raise PydanticCustomError(
                "kehoach_basis",
                "căn cứ này có cả van_ban và noi_dung; mỗi căn cứ chỉ dùng một trong hai khóa, hãy bỏ một khóa"
                " (hoặc tách thành hai căn cứ)",
            )
        if not self.documents and self.text is None:
            raise PydanticCustomError(
                "kehoach_basis",
                "căn cứ này thiếu nội dung; hãy thêm van_ban (mã văn bản) hoặc noi_dung (căn cứ viết tự do)",
            )
        return self


#: «Kính gửi:» (ô 9a), the same key in a document of any kind and in a plan's report block (`ket_qua`).
Addressee = Annotated[UnitRefs, Field(
    default_factory=_no_items, alias="kinh_gui",
    description="Nơi nhận ghi ở dòng «Kính gửi:»: mã đơn vị hoặc tên. Tờ trình, Công văn phải có; Báo cáo chỉ ghi khi"
    " gửi cấp trên",
)]


def addressee_refs(addressee: list[str]) -> Iterator[tuple[tuple, str, str]]:
    """The units of «Kính gửi», as a block's `unit_refs` yields them."""
    for i, ref in enumerate(addressee):
        yield ("kinh_gui", i), ref, "kinh_gui"


class Recipients(_Model):
    """«Nơi nhận» (ô 9b): who receives the plan, and who keeps the file."""

    send_to: UnitRefs = Field(alias="gui", description="Nơi nhận, mỗi dòng một nơi: mã đơn vị hoặc tên viết tự do")
    archive: UnitRefs = Field(
        alias="luu",
        description="Đơn vị soạn thảo lưu hồ sơ, sau «VT» (mã đơn vị hoặc chữ viết tắt, có thể kèm số bản, ví dụ HC (2))",
    )
    archive_as_written: Text | None = Field(
        None, alias="luu_ghi",
        description="Dòng Lưu đúng như văn bản gốc đã in, sau «Lưu:», khi chép lại nguyên văn một văn bản đã ban hành,"
        " ví dụ «VTVP.UBND tỉnh»; thay cho dòng «- Lưu: VT, …» kehoach tự ghép từ luu",
    )


_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s+\S")
# The patterns below are met only by a wrong line or a Party document: compiled then (re's own cache), not at each start.
_AUTHORITY_LOOSE = r"^(TM|KT|TUQ|TL|Q)(?:\.\s*|\s+)(\S.*)$"


#: A Party document's signing authority (Hướng dẫn 36, II.1.7.1): T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh).
_PARTY_AUTHORITY = r"^(T/M|K/T|T/L)\s+\S"
_PARTY_AUTHORITY_LOOSE = r"(?i)^(T\.?/?M|K\.?/?T|T\.?/?L)\b\.?\s*(\S.*)$"


def _authority_line(line: str, info: ValidationInfo) -> str:
    """A line that starts with the layout's abbreviation: TM., KT. … (Nghị định 30), T/M, K/T … (a Party document,
    when the validation context says `layout: hd36`)."""
    if (info.context or {}).get("layout") == "hd36":
        return _party_authority_line(line)
    if _AUTHORITY.match(line):
        return line
    message = "dòng thẩm quyền «{line}» phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. rồi đến chức danh"
    if m := re.match(_AUTHORITY_LOOSE, line):  # "KT CHỦ TỊCH", "KT.CHỦ TỊCH": only the dot or the space is off
        fixed = f"{m.group(1)}. {m.group(2)}"
        raise PydanticCustomError("kehoach_authority", message + "; có phải «{fixed}»?", {"line": line, "fixed": fixed})
    raise PydanticCustomError("kehoach_authority", message + ", ví dụ «KT. CHỦ TỊCH»", {"line": line})


def _party_authority_line(line: str) -> str:
    if re.match(_PARTY_AUTHORITY, line):
        return line
    message = ("dòng thẩm quyền «{line}» của văn bản Đảng phải bắt đầu bằng T/M, K/T hoặc T/L rồi đến tên cơ quan,"
               " chức danh (Hướng dẫn 36-HD/VPTW)")
    if m := re.match(_PARTY_AUTHORITY_LOOSE, line):  # «TM. ĐẢNG ỦY», «T/M. ĐẢNG ỦY»: the State's way, or a stray dot
        letters = re.sub(r"[./]", "", m.group(1)).upper()  # TM, KT, TL
        fixed = f"{letters[0]}/{letters[1]} {m.group(2)}"
        raise PydanticCustomError("kehoach_authority", message + "; có phải «{fixed}»?", {"line": line, "fixed": fixed})
    raise PydanticCustomError("kehoach_authority", message + ", ví dụ «T/M ĐẢNG ỦY»", {"line": line})


AuthorityLine = Annotated[Text, AfterValidator(_authority_line)]


class Signature(_Model):
    """The signature block (ô 7a, 7b, 7c)."""

    authority: Annotated[list[AuthorityLine], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_TEXTS)] = Field(
        default_factory=_no_items,
        alias="quyen_han",
        description="Các dòng thẩm quyền ký, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ., ví dụ TM. ỦY BAN NHÂN DÂN",
    )
    position: Text = Field(alias="chuc_vu", description="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
    name: Text = Field(alias="ho_ten", description="Họ và tên người ký, không ghi học hàm, học vị")


# What a decision has of its own, declared once for the two places a decision is written: a Quyết định's own file
# (kehoach.model.decision) and the decision block of a plan (`quyet_dinh`, kehoach.model.blocks). Both are composed
# as the same document (kehoach.kinds.wording.made_document), so each key means the same in both. Each model keeps
# its own order of keys (`kehoach fmt` writes them in that order): these are types, not a shared base class.

#: `tham_quyen`: the authority's line above the bases (ND30 Phụ lục III, Mẫu 1.2, 1.3).
Authority = Annotated[Text | None, Field(
    alias="tham_quyen",
    description="Thẩm quyền ban hành (dòng in hoa trên các căn cứ); mặc định tên cơ quan, ví dụ ỦY BAN NHÂN DÂN"
    " HUYỆN MƯỜNG ẢNG. Quyết định của người đứng đầu thì ghi chức vụ, ví dụ «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN"
    " GIANG», «GIÁM ĐỐC SỞ NỘI VỤ»",
)]
#: `de_nghi`: who submits it («Theo đề nghị của …»).
Proposer = Annotated[UnitRef | None, Field(
    alias="de_nghi",
    description="Đơn vị trình (dòng «Theo đề nghị của …»): mã đơn vị (in chức danh người đứng đầu, ví dụ «Trưởng"
    " phòng Lao động - Thương binh và Xã hội huyện») hoặc chức danh viết đầy đủ",
)]
#: `thi_hanh`: who carries it out (Điều 3).
Executors = Annotated[UnitRefs, Field(
    default_factory=_no_items, alias="thi_hanh",
    description="Người chịu trách nhiệm thi hành (Điều 3): mã đơn vị (in chức danh người đứng đầu) hoặc viết đầy"
    " đủ, ví dụ «Thủ trưởng các cơ quan, đơn vị có liên quan»; mặc định: đơn vị trình và thủ trưởng các cơ quan,"
    " đơn vị có liên quan",
)]


def decision_refs(proposer: str | None, executors: list[str]) -> Iterator[tuple[tuple, str, str]]:
    """The units a decision names in «Theo đề nghị của …» and Điều 3, as a block's `unit_refs` yields them."""
    if proposer:
        yield ("de_nghi",), proposer, "de_nghi"
    for i, ref in enumerate(executors):
        yield ("thi_hanh", i), ref, "thi_hanh"
