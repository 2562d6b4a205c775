"""Chữ không dùng phông Times New Roman (hoặc dùng phông TCVN3/VNI cũ).

    Nghị định 30 (Phụ lục I, I.4): phông chữ tiếng Việt Unicode theo TCVN 6909:2001; các mẫu dùng Times
    New Roman. Word chọn phông cho từng chữ theo bốn ô (ascii, hAnsi cho chữ có dấu, eastAsia, cs), nên cả
    bốn phải là Times New Roman, kể cả phông lấy từ chủ đề (theme) hay từ kiểu chữ (style). Các phông
    .VnTime (TCVN3) và VNI-Times là bảng mã cũ: văn bản phải chuyển mã sang Unicode (Unikey → Công cụ
    chuyển mã) rồi mới đổi phông.

    Đúng:
        Font: Times New Roman (Latin text và Complex scripts, kể cả Asian text)

    Sai:
        Font: Arial
        Font: .VnTime              # phông TCVN3, không phải Unicode
        Font: +Body (Calibri)      # phông theo chủ đề của Word
"""

import re
from collections.abc import Iterator

from kehoach.rules._docx import DocxContext
from kehoach.rules.base import Problem, Severity

ID = "docx-font"
SEVERITY = Severity.ERROR
STAGE = "docx"

_LEGACY = re.compile(r"^(\.vn|vni[- ]|vn[- ])", re.IGNORECASE)


def check(doc: DocxContext) -> Iterator[Problem]:
    font = doc.profile.font.value
    for p in doc.paragraphs:
        names: list[str] = []
        for run in p.runs:
            for name in run.fonts:
                # An unset slot falls back to Word's default; only a named font other than Times is wrong.
                if name and name.casefold() != font.casefold() and name not in names:
                    names.append(name)
        legacy = [n for n in names if _LEGACY.match(n)]
        if legacy:
            yield doc.at(p, f"phông chữ {legacy[0]} là bảng mã cũ, không phải Unicode; hãy chuyển mã sang Unicode "
                            f"rồi dùng phông {font} ({doc.law}, {doc.profile.font.clause.split(':')[0]})")
        elif names:
            yield doc.at(p, f"phông chữ {', '.join(names)}; {doc.law} quy định phông {font} (Unicode)")
