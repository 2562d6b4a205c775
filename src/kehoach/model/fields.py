"""The building blocks of every document's fields: dates, texts, amounts, ids, unit references, numbers.

Pure data, no I/O. YAML keys are Vietnamese without diacritics (what a clerk types); attributes are
English. Every field carries a Vietnamese description, so the JSON Schema and the docs come from here.
"""

import copy
import difflib
import re
import unicodedata
from datetime import date
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, PydanticKnownError, core_schema

from kehoach.conventions import money

#: Ids are lower-case ASCII words joined by "-": easy to type, and never mistaken for a unit's name.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID_RE = re.compile(ID_PATTERN)
_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


#: An id (the key of a unit, a cited document, a sentence, an activity's result; a block's `id`).
Id = Annotated[str, Field(pattern=ID_PATTERN)]
#: A year written on a document: 1945 to 2100, so that a typo such as 20204 is refused.
Year = Annotated[int, Field(ge=1945, le=2100)]


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


def _not_empty(value: str) -> str:
    """What `Field(min_length=1)` checks after a validator: the same error (`too_short`), the same context."""
    if not value:
        raise PydanticKnownError("too_short", {"field_type": "Value", "min_length": 1, "actual_length": 0})
    return value


def _text_schema() -> core_schema.CoreSchema:
    # NFC first, then the str of the model's config (whitespace stripped, numbers read as text), then not empty.
    return core_schema.no_info_after_validator_function(
        _not_empty, core_schema.no_info_before_validator_function(_nfc, core_schema.str_schema()))


class _TextSchema:
    """The core schema of `Text`, written once: the one `Annotated[str, BeforeValidator(_nfc), Field(min_length=1)]`
    made (tests/test_model_build.py validates the same inputs through both), without pydantic reading that chain
    again for each of the ~60 texts of a plan (about 2 ms of every check and render)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return _text_schema()

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        found = handler(schema)
        found["minLength"] = 1
        return found


class _TextsSchema:
    """The core schema of `TextList`: a list of `Text`, a single text taken as a list of one (`_one_or_many`).

    The list is pydantic's own (`handler`), so that what a field adds to it (`Field(min_length=1)`) still applies;
    only its items are replaced by Text's schema."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        found = handler(source)
        if found["type"] != "list":  # a constraint pydantic cannot set on the list itself: declare the field otherwise
            raise TypeError(f"TextList cannot take this constraint: {found['type']}")
        found["items_schema"] = _text_schema()
        return core_schema.no_info_before_validator_function(_one_or_many, found)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return copy.deepcopy(_ONE_OR_MANY_TEXTS)


#: A text: NFC, stripped, not empty.
Text = Annotated[str, _TextSchema()]
#: The JSON Schema of "one text, or a list of them", so that an editor accepts both ways of writing it.
_ONE_OR_MANY_TEXTS = {"anyOf": [{"type": "string", "minLength": 1},
                                {"type": "array", "items": {"type": "string", "minLength": 1}}]}

#: Texts, or a single text written without list brackets.
TextList = Annotated[list[str], _TextsSchema()]


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
#: Units (each a `UnitRef`), or a single one written without list brackets.
UnitRefs = TextList


#: `xem_lai`: what `kehoach new` carried over from last year's plan and the clerk must look at again (a part of a
#: plan, a unit, a cited document, a decision's article). Never rendered; the rule review-needed reports each one
#: until the clerk deletes it.
Review = Annotated[Text | None, Field(
    alias="xem_lai",
    description="Lý do cần xem lại phần này (kehoach new ghi khi lập kế hoạch năm sau từ kế hoạch năm trước);"
    " không in ra văn bản. Xem và sửa xong thì xóa khóa này",
)]


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
        # Built at the first validation, not at import: a command pays only for the model it validates (checking a
        # plan builds the plan's model, its parts inside it), not for the decision's, the registry's or each part
        # on its own (tests/test_model_build.py).
        defer_build=True,
    )

    # What a block refers to, by YAML path relative to the block, for the checks of references (references.py)
    # to walk any kind of document without knowing its fields. A block lists only what is its own.

    def unit_refs(self) -> Iterator[tuple[tuple, str, str]]:
        """(path, unit reference, key) of each unit this block names."""
        return iter(())

    def texts(self) -> Iterator[tuple[tuple, str]]:
        """(path, text) of each free text of this block that may hold `[[id]]` references."""
        return iter(())

    def document_refs(self) -> Iterator[tuple[tuple, str]]:
        """(path, document id) of each cited document this block names (its legal bases)."""
        return iter(())

    def activity_refs(self) -> Iterator[tuple[tuple, str]]:
        """(path, activity id) of each activity of the document's body this block reports on."""
        return iter(())



