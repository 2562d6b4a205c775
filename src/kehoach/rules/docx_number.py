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
                                                # (Quyết định, Nghị quyết quy phạm thì có: 36/2013/QĐ-UBND)
        Số: 172/QĐ-UBND                         # tên loại là KẾ HOẠCH thì ký hiệu là KH

    Văn bản của Đảng (Hướng dẫn 36-HD/VPTW, II.1.3; Phụ lục 3 dòng 3): «Số» không có dấu hai chấm, gạch nối
    «-» trước chữ viết tắt tên loại, gạch chéo «/» trước chữ viết tắt cơ quan; cỡ chữ 14, đứng.

    Đúng:
        Số 12-KH/ĐU
"""

import re
from collections.abc import Iterator

from kehoach.rules._citations import DUAL_FORM
from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-number"
SEVERITY = Severity.ERROR
STAGE = "docx"

_SHAPE = re.compile(r"Số:\s*(?P<number>\d*)\s*/\s*(?P<symbol>.+)")
_YEAR = re.compile(r"(?:19|20)\d\d/")
#: A Party document's number (HD 36, II.1.3): «Số 12-KH/ĐU», no colon, «-» before the kind, «/» before the organ.
_PARTY = re.compile(r"Số\s*(?P<colon>:?)\s*(?P<number>\d*)\s*-\s*(?P<kind>[^/\s]+)/(?P<organ>\S+)")


def check(doc: DocxContext) -> Iterator[Problem]:
    line = doc.number
    party = doc.profile.is_party
    if line is None:
        shape, example = ("Số …-…/…", "Số 05-KH/ĐU") if party else ("Số: …/…", "Số: 05/KH-UBND")
        yield doc.whole(f"không tìm thấy dòng «{shape}» dưới tên cơ quan; {doc.law} quy định số, ký hiệu ở đó, "
                        f"ví dụ «{example}»")
        return
    yield from (_party_text if party else _text)(doc, line)
    problem = looks(doc, line, "số, ký hiệu", doc.profile.sizes.number)
    if problem is not None:
        yield problem


def _party_text(doc: DocxContext, line) -> Iterator[Problem]:
    match = _PARTY.fullmatch(line.clean)
    info = doc.doc_type_info
    code = info.abbreviation if info is not None and info.abbreviation else None
    example = f"Số 05-{code or 'KH'}/ĐU"
    if match is None:
        yield doc.at(line, f"không đúng dạng «Số <số>-<tên loại>/<cơ quan>»; {doc.law} quy định chữ «Số» không có "
                           f"dấu hai chấm, gạch nối trước tên loại, gạch chéo trước cơ quan, ví dụ «{example}»")
        return
    if match["colon"]:
        yield doc.at(line, f"có dấu hai chấm sau «Số»; {doc.law} quy định không có dấu hai chấm, ví dụ «{example}»")
    number = match["number"]
    if len(number) == 1:
        yield doc.at(line, f"số {number} thiếu số 0; {doc.law} quy định số nhỏ hơn 10 ghi thêm số 0: «0{number}»")
    if code is not None and match["kind"] != code:
        yield doc.at(line, f"ký hiệu «{match['kind']}» không khớp tên loại {info.name.upper()}; viết tắt của "
                           f"{info.name} là «{code}»")


def _text(doc: DocxContext, line) -> Iterator[Problem]:
    match = _SHAPE.fullmatch(line.clean)
    info = doc.doc_type_info
    code = info.abbreviation if info is not None and info.abbreviation else None
    example = f"Số: 05/{code or 'KH'}-UBND"
    if match is None:
        yield doc.at(line, f"không đúng dạng «Số: <số>/<ký hiệu>»; {doc.law} quy định chữ «Số» và dấu hai chấm, "
                           f"ví dụ «{example}»")
        return
    number, symbol = match["number"], match["symbol"]
    if len(number) == 1:
        yield doc.at(line, f"số {number} thiếu số 0; {doc.law} quy định số nhỏ hơn 10 ghi thêm số 0: «0{number}»")
    if " " in symbol:
        yield doc.at(line, f"ký hiệu «{symbol}» có dấu cách; {doc.law} quy định các nhóm chữ nối bằng «-», "
                           "không cách chữ")
        return
    if _YEAR.match(symbol) and _may_be_normative(info):
        symbol = symbol[5:]  # 36/2013/QĐ-UBND: a legal normative document carries its year (kind data)
    if _YEAR.match(symbol):
        if info is None or not (info.is_legal_normative or info.name in DUAL_FORM):
            yield doc.at(line, f"ký hiệu có năm «{symbol[:4]}»; ký hiệu văn bản hành chính không ghi năm "
                               f"({doc.law}, Phụ lục I, II.3), ví dụ «{example}»")
            return
        symbol = symbol[5:]  # 36/2013/QĐ-UBND: a legal normative decision carries its year (ND30 Điều 8)
    kind, _, organ = symbol.partition("-")
    if not organ:
        yield doc.at(line, f"ký hiệu «{symbol}» thiếu chữ viết tắt tên cơ quan; {doc.law} quy định dạng "
                           f"«{example}»")
    elif organ != organ.upper():
        yield doc.at(line, f"chữ viết tắt tên cơ quan «{organ}» chưa in hoa; {doc.law} quy định ký hiệu in hoa")
    if code is not None and kind != code:
        yield doc.at(line, f"ký hiệu «{kind}» không khớp tên loại {info.name.upper()}; {doc.law} (Phụ lục III) "
                           f"viết tắt {info.name} là «{code}»")


def _may_be_normative(info) -> bool:
    """A kind whose data says its documents may be legal normative (co_the_quy_pham: a Quyết định of a UBND)."""
    from kehoach.kinds import catalog

    kind = catalog.find(info.name) if info is not None else None
    return kind is not None and kind.may_be_normative
