"""Chữ không dùng phông Times New Roman (hoặc dùng phông TCVN3/VNI cũ).

    Nghị định 30 (Phụ lục I, I.4): phông chữ tiếng Việt Unicode theo TCVN 6909:2001; các mẫu dùng Times
    New Roman. Word chọn phông cho từng chữ theo bốn ô (ascii, hAnsi cho chữ có dấu, eastAsia, cs), nên cả
    bốn phải là Times New Roman, kể cả phông lấy từ chủ đề (theme) hay từ kiểu chữ (style). Các phông
    .VnTime (TCVN3) và VNI-Times là bảng mã cũ: văn bản phải chuyển mã sang Unicode (Unikey → Công cụ
    chuyển mã) rồi mới đổi phông. Đầu trang, chân trang (Header, Footer) của mọi phần (section) cũng vậy.

    Đúng:
        Font: Times New Roman (Latin text và Complex scripts, kể cả Asian text)

    Sai:
        Font: Arial
        Font: .VnTime              # phông TCVN3, không phải Unicode
        Font: +Body (Calibri)      # phông theo chủ đề của Word
"""

import re
from collections.abc import Iterator

from kehoach.rules._docx import DocxContext, Paragraph
from kehoach.rules.base import Problem, Severity

ID = "docx-font"
SEVERITY = Severity.ERROR
STAGE = "docx"

_LEGACY = re.compile(r"^(\.vn|vni[- ]|vn[- ])", re.IGNORECASE)


def check(doc: DocxContext) -> Iterator[Problem]:
    for p in doc.paragraphs:
        message = _fonts(doc, p)
        if message:
            yield doc.at(p, message)
    for where, story in doc.stories():  # headers and footers: the page number, a footer line
        for p in story.paragraphs:
            message = _fonts(doc, p)
            if message:
                yield doc.in_story(where, p, message)


def _fonts(doc: DocxContext, p: Paragraph) -> str | None:
    font = doc.profile.font.value
    names: list[str] = []
    for run in p.runs:
        for name in run.fonts:
            # An unset slot falls back to Word's default; only a named font other than Times is wrong.
            if name and name.casefold() != font.casefold() and name not in names:
                names.append(name)
    legacy = [n for n in names if _LEGACY.match(n)]
    if legacy:
        return (f"phông chữ {legacy[0]} là bảng mã cũ, không phải Unicode; hãy chuyển mã sang Unicode rồi dùng phông "
                f"{font} ({doc.law}, {doc.profile.font.clause.split(':')[0]})")
    if names:
        return f"phông chữ {', '.join(names)}; {doc.law} quy định phông {font} (Unicode)"
    return None
