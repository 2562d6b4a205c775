"""Phần «Nơi nhận:» thiếu, sai cỡ, kiểu chữ, sai dấu đầu, cuối dòng, hoặc thiếu dòng «- Lưu: …».

    Nghị định 30 (Phụ lục I, II.9.b): «Nơi nhận» và dấu hai chấm trình bày cỡ chữ 12, kiểu chữ nghiêng,
    đậm; các dòng nơi nhận cỡ chữ 11, kiểu chữ đứng, mỗi dòng bắt đầu bằng gạch ngang «-» và kết thúc
    bằng dấu chấm phẩy; dòng cuối cùng là «- Lưu: VT, <viết tắt đơn vị soạn thảo>», kết thúc bằng dấu chấm.

    Đúng:
        Nơi nhận:                                 (cỡ 12, đậm, nghiêng)
        - UBND các xã, thị trấn;                  (cỡ 11, đứng)
        - Lưu: VT, LĐTBXH.

    Sai:
        Nơi nhận:
        - UBND các xã, thị trấn.                  # chưa phải dòng cuối: «;»
        - UBND các xã, thị trấn;                  # thiếu dòng «- Lưu: VT, <đơn vị soạn thảo>.»

    Dòng Lưu viết khác «- Lưu: VT, <đơn vị soạn thảo>.» là cảnh báo riêng, docx-archive-line.
"""

import re
from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-recipients"
SEVERITY = Severity.ERROR
STAGE = "docx"

_ARCHIVE_LIKE = re.compile(r"^[-+•–—]?\s*Lưu\b")


def check(doc: DocxContext) -> Iterator[Problem]:
    label = doc.recipients_label
    if label is None:
        yield doc.whole(f"không tìm thấy «Nơi nhận:» dưới nội dung; {doc.law} quy định phần nơi nhận ở bên trái, "
                        "ngang hàng với chức vụ người ký")
        return
    if label.lines[0] != "Nơi nhận:":
        yield doc.at(label, f"viết sai; {doc.law} quy định viết «Nơi nhận:» (chữ N hoa, có dấu hai chấm)")
    problem = looks(doc, label, "«Nơi nhận:»", doc.profile.sizes.recipients_label)
    if problem is not None:
        yield problem
    items = doc.recipients
    if not items:
        yield doc.at(label, f"chưa có nơi nhận nào; {doc.law} quy định mỗi nơi nhận một dòng, dòng cuối là "
                            "«- Lưu: VT, <đơn vị soạn thảo>.»")
        return
    archived = any(_ARCHIVE_LIKE.match(item.text) for item in items)
    for number, item in enumerate(items, start=1):
        last = number == len(items)
        archive = bool(_ARCHIVE_LIKE.match(item.text))
        if not item.text.startswith("- "):
            yield doc.at(item.paragraph, "dòng nơi nhận phải bắt đầu bằng gạch ngang và dấu cách «- »", item.text)
        if archive and not last:
            yield doc.at(item.paragraph, "dòng «- Lưu: …» phải là dòng cuối cùng của nơi nhận", item.text)
        elif not archive and last and not archived:
            yield doc.at(item.paragraph, f"thiếu dòng «- Lưu: VT, <đơn vị soạn thảo>.» cuối nơi nhận; {doc.law} "
                                         "quy định dòng cuối cùng là nơi lưu văn bản", item.text)
        elif not archive and not item.text.endswith(";"):
            yield doc.at(item.paragraph, "dòng nơi nhận phải kết thúc bằng dấu chấm phẩy «;»", item.text)
    for paragraph in dict.fromkeys(item.paragraph for item in items if item.paragraph is not label):
        problem = looks(doc, paragraph, "các dòng nơi nhận", doc.profile.sizes.recipients)
        if problem is not None:
            yield problem
