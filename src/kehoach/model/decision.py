"""The Quyết định written on its own (ND30 Phụ lục III, Mẫu 1.2, 1.3): the issuing authority, its articles
(Điều 1, 2, …) in the organ's own words, or the document it issues (`ban_hanh`) with the articles made from
the kind's sentences; that attached plan, programme or «Quy chế» renders in the same .docx, after a page
break, under «(Ban hành kèm theo Quyết định số … ngày … của …)», without a number of its own.
"""

from typing import ClassVar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.body import Activity, Block, Duty, Section
from kehoach.model.document import Closing, Document, OfDocType, Opening
from kehoach.model.fields import Review, Text, TextList, _Model, _no_items
from kehoach.model.parts import Authority, Executors, Proposer, decision_refs

#: What `Block`'s forward references («Section», «Activity», «Duty») name: pydantic resolves them in the
#: namespace of the module whose model has a `list[Block]` field, this one.
_BLOCK_TYPES = (Activity, Duty, Section)


class Attached(OfDocType, _Model):
    """The document a decision issues: its kind, summary and body; organ, units and documents are the decision's."""

    type: Text = Field(alias="loai", description="Tên loại văn bản được ban hành kèm theo, ví dụ Kế hoạch, Chương"
                       " trình, Quy chế, Quy định")
    summary: Text = Field(alias="trich_yeu", description="Trích yếu của văn bản kèm theo, ví dụ «Rà soát hộ nghèo, hộ"
                          " cận nghèo năm 2023 trên địa bàn tỉnh»")
    review: Review = None
    opening: Opening
    body: list[Block] = Field(alias="noi_dung", min_length=1, description="Nội dung: đoạn văn, ý gạch đầu dòng, mục"
                              " có số (muc), hoạt động (hoat_dong), nhiệm vụ (nhiem_vu)")
    closing: Closing

    def texts(self):
        for key, texts in (("mo_dau", self.opening), ("ket_luan", self.closing)):
            for i, text in enumerate(texts):
                yield (key, i), text


class DecisionDocument(Document):
    """A Quyết định: authority, bases, «Theo đề nghị của …», «QUYẾT ĐỊNH:», the articles, and what it issues."""

    NESTED: ClassVar[tuple[str, ...]] = ("ban_hanh",)

    summary: Text | None = Field(
        None, alias="trich_yeu",
        description="Trích yếu; bỏ trống khi có ban_hanh thì kehoach ghi «Ban hành <loại> <trích yếu văn bản kèm theo>»",
    )
    authority: Authority = None
    authority_name: Text | None = Field(
        None, alias="ten_tham_quyen",
        description="Thẩm quyền viết trong câu (dòng «Ban hành kèm theo Quyết định số … của …»); mặc định tên đầy đủ của"
        " cơ quan, hoặc «Chủ tịch Ủy ban nhân dân …» khi tham_quyen bắt đầu bằng CHỦ TỊCH",
    )
    proposer: Proposer = None
    articles: TextList = Field(
        default_factory=_no_items, alias="dieu",
        description="Các điều của Quyết định, mỗi điều một phần tử, không ghi «Điều 1.» (kehoach đánh số); bỏ trống"
        " khi có ban_hanh thì Điều 1–3 lấy từ câu chữ mặc định của loại văn bản",
    )
    executors: Executors
    attached: Attached | None = Field(
        None, alias="ban_hanh",
        description="Văn bản ban hành kèm theo (Kế hoạch, Chương trình, Quy chế…), in sau Quyết định trong cùng tệp"
        " .docx, không có số riêng",
    )

    def unit_refs(self):
        yield from super().unit_refs()
        yield from decision_refs(self.proposer, self.executors)

    def texts(self):
        for i, text in enumerate(self.articles):
            yield ("dieu", i), text

    @model_validator(mode="after")
    def _has_content(self) -> "DecisionDocument":
        if not self.articles and self.attached is None and not self.body:
            raise PydanticCustomError(
                "kehoach_decision",
                "Quyết định chưa có nội dung; hãy thêm dieu (các điều của Quyết định) hoặc ban_hanh (văn bản ban hành"
                " kèm theo, ví dụ một Kế hoạch)",
            )
        if self.summary is None and self.attached is None:
            raise PydanticCustomError("kehoach_decision", "Quyết định chưa có trích yếu; hãy thêm khóa trich_yeu")
        return self
