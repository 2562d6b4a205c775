"""The blocks a document's body is made of: paragraphs, bullets, numbered sections, activities, duties; and
the Phụ lục of tasks made from a plan's activities. Numbers come from position (`outline.py`), never data.
"""

from typing import Annotated, Any, ClassVar, Union

from pydantic import BaseModel, Discriminator, Field, Tag

from kehoach.model.fields import Amount, Id, Review, Text, UnitRef, UnitRefs, _Model, _no_items

#: `id` of a section, an activity or a duty: what a text elsewhere cites it by.
BlockId = Annotated[Id | None, Field(
    description="Mã để dẫn chiếu đến phần này trong văn bản bằng [[mã]] (chữ thường, nối bằng dấu -)"
)]

class Bullet(_Model):
    """A "-" item of body text."""

    tag: ClassVar[str] = "gach"
    text: Text = Field(alias="gach", description="Một ý gạch đầu dòng «- …»")


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
    id: BlockId = None
    review: Review = None
    content: list[Block] = Field(default_factory=_no_items, alias="noi_dung", description="Nội dung của mục")


class Activity(_Model):
    """An activity of the plan with who leads, who carries it out and who coordinates."""

    tag: ClassVar[str] = "hoat_dong"
    title: Text = Field(alias="hoat_dong", description="Tên hoạt động, không ghi số")
    id: BlockId = None
    review: Review = None
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
    id: BlockId = None
    title: Text | None = Field(
        None, alias="tieu_de", description="Tiêu đề nếu khác tên đầy đủ của đơn vị (mặc định: tên đầy đủ)"
    )
    review: Review = None
    content: list[Block] = Field(default_factory=_no_items, alias="noi_dung", description="Các nhiệm vụ")



class Appendix(_Model):
    """The appendix of tasks: a table made from the plan's activities (ND30 Phụ lục I, III.1)."""

    title: Text | None = Field(
        None, alias="tieu_de", description="Tên Phụ lục; bỏ trống thì kehoach ghi câu phu-luc-ten của loại văn bản (data/kinds),"
        " ví dụ «Danh mục nhiệm vụ thực hiện Kế hoạch»"
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
