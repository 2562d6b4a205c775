"""Kế hoạch còn chỗ đánh dấu «CẦN ĐIỀN: …» (hoặc chữ TODO) chưa được thay bằng nội dung thật.

    «kehoach init» tạo kế hoạch mới với các chỗ «CẦN ĐIỀN: …» ở những nơi cần viết nội dung. Kế hoạch
    như vậy vẫn tạo được văn bản (để xem trước bố cục), nhưng chỗ đánh dấu sẽ in nguyên ra văn bản: hãy thay
    từng chỗ bằng nội dung thật trước khi trình ký. Chữ TODO, nếu người soạn tự ghi để nhắc việc trong nội
    dung, cũng được chỉ ra. (Ghi chú sau dấu # không in ra văn bản nên không tính.)

    Đúng:
        trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025

    Sai:
        trich_yeu: «CẦN ĐIỀN: trích yếu nội dung»
"""

import re
from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "todo-left"
SEVERITY = Severity.WARNING
STAGE = "plan"

#: The words `kehoach init` writes (kehoach.features.init.MARK), up to the closing guillemet when there is one.
_MARK = re.compile(r"(?:«\s*|\b)CẦN ĐIỀN\b[^»\n]{0,80}»?|\bTODO\b", re.IGNORECASE)


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        for match in _MARK.finditer(text):
            shown = match.group().strip()
            if shown.upper() == "TODO":
                message = "còn chữ TODO trong nội dung; hãy viết nội dung thật thay cho chỗ này"
            else:
                message = f"còn chỗ đánh dấu {_guillemets(shown)} chưa điền; hãy thay bằng nội dung thật"
            yield Problem(message, location=locate(ctx, path, match.start()))


def _guillemets(text: str) -> str:
    inner = text.strip("«» ")
    return f"«{inner}»"
