"""Văn bản của Đảng thiếu tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM», hoặc tiêu đề sai cỡ, kiểu chữ, thiếu đường kẻ dưới.

    Hướng dẫn 36-HD/VPTW (II.1.1.2; Phụ lục 3 dòng 1): văn bản của Đảng không có Quốc hiệu, Tiêu ngữ; dòng
    đầu, góc phải trang đầu là tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM», chữ in hoa, cỡ 15, đứng, đậm, dưới có
    đường kẻ nét liền dài bằng dòng chữ. Chỉ áp dụng cho văn bản theo thể thức của Đảng (`the_thuc: hd36`, hoặc
    văn bản Word có dòng này).

    Đúng:
        ĐẢNG CỘNG SẢN VIỆT NAM                    (in hoa, đậm, cỡ 15)
        ──────────────────────                    (đường kẻ dài bằng dòng chữ)

    Sai:
        Đảng Cộng sản Việt Nam                    # chưa in hoa
        ĐẢNG CỘNG SẢN VIỆT NAM                    (cỡ 13, không có đường kẻ bên dưới)
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, looks
from kehoach.rules.base import Problem, Severity

ID = "docx-party-title"
SEVERITY = Severity.ERROR
STAGE = "docx"
ONLY_FOR_HEADER = "party"  # a Party document's header (Hướng dẫn 36); a State document has docx-national-title


def check(doc: DocxContext) -> Iterator[Problem]:
    expected = doc.profile.texts.party_title.value
    title = doc.party_title
    if title is None:
        yield doc.whole(f"không tìm thấy tiêu đề «{expected}» ở phần đầu văn bản; {doc.law} quy định văn bản của "
                        "Đảng có tiêu đề này ở dòng đầu, bên phải trang đầu, thay cho Quốc hiệu và Tiêu ngữ")
        return
    problem = looks(doc, title, f"«{expected}»", doc.profile.sizes.party_title)
    if problem is not None:
        yield problem
    if not doc.line_below(title, underline=True):
        yield doc.at(title, f"thiếu đường kẻ ngang dưới tiêu đề; {doc.law} quy định đường kẻ nét liền, dài bằng "
                            "dòng chữ")
