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
"""

import re
from collections.abc import Iterator

from kehoach.profiles import nd30
from kehoach.rules._docx import PREFIXES, DocxContext, formatting, upper
from kehoach.rules.base import Finding, Severity

ID = "docx-signer"
SEVERITY = Severity.ERROR
STAGE = "docx"

_PREFIX_LIKE = re.compile(r"^(T/M|K/T|T/L|T/UQ|TUQ|TM|KT|TL|Q)(?=[\s./]|$)", re.IGNORECASE)
_RIGHT = {p.rstrip("."): p for p in PREFIXES}


def check(doc: DocxContext) -> Iterator[Finding]:
    titles, name = doc.signer_titles, doc.signer_name
    if not titles:
        yield doc.whole("không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký) ở ô bên phải «Nơi nhận:»; "
                        "Nghị định 30 quy định khối chữ ký ngang hàng với nơi nhận")
        return
    for line in titles:
        match = _PREFIX_LIKE.match(line.clean)
        if match and not line.clean.startswith(PREFIXES):
            right = _RIGHT.get(match[1].upper().replace("/", ""), "TM.")
            yield doc.at(line, f"viết sai thẩm quyền ký «{match[1]}»; Nghị định 30 quy định viết tắt «{right}» "
                               "(in hoa, có dấu chấm, không gạch chéo)")
        problem = formatting(doc, line, "quyền hạn, chức vụ người ký", size=nd30.SIZE_SIGNER, bold=True, italic=False,
                             caps=True)
        if problem is not None:
            yield problem
    organ = " ".join(p.clean.upper().replace("UỶ", "ỦY") for p in doc.organ)
    if "ỦY BAN NHÂN DÂN" in organ and not any(_PREFIX_LIKE.match(t.clean) for t in titles):
        yield doc.at(titles[0], "thiếu thẩm quyền ký; Ủy ban nhân dân làm việc theo chế độ tập thể, Nghị định 30 "
                                "(Điều 13) quy định ký «TM. ỦY BAN NHÂN DÂN» trên chức vụ")
    if name is None:
        yield doc.at(titles[-1], "không tìm thấy họ tên người ký dưới chức vụ (chữ thường, in đậm, sau khoảng trống "
                                 "để ký)")
        return
    if upper(name):
        yield doc.at(name, "họ tên người ký viết in hoa; Nghị định 30 quy định họ tên viết chữ thường, viết hoa chữ "
                           "đầu mỗi tiếng")
    problem = formatting(doc, name, "họ tên người ký", size=nd30.SIZE_SIGNER, bold=True, italic=False)
    if problem is not None:
        yield problem
