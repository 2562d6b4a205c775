"""The head of a unit, named in a decision («Theo đề nghị của …», Điều 3: «… chịu trách nhiệm thi hành»): the
title of its head by how the unit's name begins («Trưởng phòng …», «Giám đốc Sở …», «Chủ tịch Ủy ban nhân dân …»).
A convention shared by composing (kehoach.render.compose) and reading a decision back (kehoach.features.importer).
"""

from __future__ import annotations

import unicodedata

#: The title of a unit's head, by how the unit's name begins (the names the Luật Tổ chức chính quyền địa
#: phương and practice give them); anything else is led by its «Thủ trưởng». Titles of office, not a wording of
#: kehoach's, so not sentences of the kinds' data: a unit led under another title is named by text in de_nghi or
#: thi_hanh («Trưởng Ban Dân tộc huyện»), which is printed as written.
_HEADS = (
    ("Văn phòng ", "Chánh "), ("Ủy ban nhân dân ", "Chủ tịch "), ("UBND ", "Chủ tịch "),
    ("Hội đồng nhân dân ", "Chủ tịch "), ("Trung tâm ", "Giám đốc "), ("Sở ", "Giám đốc "), ("Đài ", "Giám đốc "),
    ("Bệnh viện ", "Giám đốc "), ("Kho bạc ", "Giám đốc "), ("Ban Chỉ huy ", "Chỉ huy trưởng "),
    ("Ban ", "Trưởng "), ("Công an ", "Trưởng "), ("Chi cục ", "Chi cục trưởng "), ("Trường ", "Hiệu trưởng "),
)


#: A «Phòng …» is led by its «Trưởng phòng …»; a unit named no way above, by its «Thủ trưởng».
_PHONG, _CHIEF, _ANY = "Phòng ", "Trưởng phòng ", "Thủ trưởng "


def titles() -> list[str]:
    """Every title `head_of` gives («Chánh », «Giám đốc », «Trưởng phòng », «Thủ trưởng », …), longest first: where
    a list of heads may be cut (kehoach.features.importer reads Điều 3 back)."""
    return sorted({title for _, title in _HEADS} | {_CHIEF, _ANY}, key=len, reverse=True)


def lower_first(text: str) -> str:
    """«Triển khai …» → «triển khai …» inside a sentence; an abbreviation (UBND, MTQG) keeps its capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:]


def head(document, ref: str) -> str:
    """The head of a unit given by its id («Trưởng phòng Lao động - …»); any other text as written."""
    unit = document.units.get(ref)
    return ref if unit is None else head_of(unit.name)


def head_of(name: str) -> str:
    """The head of the unit named `name`: «Sở Nội vụ» → «Giám đốc Sở Nội vụ», «Phòng Tư pháp» → «Trưởng phòng Tư
    pháp», «Các xã» → «Thủ trưởng các xã»."""
    name = unicodedata.normalize("NFC", name).replace("Uỷ ban", "Ủy ban")
    if name.startswith(_PHONG):
        return f"{_CHIEF}{name[len(_PHONG):]}"
    for start, title in _HEADS:
        if name.startswith(start):
            return f"{title}{name}"
    return f"{_ANY}{lower_first(name) if name.startswith(('Các ', 'Những ')) else name}"


def unit_headed(text: str) -> str | None:
    """The unit whose head `text` names («Giám đốc Sở Nội vụ» → «Sở Nội vụ»), when `head_of` names its head so."""
    candidates = [_PHONG + text[len(_CHIEF):]] if text.startswith(_CHIEF) else []
    candidates += [text[len(title):] for start, title in _HEADS if text.startswith(title + start)]
    return next((name for name in candidates if head_of(name) == text), None)
