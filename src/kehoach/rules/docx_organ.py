"""Tên cơ quan ban hành thiếu, chưa in hoa, sai cỡ, kiểu chữ, hoặc thiếu đường kẻ (văn bản của Đảng: dấu «*») bên dưới.

    Nghị định 30 (Phụ lục I, II.2.b): tên cơ quan ban hành trình bày bằng chữ in hoa, cỡ chữ 12–13, kiểu
    chữ đứng, đậm, canh giữa ở phía trên bên trái; tên dài được chia nhiều dòng (ỦY BAN NHÂN DÂN / HUYỆN
    …), mọi dòng đều đậm. Phía dưới có đường kẻ ngang, nét liền, dài 1/3–1/2 dòng chữ. Tên cơ quan chủ
    quản (nếu có) ở dòng trên, in hoa, cỡ 12–13, đứng, không đậm (II.2.a); «ỦY BAN NHÂN DÂN» của tên
    «ỦY BAN NHÂN DÂN HUYỆN …» không phải cơ quan chủ quản, nên phải đậm.

    Đúng:
        ỦY BAN NHÂN DÂN                          (in hoa, đậm, cỡ 12 hoặc 13)
        HUYỆN MƯỜNG ẢNG
            ─────────                            (đường kẻ ngắn)

    Sai:
        ỦY BAN NHÂN DÂN                          # không đậm, như thể là cơ quan chủ quản
        HUYỆN MƯỜNG ẢNG                          (đậm, không có đường kẻ bên dưới)

    Văn bản của Đảng (Hướng dẫn 36-HD/VPTW, Phụ lục 3 dòng 2): cấp trên in hoa, cỡ 14, không đậm; cơ quan ban
    hành in hoa, cỡ 14, đậm; dưới tên cơ quan là dấu «*» trên một dòng riêng, không có đường kẻ.

    Đúng:
        ĐẢNG BỘ HUYỆN MƯỜNG ẢNG                  (không đậm)
        ĐẢNG ỦY XÃ ẲNG NƯA                       (đậm)
        *
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-organ"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    if not doc.organ:
        beside = (f"«{doc.profile.texts.party_title.value}», trên dòng «Số»" if doc.profile.is_party
                  else "Quốc hiệu, trên dòng «Số:»")
        yield doc.whole(f"không tìm thấy tên cơ quan ban hành (ô bên trái {beside}); {doc.law} quy định tên cơ quan "
                        "in hoa, đậm, ở trên cùng bên trái trang đầu")
        return
    parent = doc.parent_organ
    if parent is not None:
        problem = looks(doc, parent, "tên cơ quan chủ quản", doc.profile.sizes.parent_organ)
        if problem is not None:
            yield problem
    for line in doc.organ:
        problem = looks(doc, line, "tên cơ quan ban hành", doc.profile.sizes.organ)
        if problem is not None:
            yield problem
    last = doc.organ[-1]
    if doc.profile.is_party:
        mark = doc.profile.texts.organ_mark.value
        if doc.organ_mark is None or doc.organ_mark.index < last.index:
            yield doc.at(last, f"thiếu dấu «{mark}» dưới tên cơ quan; {doc.law} quy định dấu «{mark}» ở dòng riêng "
                               "dưới tên cơ quan ban hành, trên dòng «Số»")
    elif not doc.line_below(last):
        yield doc.at(last, f"thiếu đường kẻ ngang dưới tên cơ quan; {doc.law} quy định đường kẻ nét liền, dài 1/3 "
                           "đến 1/2 dòng chữ, đặt cân đối giữa dòng chữ")
