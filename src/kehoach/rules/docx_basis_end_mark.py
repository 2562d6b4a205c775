"""Căn cứ của văn bản Word kết thúc sai dấu.

    Nghị định 30 (Phụ lục I, II.6.a): mỗi căn cứ một dòng, cuối dòng có dấu chấm phẩy, dòng cuối cùng kết thúc
    bằng dấu chấm. Căn cứ cuối cùng và câu mở đầu («… như sau:») viết liền trong một đoạn, như nhiều văn bản đã
    ban hành, thì đoạn đó kết thúc bằng dấu hai chấm: cách viết này đúng. Cùng quy tắc, cùng lời với
    basis-end-mark ở tệp dữ liệu. Các đoạn «Thực hiện …» sau các dòng «Căn cứ» là căn cứ (xem docx-bases).

    Đúng:
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Thực hiện Công văn số 3444/LĐTBXH-VPQGGN ngày 05/9/2022 của Bộ Lao động - Thương binh và Xã hội,
        Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

    Sai:
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.   # chưa phải dòng cuối: «;»
        Theo đề nghị của Giám đốc Sở Nội vụ,                                    # dòng cuối: «.»
"""

from collections.abc import Iterator

from kehoach.conventions.citations import end_mark_problem
from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity

ID = "docx-basis-end-mark"
SEVERITY = Severity.WARNING
STAGE = "docx"
#: The rule of the data check that finds the same slip.
COUNTERPART = "basis-end-mark"


def check(doc: DocxContext) -> Iterator[Problem]:
    mark = doc.profile.texts.last_basis_mark
    for number, basis in enumerate(doc.bases, start=1):
        problem = end_mark_problem(basis.clean, last=number == len(doc.bases), last_mark=mark and mark.value)
        if problem is not None:
            yield doc.at(basis, problem)
