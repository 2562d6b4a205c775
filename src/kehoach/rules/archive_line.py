"""Dòng Lưu ghi nguyên văn (luu_ghi) không theo dạng «- Lưu: VT, <đơn vị soạn thảo>.».

    luu_ghi giữ dòng Lưu đúng như văn bản gốc đã in, để chép lại một văn bản đã ban hành từng chữ; kehoach in
    đúng như vậy và báo khi nó khác dạng Nghị định 30 (Phụ lục I, II.9.b) quy định: «VT» (văn thư), dấu phẩy,
    chữ viết tắt đơn vị soạn thảo, dấu chấm. Cùng quy tắc, cùng lời với docx-archive-line ở tệp Word. Văn bản
    mới thì dùng luu: kehoach tự in «- Lưu: VT, …».

    Đúng:
        luu: vp                         # «- Lưu: VT, VP.»

    Sai:
        luu: []
        luu_ghi: VTVP.UBND tỉnh         # «- Lưu: VTVP.UBND tỉnh.»
"""

from collections.abc import Iterator

from kehoach.conventions.text import archive_line_problem, end_with
from kehoach.rules._text import law
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "archive-line"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    written = ctx.plan.recipients.archive_as_written
    if written:
        from kehoach import profiles

        party = profiles.text(ctx.plan.layout_id, "header") == "party"  # Profile.is_party, unbuilt
        problem = archive_line_problem(f"- Lưu: {end_with(written, '.')}", law(ctx), party)
        if problem is not None:
            yield Problem(problem, ("noi_nhan", "luu_ghi"))
