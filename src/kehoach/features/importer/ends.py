"""«Nơi nhận», the signature and the «Phụ lục» heading → the data (noi_nhan, ky, phu_luc), units named by
their ids where the document names a declared unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kehoach.features.importer import header as heads
from kehoach.features.importer.units import Units

if TYPE_CHECKING:
    from kehoach.features.importer.recognise import Imported


def ends(cols, units: Units, data: dict, out: Imported) -> None:
    end = heads.closing(cols)
    send_to = []
    for name in end.recipients:
        send_to.append(units.known(name) or name)
    archive = [units.archive(code) for code in end.archive or []]
    recipients: dict = {"gui": send_to or ["CẦN ĐIỀN"]}
    if end.archive is not None:
        recipients["luu"] = archive[0] if len(archive) == 1 else (archive or "CẦN ĐIỀN")
    elif end.archive_as_written:  # «Lưu: VTVP.UBND tỉnh.»: printed as the original wrote it (luu_ghi)
        written = end.archive_as_written.rstrip(".").strip()
        recipients["luu"] = []  # the units the line names are not told apart: the line is printed as written
        recipients["luu_ghi"] = written
    else:
        recipients["luu"] = "CẦN ĐIỀN"
        out.comments[("noi_nhan", "luu")] = "văn bản gốc không có dòng «Lưu: VT, …»; hãy ghi đơn vị soạn thảo"
    data["noi_nhan"] = recipients
    signature: dict = {}
    if end.authority:
        signature["quyen_han"] = end.authority
    signature["chuc_vu"] = end.position or "CẦN ĐIỀN"
    signature["ho_ten"] = end.name or "CẦN ĐIỀN"
    data["ky"] = signature
    if end.leftover:
        out.comments[("ky",)] = "văn bản gốc còn các dòng sau ở phần ký, kehoach không in: " + " | ".join(end.leftover)


def appendix(heading: list[str], data: dict, out: Imported) -> None:
    """`phu_luc` from the appendix's heading: kehoach makes its table from the activities again."""
    from kehoach.model.plan import Organ
    from kehoach.kinds.wording import kind_default

    title = heading[0] if heading else ""
    default = kind_default("phu-luc-ten", data["loai"])
    if title.upper() == default.upper() or not title:
        data["phu_luc"] = True
    else:
        data["phu_luc"] = title[:1] + title[1:].lower() if title.isupper() else title
        out.comments[("phu_luc",)] = "tên Phụ lục in hoa trong văn bản; kehoach in hoa khi tạo văn bản"
    match = re.search(r" của (.+)\)$", heading[1]) if len(heading) > 1 else None
    if match:
        try:
            derived = Organ.model_validate(data["co_quan"]).running_name
        except ValueError:
            derived = None
        if match.group(1) != derived:
            data["co_quan"]["ten_day_du"] = match.group(1)
    out.comments.setdefault(("phu_luc",), "bảng Phụ lục do kehoach lập lại từ các hoạt động (hoat_dong)")
