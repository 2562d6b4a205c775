"""Luật, Bộ luật, Pháp lệnh được trích dẫn kèm số, ký hiệu hoặc cơ quan ban hành.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, II.6.b: khi viện dẫn, luật và pháp lệnh chỉ ghi tên loại, tên gọi
    và ngày thông qua, không ghi số, ký hiệu và cơ quan ban hành (ví dụ «Căn cứ Luật Tổ chức Chính phủ ngày
    19 tháng 6 năm 2015»). Nhiều văn bản đã ban hành vẫn ghi số của luật («Luật … số 80/2015/QH13»); câu
    trích dẫn vẫn đúng nên đây là cảnh báo. Muốn ghi «được Quốc hội thông qua ngày …» thì dùng khóa
    thong_qua, không dùng co_quan.

    Đúng:
        luat-pctt:
          loai: Luật
          trich_yeu: Phòng, chống thiên tai
          ngay: 19/6/2013

    Sai:
        luat-pctt:
          loai: Luật
          so: 33/2013/QH13        # luật không ghi số, ký hiệu
          co_quan: Quốc hội       # luật không ghi cơ quan ban hành
          trich_yeu: Phòng, chống thiên tai
"""

from collections.abc import Iterator

from kehoach.rules import _citations
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "citation-law-number"
SEVERITY = Severity.WARNING
STAGE = "plan"


def check(ctx: PlanContext) -> Iterator[Problem]:
    for doc_id, doc in ctx.plan.documents.items():
        if not _citations.is_law(doc):
            continue
        kind = _citations.doc_type(doc).name
        if doc.number is not None:
            yield Problem(f"{kind} được trích dẫn không ghi số, ký hiệu (chỉ ghi tên và ngày thông qua); "
                          "hãy bỏ dòng so", ("van_ban", doc_id, "so"))
        if doc.issuer is not None:
            yield Problem(f"{kind} được trích dẫn không ghi cơ quan ban hành (chỉ ghi tên và ngày thông qua); "
                          "hãy bỏ dòng co_quan", ("van_ban", doc_id, "co_quan"))
