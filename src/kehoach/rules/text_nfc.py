"""Chữ được gõ dạng Unicode tổ hợp (dấu tách rời chữ), không phải Unicode dựng sẵn.

    Cùng một chữ «Mục» có thể lưu theo hai cách: dựng sẵn (một ký tự «ụ») hoặc tổ hợp (chữ «u» cộng dấu
    nặng). Chữ tổ hợp thường đến từ bộ gõ đặt «Unicode tổ hợp» hoặc từ chữ sao chép trong tệp PDF trên máy
    Mac. Trông giống nhau nhưng tìm kiếm, sắp xếp và so khớp sẽ sai (Word có thể hiện dấu lệch chữ).
    kehoach tự chuẩn hóa khi in văn bản, nhưng tệp kế hoạch nên được lưu dạng «Unicode dựng sẵn»: trong
    Unikey, chọn bảng mã «Unicode» (không phải «Unicode tổ hợp»), hoặc dùng Công cụ chuyển mã của Unikey.

    Đúng:
        trich_yeu: Tuyên truyền phòng, chống thiên tai     (gõ bằng bảng mã Unicode dựng sẵn)

    Sai:
        trich_yeu: Tuyên truyền phòng, chống thiên tai     (cùng chữ, nhưng dấu là ký tự tổ hợp riêng,
                                                          ví dụ «e» + U+0302 + U+0300 thay cho «ề»)
"""

import re
import unicodedata
from collections.abc import Iterator

from kehoach.problems import Fix
from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace_edit

ID = "text-nfc"
SEVERITY = Severity.WARNING
STAGE = "plan"

#: Words split on spaces and punctuation, which never compose with a letter (an odd space such as U+2000,
#: itself not NFC, stays inside a "word" and findable).
_WORD = re.compile(r"[^ \n,.;:!?()\[\]\"“”«»]+")


def check(ctx: PlanContext) -> Iterator[Problem]:
    # Keys need no check here: in a valid plan every key is a fixed ASCII name or an ASCII id.
    for path, text in ctx.strings():
        if unicodedata.is_normalized("NFC", text):
            continue
        words = [m for m in _WORD.finditer(text) if not unicodedata.is_normalized("NFC", m.group())]
        first = words[0]
        word = unicodedata.normalize("NFC", first.group()).strip()
        more = f" (và {len(words) - 1} chữ khác trong đoạn này)" if len(words) > 1 else ""
        yield Problem(f"chữ «{word}» được gõ dạng Unicode tổ hợp{more}; kehoach sẽ tự chuẩn hóa, nhưng hãy lưu tệp "
                      "dạng «Unicode dựng sẵn» (bảng mã Unicode trong Unikey)",
                      location=locate(ctx, path, first.start()), fix=_fix(ctx, path, words))


def _fix(ctx: PlanContext, path, words: list[re.Match]) -> Fix | None:
    """Every decomposed word of the value written precomposed (NFC), when each edit is exact."""
    edits = [replace_edit(ctx.source, path, m.start(), m.end(), unicodedata.normalize("NFC", m.group())) for m in words]
    return Fix("Viết chữ dạng Unicode dựng sẵn", tuple(edits)) if edits and None not in edits else None
