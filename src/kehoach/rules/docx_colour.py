"""Chữ không phải màu đen.

    Nghị định 30 (Phụ lục I, I.4): chữ trình bày màu đen. Màu «Automatic» của Word là đen trên nền trắng
    nên được chấp nhận; chữ xanh của liên kết (hyperlink), chữ đỏ đánh dấu khi soạn thảo thì không. Đầu trang,
    chân trang (Header, Footer) của mọi phần (section) cũng vậy.

    Đúng:
        Font color: Automatic (hoặc Black)

    Sai:
        Font color: Red             # chữ đánh dấu còn sót khi soạn
        Font color: Blue            # liên kết (hyperlink) dán từ trang web
"""

from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, Paragraph
from kehoach.rules.base import Problem, Severity

ID = "docx-colour"
SEVERITY = Severity.ERROR
STAGE = "docx"

_BLACK_THEME = (None, "text1", "dark1")


def check(doc: DocxContext) -> Iterator[Problem]:
    for p in doc.paragraphs:
        colour = _colour(p)
        if colour:
            yield doc.at(p, f"chữ màu {colour}; {doc.law} quy định chữ màu đen")
    for where, story in doc.stories():  # headers and footers too
        for p in story.paragraphs:
            colour = _colour(p)
            if colour:
                yield doc.in_story(where, p, f"chữ màu {colour}; {doc.law} quy định chữ màu đen")


def _colour(p: Paragraph) -> str | None:
    """The first colour other than black of the paragraph's text, as a message names it; None: all black."""
    for run in p.runs:
        if run.theme_colour not in _BLACK_THEME:
            return f"theo chủ đề ({run.theme_colour})"
        if run.theme_colour is None and (run.colour or "auto").upper() not in ("AUTO", "000000"):
            return run.colour
    return None
