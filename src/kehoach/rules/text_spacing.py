"""Thừa dấu cách: hai dấu cách liền nhau, hoặc dấu cách trước dấu câu.

    Trong văn bản tiếng Việt, dấu câu (, . ; : ? ! và ngoặc đóng) viết liền sau chữ đứng trước, rồi mới đến
    một dấu cách; giữa hai chữ chỉ có một dấu cách. Dấu cách thừa làm dòng chữ căn đều hai bên bị giãn, và dấu
    câu đứng một mình có thể bị đẩy xuống đầu dòng sau. Dấu kết thúc «./.» và dấu ba chấm («…», «...») sau
    dấu cách không bị coi là lỗi; dấu cách đầu dòng của khối chữ nhiều dòng (| hoặc >) cũng vậy.

    Đúng:
        gach: Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai.

    Sai:
        gach: Nâng cao  nhận thức của Nhân dân về phòng , chống thiên tai .
"""

import re
from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "text-spacing"
SEVERITY = Severity.WARNING
STAGE = "plan"

# Between two non-space characters, so that indentation kept at the start of a block scalar's lines and
# spaces at a line's end (which the document never shows) are left alone.
_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")
# A space before punctuation, except before an end mark «./.» or an ellipsis «...».
_BEFORE = re.compile(r"(?<=\S) +(?!\./\.|\.\.\.)([,.;:?!)])")


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        found: dict[tuple, list] = {}  # (where, message) -> the fix of each place found there
        for match in _DOUBLE.finditer(text):
            message = "có hai dấu cách liền nhau trở lên; hãy chỉ để một dấu cách giữa hai chữ"
            fix = replace(ctx.source, path, match.start(), match.end(), " ", "Để một dấu cách")
            found.setdefault((locate(ctx, path, match.start()), message), []).append(fix)
        for match in _BEFORE.finditer(text):
            mark = match.group(1)
            message = f"thừa dấu cách trước dấu «{mark}»; hãy viết dấu câu liền sau chữ đứng trước"
            fix = replace(ctx.source, path, match.start(), match.start(1), "", f"Bỏ dấu cách trước «{mark}»")
            found.setdefault((locate(ctx, path, match.start()), message), []).append(fix)
        for (where, message), fixes in found.items():
            more = f" ({len(fixes)} chỗ như vậy trong đoạn này)" if len(fixes) > 1 else ""
            # Several places behind one position (a value that cannot be mapped): no single exact fix.
            yield Problem(message + more, location=where, fix=fixes[0] if len(fixes) == 1 else None)
