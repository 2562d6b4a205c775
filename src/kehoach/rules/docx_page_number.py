"""Số trang thiếu, không ở giữa lề trên, sai cỡ chữ, hoặc hiện cả ở trang đầu.

    Nghị định 30 (Phụ lục I, I.7): số trang đánh bằng số Ả Rập, cỡ chữ 13–14, kiểu chữ đứng, canh giữa
    theo chiều ngang trong phần lề trên của văn bản, không hiển thị số trang thứ nhất. Trong Word: số trang
    (trường PAGE) ở đầu trang (Header), căn giữa, và bật «Different First Page» (w:titlePg) để trang 1
    không có số.

    Đúng:
        Insert → Page Number → Top of Page (căn giữa), Different First Page: bật

    Sai:
        Insert → Page Number → Bottom of Page               # số trang ở chân trang
        Different First Page: tắt                           # trang 1 cũng có số
"""

import re
from collections.abc import Iterator

from kehoach.rules._docx import W, DocxContext, pt, pt_range, sections
from kehoach.rules.base import Problem, Severity

ID = "docx-page-number"
SEVERITY = Severity.ERROR
STAGE = "docx"

_PAGE = re.compile(r"\bPAGE\b")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def check(doc: DocxContext) -> Iterator[Problem]:
    found = sections(doc)
    if not found:
        return
    sect = found[0]
    number = _page_field(doc, sect, "headerReference", "default")
    if number is None:
        if _page_field(doc, sect, "footerReference", "default") is not None:
            yield doc.whole(f"số trang đặt ở chân trang; {doc.law} quy định số trang canh giữa ở phần lề trên "
                            "(Header)")
        else:
            yield doc.whole(f"văn bản chưa đánh số trang; {doc.law} quy định số trang canh giữa ở phần lề trên "
                            "(Header), từ trang 2")
    else:
        para = doc.styles.paragraph(number)
        if para.align != "center":
            yield doc.whole(f"số trang chưa canh giữa; {doc.law} quy định số trang canh giữa ở phần lề trên")
        runs = doc.styles.runs(number, text_boxes=doc.text_boxes)
        default = doc.profile.tolerances.default_size.value
        sizes = [r.size or default for r in ([r for r in runs if r.text.strip()] or runs)]
        bad = [s for s in sizes if s not in doc.profile.sizes.page_number]
        if bad:
            yield doc.whole(f"số trang cỡ chữ {pt(bad[0])}; {doc.law} quy định số trang cỡ "
                            f"{pt_range(doc.profile.sizes.page_number)}")
    title_page = sect.find(W + "titlePg")
    if title_page is None or title_page.get(W + "val") in ("0", "false", "off"):
        if number is not None:
            yield doc.whole(f"trang đầu cũng hiện số trang; {doc.law} quy định không hiển thị số trang thứ nhất: hãy "
                            "bật «Different First Page» (Trang đầu khác)")
    elif _page_field(doc, sect, "headerReference", "first") is not None:
        yield doc.whole(f"đầu trang của trang 1 có số trang; {doc.law} quy định không hiển thị số trang thứ nhất")


def _page_field(doc: DocxContext, sect, reference: str, kind: str):
    """The paragraph holding a PAGE field in the section's header (or footer) of `kind`, or None."""
    ref = next((r for r in sect.findall(W + reference) if r.get(W + "type", "default") == kind), None)
    if ref is None:
        return None
    part = doc.parts.get(ref.get(_R))
    if part is None:
        return None
    for p in part.iter(W + "p"):
        simple = [f.get(W + "instr", "") for f in p.iter(W + "fldSimple")]
        codes = "".join(t.text or "" for t in p.iter(W + "instrText"))
        if any(_PAGE.search(i) for i in simple) or _PAGE.search(codes):
            return p
    return None
