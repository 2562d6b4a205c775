"""Tên loại văn bản (KẾ HOẠCH) thiếu, chưa in hoa, sai cỡ, kiểu chữ hoặc chưa canh giữa.

    Nghị định 30 (Phụ lục I, II.5.b): tên loại văn bản trình bày bằng chữ in hoa, cỡ chữ 13–14, kiểu
    chữ đứng, đậm, canh giữa, đứng riêng một dòng dưới phần đầu văn bản. kehoach nhận tên loại theo bảng
    tên loại của Phụ lục III (Kế hoạch, Quyết định, Báo cáo, …). Loại văn bản không có dòng tên loại theo
    data/kinds (Công văn: trích yếu «V/v …» dưới số, ký hiệu) thì không cần dòng này.

    Đúng:
        KẾ HOẠCH                                  (in hoa, đậm, cỡ 13 hoặc 14, canh giữa)

    Sai:
        Kế hoạch                                  # chưa in hoa
        KẾ HOẠCH                                  (canh trái, không đậm)
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-type-name"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    kind = doc.doc_type
    if kind is None and doc.doc_type_info is not None:
        return  # a kind without a kind line, found by its summary under the number (Công văn: «V/v …»)
    if kind is None:
        yield doc.whole("không tìm thấy tên loại văn bản (ví dụ «KẾ HOẠCH») đứng riêng một dòng dưới phần đầu; Nghị "
                        "định 30 quy định tên loại in hoa, đậm, canh giữa")
        return
    problem = looks(doc, kind, "tên loại văn bản", doc.profile.sizes.doc_type, align="center")
    if problem is not None:
        yield problem
