"""The plan (Kế hoạch): a `Document` whose body is numbered sections (I., II., …) with activities and duties,
an optional Phụ lục of tasks, and the two blocks that make its other documents from the same data:
`quyet_dinh` (the decision issuing it) and `ket_qua` (the report on its results).

The names of the model's other modules are re-exported here (`__all__`), where the rest of kehoach has always
found them.
"""

from typing import Annotated, ClassVar

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from kehoach.conventions import doctypes
from kehoach.model.blocks import ActivityResult, Decision, Results
from kehoach.model.body import Activity, Appendix, Block, Bullet, Duty, Section, _appendix_switch, _has_activity
from kehoach.model.document import Document
from kehoach.model.fields import (
    ID_PATTERN,
    STATUSES,
    Amount,
    DocNumber,
    Text,
    TextList,
    UnitRef,
    UnitRefs,
    VnDate,
    _unknown_doctype,
    is_id,
)
from kehoach.model.parts import Basis, CitedDocument, Organ, Recipients, Signature, Unit

#: The plan and the names of the model's other modules, re-exported: the rest of kehoach imports them from here,
#: and reads this module's namespace as the model's (kehoach.source.schema_errors collects every model's keys from
#: it and resolves forward references such as «Section» in it; kehoach.features.fmt does too).
__all__ = ["Activity", "ActivityResult", "Amount", "Appendix", "Basis", "Block", "Bullet", "CitedDocument", "Decision",
           "DocNumber", "Document", "Duty", "ID_PATTERN", "Organ", "Plan", "Recipients", "Results", "STATUSES", "Section",
           "Signature", "Text", "TextList", "Unit", "UnitRef", "UnitRefs", "VnDate", "is_id"]


class Plan(Document):
    """A plan (Kế hoạch), the kind a file is when it names none."""

    NESTED: ClassVar[tuple[str, ...]] = ("quyet_dinh", "ket_qua")

    type: Text = Field("Kế hoạch", alias="loai", description="Tên loại văn bản (Phụ lục III), mặc định Kế hoạch")
    body: list[Section] = Field(alias="noi_dung", min_length=1, description="Các mục lớn (I., II., …) của kế hoạch")
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
