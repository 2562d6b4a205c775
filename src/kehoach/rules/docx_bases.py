"""Căn cứ ban hành không in nghiêng hoặc sai cỡ chữ.

    Nghị định 30 (Phụ lục I, II.6.a): các căn cứ trình bày bằng chữ in thường, kiểu chữ nghiêng, cỡ chữ
    13–14, mỗi căn cứ một dòng. kehoach coi các đoạn bắt đầu bằng «Căn cứ» ngay sau trích yếu, và các đoạn
    «Thực hiện …», «Triển khai thực hiện …» tiếp theo chúng, là phần căn cứ; ở quyết định (Phụ lục III, Mẫu 1.2,
    1.3), dòng thẩm quyền ban hành in hoa phía trên (ỦY BAN NHÂN DÂN …) được bỏ qua và dòng «Theo đề nghị của …»
    là căn cứ cuối cùng. Dấu cuối mỗi căn cứ là quy tắc docx-basis-end-mark.

    Đúng:
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ …
        (in nghiêng; dòng cuối kết thúc bằng «.»)

    Sai:
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;   # in đứng, không nghiêng
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-bases"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    for basis in doc.bases:
        problem = looks(doc, basis, "căn cứ", doc.profile.sizes.bases)
        if problem is not None:
            yield problem
