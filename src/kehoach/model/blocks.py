"""The blocks of a plan file that make the plan's other documents from the same data: `quyet_dinh` (the
Quyết định that issues the plan, `kehoach render --doc quyet-dinh`) and `ket_qua` (the Báo cáo on its
results). Each has its own number and date; what it leaves out (signer, recipients) it takes from the plan.
"""

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from kehoach.model.fields import (
    Amount,
    DocNumber,
    Id,
    Review,
    Status,
    Text,
    TextList,
    VnDate,
    Year,
    _Model,
    _no_entries,
    _no_items,
)
from kehoach.model.parts import (
    Addressee,
    Authority,
    Basis,
    Executors,
    Proposer,
    Recipients,
    Signature,
    addressee_refs,
    decision_refs,
)

#: `ky` of a block: its signer, the plan's unless it says otherwise.
BlockSignature = Annotated[Signature | None, Field(alias="ky", description="Người ký; mặc định người ký kế hoạch")]
#: `cau_chu` of a block: the made document's own wording, by sentence name.
BlockSentences = Annotated[dict[Id, Text], Field(
    default_factory=_no_entries, alias="cau_chu",
    description="Thay câu chữ mặc định của văn bản này (xem tu_khoi trong data/kinds/ke-hoach.yaml), theo tên câu",
)]


class _BlockHeader(_Model):
    """What a document made from the plan has of its own, declared once for the decision and the report: its
    number, date (or the year of a draft) and review mark; the rest of its header it takes from the plan."""

    number: DocNumber | None = Field(None, alias="so", description="Số của văn bản này (chỉ phần số); bỏ trống khi là"
                                     " dự thảo. Số, ngày của Kế hoạch là so, ngay của kế hoạch")
    date: VnDate | None = Field(None, alias="ngay", description="Ngày ký văn bản này; bỏ trống khi là dự thảo")
    year: Year | None = Field(
        None, alias="nam", description="Năm ghi ở dòng ngày tháng khi chưa có ngày (mặc định: năm của kế hoạch)"
    )
    review: Review = None

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None


class Decision(_BlockHeader):
    """The Quyết định that issues the plan (ND30 Phụ lục III, Mẫu 1.3): its own number, date and bases."""

    summary: Text | None = Field(
        None, alias="trich_yeu",
        description="Trích yếu nếu khác mặc định «Về việc ban hành Kế hoạch <trích yếu của kế hoạch>»",
    )
    authority: Authority = None
    bases: list[Basis] = Field(default_factory=_no_items, alias="can_cu",
                               description="Căn cứ ban hành Quyết định, viết như can_cu của kế hoạch")
    proposer: Proposer = None
    executors: Executors
    effect: Text | None = Field(None, alias="hieu_luc",
                                description="Điều 2; bỏ trống thì kehoach ghi câu dieu-2 của loại Quyết định (data/kinds),"
                                " «Quyết định này có hiệu lực thi hành kể từ ngày ký.»")
    recipients: Recipients | None = Field(
        None, alias="noi_nhan", description="Nơi nhận; mặc định «Như Điều 3» và dòng Lưu của kế hoạch"
    )
    signature: BlockSignature = None
    sentences: BlockSentences

    def unit_refs(self) -> Iterator[tuple[tuple, str, str]]:
        yield from decision_refs(self.proposer, self.executors)
        yield from _recipient_refs(self.recipients)

    def texts(self) -> Iterator[tuple[tuple, str]]:
        yield from _basis_texts(self.bases)
        if self.effect is not None:
            yield ("hieu_luc",), self.effect

    def document_refs(self) -> Iterator[tuple[tuple, str]]:
        return _basis_refs(self.bases)


class ActivityResult(_Model):
    """What became of one activity of the plan, for the report's table."""

    status: Status = Field(alias="tinh_trang", description="da-xong (Đã hoàn thành), dang-lam (Đang thực hiện) hoặc"
                           " chua-lam (Chưa thực hiện)")
    result: Text | None = Field(None, alias="ket_qua", description="Kết quả đạt được, ví dụ «Đã phát sóng 24 tin, bài»")
    spent: Amount | None = Field(None, alias="kinh_phi", description="Kinh phí đã chi (đồng), ví dụ 12.500.000")


class Results(_BlockHeader):
    """The results of the plan, for the Báo cáo kết quả thực hiện Kế hoạch (Mẫu 1.4, with a status table)."""

    summary: Text | None = Field(
        None, alias="trich_yeu",
        description="Trích yếu nếu khác mặc định «Kết quả thực hiện Kế hoạch số … ngày … của …»",
    )
    addressee: Addressee
    opening: TextList = Field(default_factory=_no_items, alias="mo_dau",
                              description="Đoạn mở đầu; mặc định «Thực hiện Kế hoạch số … , … báo cáo kết quả như sau:»")
    activities: dict[Id, ActivityResult] = Field(
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
    signature: BlockSignature = None
    sentences: BlockSentences

    def unit_refs(self) -> Iterator[tuple[tuple, str, str]]:
        yield from addressee_refs(self.addressee)
        yield from _recipient_refs(self.recipients)

    def texts(self) -> Iterator[tuple[tuple, str]]:
        for key, texts in (("mo_dau", self.opening), ("danh_gia_chung", self.overall),
                           ("ton_tai", self.shortcomings), ("kien_nghi", self.proposals), ("ket_luan", self.closing)):
            for i, text in enumerate(texts):
                yield (key, i), text
        for ref, result in self.activities.items():
            if result.result:
                yield ("hoat_dong", ref, "ket_qua"), result.result

    def activity_refs(self) -> Iterator[tuple[tuple, str]]:
        for ref in self.activities:
            yield ("hoat_dong", ref), ref


def _recipient_refs(recipients) -> Iterator[tuple[tuple, str, str]]:
    for part, refs in (("gui", recipients.send_to), ("luu", recipients.archive)) if recipients else ():
        for i, ref in enumerate(refs):
            yield ("noi_nhan", part, i), ref, part


def _basis_refs(bases) -> Iterator[tuple[tuple, str]]:
    for i, basis in enumerate(bases):
        for place, ref in enumerate(basis.documents):
            yield ("can_cu", i, "van_ban", place), ref


def _basis_texts(bases) -> Iterator[tuple[tuple, str]]:
    for i, basis in enumerate(bases):
        if basis.text:
            yield ("can_cu", i, "noi_dung"), basis.text
        if basis.follow:
            yield ("can_cu", i, "tiep"), basis.follow
