"""Khối chữ ký thiếu, sai chữ viết tắt thẩm quyền, chưa in hoa, hoặc sai cỡ, kiểu chữ của họ tên.

    Nghị định 30 (Phụ lục I, II.7.b, II.7.đ): quyền hạn, chức vụ của người ký trình bày bằng chữ in hoa,
    cỡ chữ 13–14, kiểu chữ đứng, đậm; thẩm quyền ký viết tắt «TM.», «KT.», «Q.», «TL.», «TUQ.» (in hoa, dấu
    chấm, không gạch chéo); họ tên người ký chữ in thường (viết hoa chữ đầu), cỡ 13–14, đứng, đậm. Ủy ban
    nhân dân làm việc theo chế độ tập thể nên ký «TM. ỦY BAN NHÂN DÂN» (Điều 13). kehoach tìm khối chữ ký
    ở ô bên phải «Nơi nhận:».

    Đúng:
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Đinh Văn Sơn                              (đậm, chữ thường)

    Sai:
        T/M ỦY BAN NHÂN DÂN                       # «TM.»: không gạch chéo, có dấu chấm
        ĐINH VĂN SƠN                              # họ tên không viết in hoa

    Văn bản của Đảng (Hướng dẫn 36-HD/VPTW, II.1.7.1): cấp ủy ký thay mặt tập thể «T/M» (có gạch chéo,
    không dấu chấm), cấp phó ký thay «K/T»: «T/M ĐẢNG ỦY» / «BÍ THƯ» / họ tên.
"""

import re
from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks, upper
from kehoach.rules.base import Problem, Severity

ID = "docx-signer"
SEVERITY = Severity.ERROR
STAGE = "docx"

_PREFIX_LIKE = re.compile(r"^(T/M|K/T|T/L|T/UQ|TUQ|TM|KT|TL|Q)(?=[\s./]|$)", re.IGNORECASE)


def _key(prefix: str) -> str:
    """TM., T/M, tm → TM: the same authority however it is written."""
    return prefix.upper().replace("/", "").rstrip(".")


def check(doc: DocxContext) -> Iterator[Problem]:
    signing = doc.profile.signing
    prefixes = signing.authority.value
    right = {_key(p): p for p in prefixes}
    how = "có gạch chéo, không dấu chấm" if "/" in prefixes[0] else "có dấu chấm, không gạch chéo"
    titles, name = doc.signer_titles, doc.signer_name
    if not titles:
        yield doc.whole("không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký) ở ô bên phải «Nơi nhận:»; "
                        f"{doc.law} quy định khối chữ ký ngang hàng với nơi nhận")
        return
    for line in titles:
        match = _PREFIX_LIKE.match(line.clean)
        if match and not line.clean.startswith(prefixes):
            yield doc.at(line, f"viết sai thẩm quyền ký «{match[1]}»; {doc.law} quy định viết tắt "
                               f"«{right.get(_key(match[1]), prefixes[0])}» (in hoa, {how})")
        problem = looks(doc, line, "quyền hạn, chức vụ người ký", doc.profile.sizes.signer, caps=True)
        if problem is not None:
            yield problem
    organ = " ".join(p.clean.upper().replace("UỶ", "ỦY") for p in doc.organ)
    body = next((body for body in signing.collective.value if body in organ), None)
    if body is not None and not any(_PREFIX_LIKE.match(t.clean) for t in titles):
        yield doc.at(titles[0], f"thiếu thẩm quyền ký; {body.capitalize()} làm việc theo chế độ tập thể, {doc.law} "
                                f"({signing.collective.clause.split(':')[0]}) quy định ký «{prefixes[0]} {body}» trên "
                                "chức vụ")
    if name is None:
        yield doc.at(titles[-1], "không tìm thấy họ tên người ký dưới chức vụ (chữ thường, in đậm, sau khoảng trống "
                                 "để ký)")
        return
    if upper(name):
        yield doc.at(name, f"họ tên người ký viết in hoa; {doc.law} quy định họ tên viết chữ thường, viết hoa chữ "
                           "đầu mỗi tiếng")
    problem = looks(doc, name, "họ tên người ký", doc.profile.sizes.signer)
    if problem is not None:
        yield problem
