"""Nơi nhận không kết thúc bằng dòng «- Lưu: VT, <đơn vị soạn thảo>».

    Nghị định 30 (Phụ lục I, II.9.b): dòng cuối của Nơi nhận là «- Lưu: VT, <chữ viết tắt đơn vị soạn
    thảo> <số bản lưu>.», ví dụ «- Lưu: VT, LĐTBXH.». kehoach tự in dòng này từ luu: «VT» (văn thư) có sẵn,
    sau đó là chữ viết tắt (viet_tat) của từng đơn vị ghi ở luu. Vì vậy luu không được để trống, đơn vị ở
    luu phải có viet_tat (nếu không, dòng Lưu sẽ in tên đầy đủ), và không gõ tay dòng «Lưu: …» vào gui
    (nó sẽ bị in thành một nơi nhận, trước dòng Lưu thật).

    Đúng:
        noi_nhan:
          gui: [UBND huyện Mường Ảng, ban]
          luu: van-hoa              # don_vi: van-hoa có viet_tat: VHXH → «- Lưu: VT, VHXH.»

    Sai:
        noi_nhan:
          gui: [UBND huyện Mường Ảng, ban, "Lưu: VT, VHXH"]   # gõ tay dòng Lưu
          luu: []                                            # không có đơn vị soạn thảo
"""

import re
from collections.abc import Iterator

from kehoach.rules.base import PlanContext, Problem, Severity

ID = "recipients-archive"
SEVERITY = Severity.ERROR
STAGE = "plan"

# "Lưu: VT, HC", "- Lưu VT", "Lưu" — but not a unit whose name starts with the word, like "Lưu trữ lịch sử".
_ARCHIVE_LINE = re.compile(r"^[\s\-–—+]*lưu\b\s*(?::|vt\b|$)", re.IGNORECASE)
# "VT" (văn thư) typed at the head of luu, which would print "Lưu: VT, VT, …".
_CLERK = re.compile(r"^vt\b", re.IGNORECASE)


def check(ctx: PlanContext) -> Iterator[Problem]:
    recipients = ctx.plan.recipients
    for index, ref in enumerate(recipients.send_to):
        if _ARCHIVE_LINE.match(ref):
            yield Problem(f"«{ref}» là dòng lưu, kehoach tự in ở cuối Nơi nhận; hãy xóa dòng này khỏi gui và ghi "
                          "đơn vị soạn thảo vào luu", ("noi_nhan", "gui", index))
    if not recipients.archive and not recipients.archive_as_written:
        yield Problem("dòng «- Lưu: VT, …» chưa có đơn vị soạn thảo; hãy ghi vào luu mã đơn vị soạn thảo (đơn vị "
                      "có viet_tat)", ("noi_nhan", "luu"))
    for index, ref in enumerate(recipients.archive):
        unit = ctx.plan.units.get(ref)
        if unit is not None and not unit.code:
            yield Problem(f"đơn vị «{ref}» chưa có chữ viết tắt nên dòng Lưu sẽ in tên đầy đủ «{unit.display_name}»; "
                          f"hãy thêm viet_tat cho «{ref}» trong don_vi", ("noi_nhan", "luu", index))
        elif unit is None and (_CLERK.match(ref) or _ARCHIVE_LINE.match(ref)):
            yield Problem(f"«{ref}» không cần ghi ở luu: kehoach tự in «Lưu: VT,» trước đơn vị soạn thảo; hãy chỉ ghi "
                          "đơn vị soạn thảo", ("noi_nhan", "luu", index))
