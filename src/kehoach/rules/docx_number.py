"""Dòng «Số:» thiếu, sai dạng, số nhỏ hơn 10 thiếu số 0, hoặc sai cỡ, kiểu chữ.

    Nghị định 30 (Phụ lục I, II.3): «Số» viết chữ thường (chữ S hoa) và dấu hai chấm; số nhỏ hơn 10 ghi
    thêm số 0 phía trước; giữa số và ký hiệu có dấu «/», giữa các nhóm chữ viết tắt có dấu «-», không cách
    chữ; ký hiệu văn bản hành chính không có năm, bắt đầu bằng chữ viết tắt tên loại (Kế hoạch: KH, Phụ
    lục III). Cả dòng cỡ chữ 13, kiểu chữ đứng. Bản dự thảo được để trống số cho văn thư điền.

    Đúng:
        Số: 05/KH-UBND
        Số:      /KH-UBND                       # bản dự thảo, chưa cấp số

    Sai:
        Số: 5/KH-UBND                           # thiếu số 0
        Số: 172/2024/KH-UBND                    # văn bản hành chính không ghi năm
        Số: 172/QĐ-UBND                         # tên loại là KẾ HOẠCH thì ký hiệu là KH
"""

import re
from collections.abc import Iterator

from kehoach.profiles import nd30
from kehoach.rules._docx import DocxContext, formatting
from kehoach.rules.base import Finding, Severity

ID = "docx-number"
SEVERITY = Severity.ERROR
STAGE = "docx"

_SHAPE = re.compile(r"Số:\s*(?P<number>\d*)\s*/\s*(?P<symbol>.+)")
_YEAR = re.compile(r"(?:19|20)\d\d/")


def check(doc: DocxContext) -> Iterator[Finding]:
    line = doc.number
    if line is None:
        yield doc.whole("không tìm thấy dòng «Số: …/…» dưới tên cơ quan; Nghị định 30 quy định số, ký hiệu ở đó, "
                        "ví dụ «Số: 05/KH-UBND»")
        return
    yield from _text(doc, line)
    problem = formatting(doc, line, "số, ký hiệu", size=nd30.SIZE_NUMBER, bold=False, italic=False)
    if problem is not None:
        yield problem


def _text(doc: DocxContext, line) -> Iterator[Finding]:
    match = _SHAPE.fullmatch(line.clean)
    info = doc.doc_type_info
    code = info.abbreviation if info is not None and info.abbreviation else None
    example = f"Số: 05/{code or 'KH'}-UBND"
    if match is None:
        yield doc.at(line, f"không đúng dạng «Số: <số>/<ký hiệu>»; Nghị định 30 quy định chữ «Số» và dấu hai chấm, "
                           f"ví dụ «{example}»")
        return
    number, symbol = match["number"], match["symbol"]
    if len(number) == 1:
        yield doc.at(line, f"số {number} thiếu số 0; Nghị định 30 quy định số nhỏ hơn 10 ghi thêm số 0: «0{number}»")
    if " " in symbol:
        yield doc.at(line, f"ký hiệu «{symbol}» có dấu cách; Nghị định 30 quy định các nhóm chữ nối bằng «-», "
                           "không cách chữ")
        return
    if _YEAR.match(symbol):
        yield doc.at(line, f"ký hiệu có năm «{symbol[:4]}»; ký hiệu văn bản hành chính không ghi năm "
                           f"(Nghị định 30, Phụ lục I, II.3), ví dụ «{example}»")
        return
    kind, _, organ = symbol.partition("-")
    if not organ:
        yield doc.at(line, f"ký hiệu «{symbol}» thiếu chữ viết tắt tên cơ quan; Nghị định 30 quy định dạng "
                           f"«{example}»")
    elif organ != organ.upper():
        yield doc.at(line, f"chữ viết tắt tên cơ quan «{organ}» chưa in hoa; Nghị định 30 quy định ký hiệu in hoa")
    if code is not None and kind != code:
        yield doc.at(line, f"ký hiệu «{kind}» không khớp tên loại {info.name.upper()}; Nghị định 30 (Phụ lục III) "
                           f"viết tắt {info.name} là «{code}»")
