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

from kehoach import profiles
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "signature-authority"
SEVERITY = Severity.ERROR
STAGE = "plan"

#: Titles of one person (TM. stands before a collective body, never before one of these).
_POSITIONS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG",
              "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
              "BÍ THƯ", "PHÓ BÍ THƯ")


def _split(line: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    """(TM, ỦY BAN NHÂN DÂN) from «TM. ỦY BAN NHÂN DÂN», and from a Party document's «T/M ĐẢNG ỦY»."""
    upper = line.upper()
    for prefix in prefixes:
        if upper.startswith(prefix):
            return prefix.replace("/", "").rstrip("."), upper[len(prefix):].strip()
    return "", upper.strip()


def check(ctx: PlanContext) -> Iterator[Problem]:
    signature = ctx.plan.signature
    prefixes = profiles.text(ctx.plan.layout_id, "signing", "authority")
    written = {prefix.replace("/", "").rstrip("."): prefix for prefix in prefixes}
    on_behalf, acting = written.get("TM", "TM."), written.get("KT", "KT.")
    position = signature.position.upper()
    lines = [_split(line, prefixes) for line in signature.authority]
    deputy = position.startswith("PHÓ ")
    acting_for = [title for prefix, title in lines if prefix == "KT"]
    for index, (prefix, title) in enumerate(lines):
        if prefix == "TM" and title in _POSITIONS:
            yield Problem(f"«{on_behalf}» chỉ đứng trước tên tập thể, không đứng trước chức vụ «{title}»: ký thay mặt "
                          f"{_body(on_behalf)} rồi chức vụ ở dòng dưới; cấp phó ký thay thì ghi «{acting} {title}»",
                          ("ky", "quyen_han", index))
        if prefix == "KT" and title == position:
            yield Problem(f"người ký là {position} tự ký thì không ghi «{acting} {title}»; hãy bỏ dòng này",
                          ("ky", "quyen_han", index))
        if prefix == "KT" and deputy and position != f"PHÓ {title}":
            yield Problem(f"«{acting} {title}» không khớp chức vụ {position}; cấp phó ký thay cấp trưởng của chính mình "
                          f"(ví dụ {acting} {position.removeprefix('PHÓ ')})", ("ky", "quyen_han", index))
    if deputy and not acting_for:
        head = position.removeprefix("PHÓ ")
        yield Problem(f"{position} ký thay cấp trưởng nên cần dòng «{acting} {head}» ngay trên chức vụ; hãy thêm vào "
                      "quyen_han", ("ky", "chuc_vu"))


def _body(on_behalf: str) -> str:
    """«Ủy ban thì ghi «TM. ỦY BAN NHÂN DÂN»»: how the body is named, in the document's layout."""
    if on_behalf == "TM.":
        return "Ủy ban thì ghi «TM. ỦY BAN NHÂN DÂN»"
    return f"cấp ủy thì ghi «{on_behalf} ĐẢNG ỦY» (hoặc «{on_behalf} BAN THƯỜNG VỤ»)"
