"""Tên cơ quan ban hành thiếu, chưa in hoa, sai cỡ, kiểu chữ, hoặc thiếu đường kẻ bên dưới.

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
"""

from collections.abc import Iterator

from kehoach.profiles import nd30
from kehoach.rules._docx import DocxContext, formatting
from kehoach.rules.base import Finding, Severity

ID = "docx-organ"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Finding]:
    if not doc.organ:
        yield doc.whole("không tìm thấy tên cơ quan ban hành (ô bên trái Quốc hiệu, trên dòng «Số:»); Nghị định 30 "
                        "quy định tên cơ quan in hoa, đậm, ở trên cùng bên trái trang đầu")
        return
    parent = doc.parent_organ
    if parent is not None:
        problem = formatting(doc, parent, "tên cơ quan chủ quản", size=nd30.SIZE_ORGAN, italic=False, caps=True)
        if problem is not None:
            yield problem
    for line in doc.organ:
        problem = formatting(doc, line, "tên cơ quan ban hành", size=nd30.SIZE_ORGAN, bold=True, italic=False,
                             caps=True)
        if problem is not None:
            yield problem
    last = doc.organ[-1]
    if not doc.line_below(last):
        yield doc.at(last, "thiếu đường kẻ ngang dưới tên cơ quan; Nghị định 30 quy định đường kẻ nét liền, dài 1/3 "
                           "đến 1/2 dòng chữ, đặt cân đối giữa dòng chữ")
