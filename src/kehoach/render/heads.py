"""The head of a unit, named in a decision («Theo đề nghị của …», Điều 3: «… chịu trách nhiệm thi hành»): the
title of its head by how the unit's name begins («Trưởng phòng …», «Giám đốc Sở …», «Chủ tịch Ủy ban nhân dân …»).
"""

from __future__ import annotations

import unicodedata

#: The title of a unit's head, by how the unit's name begins (the names the Luật Tổ chức chính quyền địa
#: phương and practice give them); anything else is led by its «Thủ trưởng».
_HEADS = (
    ("Văn phòng ", "Chánh "), ("Ủy ban nhân dân ", "Chủ tịch "), ("UBND ", "Chủ tịch "),
    ("Hội đồng nhân dân ", "Chủ tịch "), ("Trung tâm ", "Giám đốc "), ("Sở ", "Giám đốc "), ("Đài ", "Giám đốc "),
    ("Bệnh viện ", "Giám đốc "), ("Kho bạc ", "Giám đốc "), ("Ban Chỉ huy ", "Chỉ huy trưởng "),
    ("Ban ", "Trưởng "), ("Công an ", "Trưởng "), ("Chi cục ", "Chi cục trưởng "), ("Trường ", "Hiệu trưởng "),
)


def lower_first(text: str) -> str:
    """«Triển khai …» → «triển khai …» inside a sentence; an abbreviation (UBND, MTQG) keeps its capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:]


def head(document, ref: str) -> str:
    """The head of a unit given by its id («Trưởng phòng Lao động - …»); any other text as written."""
    unit = document.units.get(ref)
    if unit is None:
        return ref
    name = unicodedata.normalize("NFC", unit.name).replace("Uỷ ban", "Ủy ban")
    if name.startswith("Phòng "):
        return f"Trưởng phòng {name[len('Phòng '):]}"
    for start, title in _HEADS:
        if name.startswith(start):
            return f"{title}{name}"
    return f"Thủ trưởng {lower_first(name) if name.startswith(('Các ', 'Những ')) else name}"
