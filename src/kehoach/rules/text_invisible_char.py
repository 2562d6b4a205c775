"""Ký tự vô hình trong chữ: dấu cách độ rộng 0, dấu cách không ngắt, gạch nối mềm, BOM.

    Chữ sao chép từ Word, trang web hay PDF thường mang theo ký tự không nhìn thấy: dấu cách độ rộng 0
    (U+200B), ký tự nối/ngắt (U+200C, U+200D, U+2060), BOM (U+FEFF), gạch nối mềm (U+00AD), dấu cách không
    ngắt (U+00A0). Chúng làm sai việc tìm kiếm, ngắt dòng và căn lề trong văn bản Word. kehoach chỉ ra dòng,
    cột (khi đoạn chữ viết trên một dòng) và mã ký tự để xóa hoặc thay bằng dấu cách thường.

    Đúng:
        trich_yeu: Tuyên truyền phòng, chống thiên tai

    Sai:
        trich_yeu: Tuyên truyền phòng, chống thiên tai    (giữa «truyền» và dấu cách có U+200B, không nhìn thấy)
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.rules.text_legacy_encoding import detect
from kehoach.source.fixes import replace

ID = "text-invisible-char"
SEVERITY = Severity.WARNING
STAGE = "plan"

_NAMES = {
    "\u00a0": "dấu cách không ngắt",
    "\u00ad": "gạch nối mềm",
    "\u200b": "dấu cách độ rộng 0",
    "\u200c": "ký tự ngắt độ rộng 0",
    "\u200d": "ký tự nối độ rộng 0",
    "\u2060": "ký tự nối từ",
    "\ufeff": "dấu BOM",
}
#: Spaces that look like a space but are not one: replaced, not deleted.
_SPACES = {"\u00a0", "\u2007", "\u202f"}


@cache  # asked once per distinct character of every text: a plan has a few hundred
def _invisible(char: str) -> bool:
    # The ones named above, odd spaces, and every other invisible format character (Unicode category Cf:
    # direction marks, invisible operators, …); the loader has already refused the control characters.
    return char in _SPACES or char > "\x7f" and unicodedata.category(char) == "Cf"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        # In text pasted from a .VnTime font, U+00AD is the letter «ư»: text-legacy-encoding covers it.
        legacy = "\u00ad" if "\u00ad" in text and (detect(text) or ("",))[0] == "TCVN3" else None
        # The distinct characters first (a text has a few hundred, and most texts none of these), then their
        # places: a 1 MB paragraph is scanned by the regular expression engine, not character by character.
        wanted = "".join(char for char in set(text) if _invisible(char) and char != legacy)
        seen: dict[tuple, list] = {}  # (where, character) -> the offset of each place found there
        for match in re.finditer(f"[{re.escape(wanted)}]", text) if wanted else ():
            seen.setdefault((locate(ctx, path, match.start()), match.group()), []).append(match.start())
        for (where, char), offsets in seen.items():
            count = len(offsets)
            name = _NAMES.get(char, "dấu cách lạ" if char in _SPACES else "ký tự định dạng vô hình")
            times = f" ({count} chỗ trong đoạn này)" if count > 1 else ""
            fix = "hãy thay bằng dấu cách thường" if char in _SPACES else "hãy xóa ký tự này"
            edit = None
            if count == 1:  # one exact place (several behind one position cannot be told apart)
                edit = replace(ctx.source, path, offsets[0], offsets[0] + 1, " " if char in _SPACES else "",
                               "Thay bằng dấu cách thường" if char in _SPACES else f"Xóa ký tự U+{ord(char):04X}")
            yield Problem(f"có ký tự vô hình U+{ord(char):04X} ({name}){times}, thường lẫn vào khi sao chép từ Word "
                          f"hay trang web; {fix}", location=where, fix=edit)
