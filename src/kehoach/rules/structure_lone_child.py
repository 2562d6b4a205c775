"""Một mục chỉ có một mục con: có «1.» mà không có «2.».

    Chia một mục thành các mục con chỉ có nghĩa khi có từ hai mục con trở lên; một mục con duy nhất thường
    là dấu hiệu quên viết mục tiếp theo, hoặc nên gộp nội dung lên mục cha.

    Đúng:
        - muc: Mục đích, yêu cầu
          noi_dung:
            - muc: Mục đích
            - muc: Yêu cầu

    Sai:
        - muc: Mục đích, yêu cầu
          noi_dung:
            - muc: Mục đích        # 1. mà không có 2.
"""

from collections.abc import Iterator

from kehoach.model.plan import Activity, Duty, Section
from kehoach.model.outline import walk
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "structure-lone-child"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    # A body of paragraphs (a Tờ trình, a Công văn) has no numbered part at all: nothing to say.
    top = [i for i, b in enumerate(ctx.plan.body) if isinstance(b, (Section, Activity, Duty))]
    if len(top) == 1:
        yield Problem("văn bản chỉ có một mục lớn (I.); hãy thêm mục II. hoặc bỏ cấp mục lớn", ("noi_dung", top[0]))
    for node in walk(ctx.plan):
        if not isinstance(node.block, (Section, Duty)):
            continue
        numbered = [i for i, b in enumerate(node.block.content) if isinstance(b, (Section, Activity, Duty))]
        if len(numbered) == 1:
            child = node.path + ("noi_dung", numbered[0])
            yield Problem(f"mục {node.number} chỉ có một mục con; hãy thêm mục con thứ hai hoặc gộp nội dung "
                          "lên mục cha", child)
