"""What every administrative document has, declared once (ND30 Phụ lục I, ô 1–9): the organ, kind (`loai`),
number and symbol, place and date, summary, legal bases and preamble, «Kính gửi», recipients, signature,
the units and cited documents it names, and the sentences the tool writes for it (`cau_chu`).

A kind of document adds only its body: `Document` itself has the general body (paragraphs, bullets and
numbered sections), which a Tờ trình, Thông báo, Công văn, Hướng dẫn or Báo cáo use as it is; a Kế hoạch
(`plan.Plan`) and a Quyết định (`decision.DecisionDocument`) declare their own. Which model reads a file
is chosen from its `loai:` by the kind's data (`kehoach.kinds`), not here.
"""

from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kehoach import profiles

from kehoach.conventions import doctypes
from kehoach.model.body import Activity, Block, Duty, Section
from kehoach.model.fields import (
    DocNumber,
    Id,
    Numbering,
    Text,
    TextList,
    VnDate,
    WrittenDate,
    Year,
    _Model,
    _no_entries,
    _no_items,
    _unknown_doctype,
    check_written_date,
)
from kehoach.model.parts import Addressee, Basis, CitedDocuments, Organ, Recipients, Signature, Units, addressee_refs

#: What `Block`'s forward references («Section», «Activity», «Duty») name: pydantic resolves them in the
#: namespace of the module whose model has a `list[Block]` field, this one.
_BLOCK_TYPES = (Activity, Duty, Section)


# The opening and closing paragraphs of a document and of the document a decision issues (`ban_hanh`), which has
# no bases of its own: its opening comes first.
Opening = Annotated[TextList, Field(
    default_factory=_no_items, alias="mo_dau", description="Đoạn mở đầu, trước nội dung (sau các căn cứ, nếu có)"
)]
Closing = Annotated[TextList, Field(default_factory=_no_items, alias="ket_luan", description="Đoạn kết")]


def _known_layout(value: str) -> str:
    if value not in profiles.available():
        raise PydanticCustomError("kehoach_layout", "thể thức «{value}» chưa có; hãy ghi nd30 (văn bản hành chính) hoặc"
                                  " hd36 (văn bản của Đảng)", {"value": value})
    return value


class OfDocType:
    """What a document and the document a decision issues share about their `type` (`loai`): it must be an
    administrative kind of Phụ lục III, and `doc_type` is that kind's row of the table.

    A plain class, not a model: pydantic collects a field validator from any base class, and a model class would
    cost its creation at import for no field of its own. A subclass may replace `_known_type` by its own (Plan).
    """

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if doctypes.find(value) is None:
            raise _unknown_doctype(value, [t.name for t in doctypes.all_types() if t.family == "hanh_chinh"])
        return value

    @property
    def doc_type(self) -> doctypes.DocType:
        found = doctypes.find(self.type)
        assert found is not None  # checked by the validator
        return found


