"""Một mục có số (I., 1.) hoặc một nhiệm vụ của đơn vị không có nội dung.

    Mục lớn (I., II.) và mục «1.», «2.» là tiêu đề của phần nội dung đi sau; in ra một tiêu đề không có
    nội dung thường là dấu hiệu soạn dở hoặc xóa nhầm. Nhiệm vụ của một đơn vị ở phần Tổ chức thực hiện
    mà không ghi nhiệm vụ nào thì đơn vị không biết phải làm gì. Điểm «a)», «b)» thì khác: nội dung của
    điểm thường viết ngay trong tiêu đề (ví dụ «a) Phạm vi thực hiện: Trên phạm vi toàn huyện.»), nên
    điểm không cần nội dung riêng; cũng vậy với mục «1.1.» và các ý «-», «+» khi danh_so dùng chúng.

    Đúng:
        - muc: Tổ chức thực hiện
          noi_dung:
            - nhiem_vu: van-hoa
              noi_dung: [Chủ trì, theo dõi, báo cáo kết quả.]

    Sai:
        - muc: Tổ chức thực hiện
          noi_dung:
            - nhiem_vu: van-hoa        # không có noi_dung
"""

from collections.abc import Iterator

from kehoach.conventions import numbering
from kehoach.model.plan import Duty, Section
from kehoach.model.outline import walk
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "structure-empty-section"
SEVERITY = Severity.WARNING
STAGE = "plan"



def check(ctx: PlanContext) -> Iterator[Problem]:
    for node in walk(ctx.plan):
        block = node.block
        if isinstance(block, Section) and node.style in numbering.HEADINGS and not block.content:
            yield Problem(f"mục {node.number} «{block.title}» chưa có nội dung; hãy viết nội dung dưới noi_dung "
                          "hoặc xóa mục này", node.path + ("muc",))
        elif isinstance(block, Duty) and not block.content:
            name = ctx.refs.unit_name(block.unit)
            yield Problem(f"mục {node.number} (nhiệm vụ của {name}) chưa có nội dung; hãy ghi các nhiệm vụ dưới "
                          "noi_dung hoặc xóa mục này", node.path + ("nhiem_vu",))
