"""Kế hoạch dùng lẫn hai kiểu ngoặc kép: ngoặc thẳng ("…") và ngoặc cong (“…”).

    Một văn bản chỉ nên dùng một kiểu ngoặc kép. Ngoặc thẳng thường do gõ trong trình soạn thảo, ngoặc cong
    do sao chép từ Word: dùng lẫn thì văn bản in ra trông không đều. kehoach chỉ ra từng chỗ dùng kiểu ít
    hơn (khi hai kiểu ngang nhau: kiểu xuất hiện sau), để sửa theo kiểu mà phần lớn kế hoạch đang dùng.
    (Dấu ngoặc bao ngoài cả giá trị trong YAML, như mo_dau: "…:", không tính: đó là cú pháp YAML.)

    Đúng:
        - gach: Hưởng ứng phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”.
        - gach: Tuyên truyền Đề án “Trồng 1 tỷ cây xanh”.

    Sai:
        - gach: Hưởng ứng phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”.
        - gach: 'Tuyên truyền Đề án "Trồng 1 tỷ cây xanh".'
"""

import re
from collections.abc import Iterator

from kehoach.problems import Fix
from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace_edit

ID = "text-quotes"
SEVERITY = Severity.WARNING
STAGE = "plan"

_STYLES = {"straight": '"', "curly": "“”"}
_MARKS = {style: re.compile(f"[{chars}]") for style, chars in _STYLES.items()}
_SHOWN = {"straight": 'ngoặc kép thẳng ("…")', "curly": "ngoặc kép cong (“…”)"}


def _openings(text: str, style: str) -> list[int]:
    """Where each quoted phrase starts: every other quote mark of one style, in order."""
    return [match.start() for match in _MARKS[style].finditer(text)][::2]


def check(ctx: PlanContext) -> Iterator[Problem]:
    uses: dict[str, list] = {"straight": [], "curly": []}
    order: list[str] = []  # the styles in the order the file first uses them
    for path, text in ctx.strings():
        offsets = {style: _openings(text, style) for style in _STYLES}
        for style in sorted((s for s in offsets if offsets[s]), key=lambda s: offsets[s][0]):
            uses[style].extend((path, offset) for offset in offsets[style])
            if style not in order:
                order.append(style)
    if len(order) < 2:
        return
    # The style used more; on a tie, the one the file starts with.
    major = max(order, key=lambda style: (len(uses[style]), -order.index(style)))
    minor = "curly" if major == "straight" else "straight"
    usage = "dùng trước" if len(uses[major]) == len(uses[minor]) else "chủ yếu dùng"
    found: dict = {}
    for path, offset in uses[minor]:
        where = locate(ctx, path, offset)
        found.setdefault(where, []).append(_fix(ctx, path, offset, major))
    for where, fixes in found.items():
        count = len(fixes)
        more = f" ({count} chỗ trong đoạn này)" if count > 1 else ""
        yield Problem(f"dùng {_SHOWN[minor]}{more} trong khi kế hoạch {usage} {_SHOWN[major]} "
                      f"({len(uses[major])} chỗ); hãy dùng một kiểu ngoặc kép cho cả kế hoạch", location=where,
                      fix=fixes[0] if count == 1 else None)


def _fix(ctx: PlanContext, path, offset: int, major: str) -> Fix | None:
    """Both marks of the quoted phrase opening at `offset`, rewritten in the `major` style."""
    text = dict(ctx.strings()).get(path, "")
    closing = _MARKS["straight" if major == "curly" else "curly"].search(text, offset + 1)
    if closing is None:
        return None
    opener, closer = ('"', '"') if major == "straight" else ("“", "”")
    edits = (replace_edit(ctx.source, path, offset, offset + 1, opener),
             replace_edit(ctx.source, path, closing.start(), closing.start() + 1, closer))
    if None in edits:
        return None
    return Fix(f"Dùng {_SHOWN[major]}", edits)