def _unknown_doctype(value: str, known: list[str]) -> PydanticCustomError:
    """A type name not in the table: the near miss if there is one, else the names that can be used."""
    message = "loại văn bản «{value}» không có trong bảng tên loại (Phụ lục III Nghị định 30/2020/NĐ-CP); "
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        return PydanticCustomError("kehoach_doctype", message + "có phải «{close}»?", {"value": value, "close": close[0]})
    return PydanticCustomError(
        "kehoach_doctype", message + "hãy dùng một trong các loại: {known}", {"value": value, "known": ", ".join(known)}
    )


#: A document's number, written as a number in YAML (so: 185) and read as text to keep a leading zero.
DocNumber = Annotated[
    str,
    Field(pattern=r"^\d+$"),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\d+$"}]}),
]

#: The status of an activity in the report: its code → the words a clerk may write instead, which the report prints
#: unless its sentences (tinh-trang-<code>: data/kinds/ke-hoach.yaml, or the block's cau_chu) word it otherwise.
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


def check_written_date(written: str | None, value: date | None) -> None:
    """A date kept as the original printed it (`ngay_ghi`) must be the date of `ngay` (kehoach.conventions.dates)."""
    from kehoach.conventions import dates

    if written is None:
        return
    meant = dates.read(written)
    if meant is None:
        raise PydanticCustomError(
            "kehoach_date", "ngay_ghi «{written}» không đọc được thành một ngày; hãy viết như văn bản gốc, dạng"
            " 27/9/2022 hoặc 27 tháng 9 năm 2022", {"written": written[:80]})
    if value is None:
        raise PydanticCustomError("kehoach_date", "có ngay_ghi mà thiếu ngay; hãy thêm ngay: {shown}",
                                  {"shown": f"{meant.day:02d}/{meant.month:02d}/{meant.year}"})
    if meant != value:
        raise PydanticCustomError(
            "kehoach_date", "ngay_ghi «{written}» không cùng ngày với ngay ({day}); hãy sửa cho khớp",
            {"written": written[:80], "day": f"{value.day:02d}/{value.month:02d}/{value.year}"})


#: A date as the original prints it, after «ngày»: «27/05/2016», «19 tháng 06 năm 2015».
WrittenDate = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), Field(min_length=1)]


def _numbering(value: Any) -> Any:
    """`danh_so: [Phần thứ nhất, I., 1., a)]`; the marks may be written without their dot or bracket."""
    from kehoach.conventions import numbering

    if not isinstance(value, list):
        raise PydanticCustomError("kehoach_numbering", "danh_so là danh sách cách đánh số từng cấp, ví dụ"
                                  " [I., 1., a)]")
    styles = []
    for item in value:
        style = numbering.ALIASES.get(str(item).strip().casefold())
        if style is None:
            raise PydanticCustomError(
                "kehoach_numbering", "«{item}» không phải một cách đánh số; hãy dùng: {known}",
                {"item": str(item)[:40], "known": ", ".join(numbering.STYLES)})
        styles.append(style)
    if not styles:
        raise PydanticCustomError("kehoach_numbering", "danh_so cần ít nhất một cấp, ví dụ [I., 1., a)]")
    return tuple(styles)


Numbering = Annotated[
    tuple[str, ...], BeforeValidator(_numbering),
    WithJsonSchema({"type": "array", "minItems": 1, "items": {"type": "string", "examples": [
        "Phần thứ nhất", "I.", "1.", "1.1.", "a)", "-", "+"]}}),
]
