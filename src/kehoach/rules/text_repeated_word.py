"""Một từ viết hai lần liền nhau («số số», «về về», «phương phương»).

    Thường do gõ lại một từ khi sửa câu, hoặc do ghép hai đoạn chép từ hai nơi. Các từ láy toàn bộ của tiếng
    Việt («dần dần», «từ từ», «đời đời», «người người», «nhà nhà»…) là cách viết đúng nên không bị báo.

    Đúng:
        noi_dung: Chỉ thị số 03/CT-UBND của UBND tỉnh về rà soát lại hộ nghèo.

    Sai:
        noi_dung: Chỉ thị số số 03/CT-UBND của UBND tỉnh về rà soát lại hộ nghèo.
"""

import re
import unicodedata
from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "text-repeated-word"
SEVERITY = Severity.WARNING
STAGE = "plan"

_TWICE = re.compile(r"(?<!\w)(?P<word>[^\W\d_]+)\s+(?P<again>(?P=word))(?!\w)", re.IGNORECASE)
#: Whole-word reduplications that are correct Vietnamese (từ láy toàn bộ), and «năm năm» (five years).
_REDUPLICATED = frozenset("""
    ai bao chiều chung dần đâu đêm đều đời gì hàng hằng khá kỹ lâu lớp mãi năm ngày người nhà nhiều qua rất sáng sơ
    tháng thường tối từ vừa xa xanh đỏ trắng đen vàng cao to nhỏ ít chậm nhanh
""".split())


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        if text.isascii():
            continue
        for match in _TWICE.finditer(text):
            word = unicodedata.normalize("NFC", match["word"])
            if word.casefold() in _REDUPLICATED:
                continue
            yield Problem(f"từ «{word}» viết hai lần liền nhau («{word} {match['again']}»); hãy bỏ một từ",
                          location=locate(ctx, path, match.start("again")),
                          fix=replace(ctx.source, path, match.end("word"), match.end("again"), "",
                                      f"Bỏ một chữ «{word}»"))
