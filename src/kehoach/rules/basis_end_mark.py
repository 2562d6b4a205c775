"""Căn cứ kết thúc sai dấu (dau_cuoi).

    Nghị định 30 (Phụ lục I, II.6.a): mỗi căn cứ một dòng, cuối dòng có dấu chấm phẩy, dòng cuối cùng kết thúc
    bằng dấu chấm. kehoach tự đặt các dấu này; dau_cuoi chỉ dùng khi chép lại một văn bản đã ban hành, và khi
    căn cứ cuối cùng có câu mở đầu đi liền trong cùng đoạn (tiep: «… như sau:»), thì dấu cuối căn cứ có thể là
    «,» và đoạn kết thúc bằng dấu hai chấm. Cùng quy tắc, cùng lời với docx-basis-end-mark ở tệp Word.

    Đúng:
        can_cu:
          - van_ban: qd-1896
            mo_dau: Thực hiện
            dau_cuoi: ","
            tiep: "UBND tỉnh xây dựng Kế hoạch … như sau:"

    Sai:
        can_cu:
          - van_ban: nd-07
            dau_cuoi: "."        # chưa phải căn cứ cuối cùng: «;»
          - van_ban: qd-24
"""

from collections.abc import Iterator

from kehoach.conventions.citations import basis_paragraph, end_mark_problem
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "basis-end-mark"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    bases = ctx.plan.bases
    for index, basis in enumerate(bases):
        if basis.end is None:
            continue  # kehoach's own marks are right
        last = index == len(bases) - 1
        paragraph = basis_paragraph(ctx.plan.documents, basis, ctx.refs.expand, last)
        problem = end_mark_problem(paragraph, last)
        if problem is not None:
            path = ("can_cu", index, "dau_cuoi")
            right = "." if last else ";"
            yield Problem(problem, path, fix=replace(ctx.source, path, 0, len(basis.end), right, f"Viết «{right}»"))