class Document(OfDocType, _Model):
    """An administrative document of any kind: the header, preamble and closing every kind shares."""

    #: The blocks of the file that are documents of their own (a plan's `quyet_dinh`, `ket_qua`; a decision's
    #: attached document), by YAML key: what rollover, diff and review marks walk besides the document itself.
    NESTED: ClassVar[tuple[str, ...]] = ()

    type: Text = Field(alias="loai", description="Tên loại văn bản (Phụ lục III), ví dụ Kế hoạch, Quyết định, Tờ"
                       " trình, Công văn; quyết định phần còn lại của tệp có những gì")
    organ: Organ = Field(alias="co_quan", description="Cơ quan ban hành")
    number: DocNumber | None = Field(None, alias="so", description="Số văn bản (chỉ phần số); bỏ trống khi là dự thảo")
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ban hành; bỏ trống khi là dự thảo")
    year: Year | None = Field(
        None, alias="nam", description="Năm ban hành dự kiến, ghi ở dòng ngày tháng khi chưa có ngày"
    )
    written_date: WrittenDate | None = Field(
        None, alias="ngay_ghi",
        description="Ngày tháng đúng như văn bản gốc đã in ở dòng địa danh (không có chữ «ngày»), khi chép lại"
        " nguyên văn một văn bản đã ban hành, ví dụ «27 tháng 09 năm 2022»; phải cùng ngày với ngay",
    )
    numbering: Numbering | None = Field(
        None, alias="danh_so",
        description="Cách đánh số từng cấp của nội dung, từ cấp lớn nhất: «Phần thứ nhất», «I.», «1.», «1.1.», «a)»,"
        " «-», «+»; mặc định [I., 1., a)]",
    )
    legal_normative: bool = Field(
        False, alias="quy_pham",
        description="Văn bản quy phạm pháp luật: số ghi kèm năm ban hành, ví dụ 36/2013/QĐ-UBND (Điều 8 Nghị định"
        " 30/2020/NĐ-CP)",
    )
    symbol_override: Text | None = Field(
        None, alias="ky_hieu",
        description="Ký hiệu sau số nếu khác mặc định (tên loại viết tắt - cơ quan, ví dụ KH-UBND); Công văn thì"
        " ghi cơ quan - đơn vị soạn thảo, ví dụ UBND-VX",
    )
    layout: Annotated[str, AfterValidator(_known_layout),
                      WithJsonSchema({"type": "string", "enum": profiles.available()})] | None = Field(
        None, alias="the_thuc",
        description="Thể thức trình bày: nd30 (văn bản hành chính, Nghị định 30/2020/NĐ-CP) hoặc hd36 (văn bản của"
        " Đảng, Hướng dẫn 36-HD/VPTW); bỏ trống thì cơ quan của Đảng (ĐẢNG ỦY …, HUYỆN ỦY …) dùng hd36, cơ quan khác"
        " dùng nd30",
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
    units: Units
    documents: CitedDocuments
    addressee: Addressee
    bases: list[Basis] = Field(default_factory=_no_items, alias="can_cu", description="Căn cứ ban hành")
    opening: Opening
    body: list[Block] = Field(
        default_factory=_no_items, alias="noi_dung",
        description="Nội dung: đoạn văn, ý gạch đầu dòng (gach) và mục có số (muc), theo thứ tự in",
    )
    closing: Closing
    recipients: Recipients = Field(alias="noi_nhan", description="Nơi nhận")
    signature: Signature = Field(alias="ky", description="Người ký")
    sentences: dict[Id, Text] = Field(
        default_factory=_no_entries, alias="cau_chu",
        description="Thay câu chữ mặc định kehoach viết cho loại văn bản này, theo tên câu (xem data/kinds/); mỗi câu"
        " là một mẫu Jinja, ví dụ «dieu-3: …»",
    )

    @model_validator(mode="after")
    def _written_date_is_the_date(self):
        check_written_date(self.written_date, self.date)
        return self

    @property
    def is_draft(self) -> bool:
        """A document without its number or date has not been issued yet."""
        return self.number is None or self.date is None

    @property
    def issue_year(self) -> int | None:
        return self.date.year if self.date else self.year

    @property
    def layout_id(self) -> str:
        """The layout profile the document is written in (`the_thuc`, else from its organ): nd30, hd36."""
        return profiles.choose(self.layout, list(self.organ.name_lines))

    @property
    def symbol(self) -> str:
        """The ký hiệu after the number, e.g. KH-UBND (ND30 Phụ lục I, II.3.b), KH/ĐU (HD 36, II.1.3), or the
        clerk's own `ky_hieu`."""
        if self.symbol_override:
            return self.symbol_override
        if not self.doc_type.abbreviation:
            return self.organ.abbreviation
        signing = profiles.load(self.layout_id).signing
        return signing.symbol.value.format(kind=self.doc_type.abbreviation, organ=self.organ.abbreviation)

    @property
    def number_and_symbol(self) -> str:
        """185/KH-UBND (12-KH/ĐU for a Party document); a legal normative document carries its year:
        36/2013/QĐ-UBND (ND30 Điều 8)."""
        from kehoach.conventions.text import doc_number

        number = doc_number(self.number) if self.number else ""
        if self.legal_normative and self.issue_year:
            return f"{number}/{self.issue_year}/{self.symbol}"
        return f"{number}{self.number_joiner}{self.symbol}"

    @property
    def number_joiner(self) -> str:
        """What stands between the number and the symbol: «/» (185/KH-UBND), «-» in a Party document (12-KH/ĐU)."""
        return profiles.load(self.layout_id).signing.joiner.value

    def unit_refs(self):
        """Besides the units of the body and of Nơi nhận (references.py walks those): «Kính gửi»."""
        return addressee_refs(self.addressee)

    def nested(self) -> list[tuple[str, _Model]]:
        """The nested documents this file holds, with their YAML keys (see NESTED)."""
        return [(key, value) for key in self.NESTED
                if (value := getattr(self, _attribute(type(self), key))) is not None]


def _attribute(model: type[_Model], alias: str) -> str:
    for name, info in model.model_fields.items():
        if info.alias == alias:
            return name
    raise KeyError(alias)
