"""Thẩm quyền ký không khớp với chức vụ người ký.

    Nghị định 30 (Điều 13; Phụ lục I, II.7.b): cấp phó ký thay cấp trưởng ghi «KT.» trước chức vụ của cấp
    trưởng (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH); «TM.» chỉ đứng trước tên tập thể (TM. ỦY BAN NHÂN DÂN), không đứng
    trước một chức vụ; người đứng đầu tự ký thì không ghi «KT.».

    Đúng:
        quyen_han: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]
        chuc_vu: PHÓ CHỦ TỊCH

    Sai:
        quyen_han: [TM. ỦY BAN NHÂN DÂN]
        chuc_vu: PHÓ CHỦ TỊCH          # cấp phó ký mà không có dòng KT. CHỦ TỊCH
"""

from collections.abc import Iterator

from kehoach.rules.base import Finding, PlanContext, Severity

ID = "signature-authority"
SEVERITY = Severity.ERROR
STAGE = "plan"

#: Titles of one person (TM. stands before a collective body, never before one of these).
_POSITIONS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG",
              "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")


def _split(line: str) -> tuple[str, str]:
    prefix, _, title = line.partition(".")
    return prefix.strip().upper(), title.strip().upper()


def check(ctx: PlanContext) -> Iterator[Finding]:
    signature = ctx.plan.signature
    position = signature.position.upper()
    lines = [_split(line) for line in signature.authority]
    deputy = position.startswith("PHÓ ")
    acting_for = [title for prefix, title in lines if prefix == "KT"]
    for index, (prefix, title) in enumerate(lines):
        if prefix == "TM" and title in _POSITIONS:
            yield Finding(f"«TM.» chỉ đứng trước tên tập thể, không đứng trước chức vụ «{title}»: ký thay mặt Ủy ban "
                          f"thì ghi «TM. ỦY BAN NHÂN DÂN» rồi chức vụ ở dòng dưới; cấp phó ký thay thì ghi «KT. {title}»",
                          ("ky", "quyen_han", index))
        if prefix == "KT" and title == position:
            yield Finding(f"người ký là {position} tự ký thì không ghi «KT. {title}»; hãy bỏ dòng này",
                          ("ky", "quyen_han", index))
        if prefix == "KT" and deputy and position != f"PHÓ {title}":
            yield Finding(f"«KT. {title}» không khớp chức vụ {position}; cấp phó ký thay cấp trưởng của chính mình "
                          f"(ví dụ KT. {position.removeprefix('PHÓ ')})", ("ky", "quyen_han", index))
    if deputy and not acting_for:
        head = position.removeprefix("PHÓ ")
        yield Finding(f"{position} ký thay cấp trưởng nên cần dòng «KT. {head}» ngay trên chức vụ; hãy thêm vào "
                      "quyen_han", ("ky", "chuc_vu"))
