"""Một đơn vị được giao việc nhưng không nhận được kế hoạch.

    Đơn vị chủ trì, thực hiện hay phối hợp một hoạt động phải biết kế hoạch: hoặc có tên trong Nơi nhận
    (ô 9b, Nghị định 30, Phụ lục I, II.9), hoặc có nhiệm vụ riêng ở phần Tổ chức thực hiện (và nhận kế hoạch
    qua đó). Đơn vị là thành viên của một ban, một nhóm đã nhận kế hoạch thì ghi thuoc: <mã nhóm> ở đơn vị
    đó. Đơn vị soạn thảo (ghi ở luu) giữ hồ sơ nên cũng đã có kế hoạch. Tên đơn vị viết tự do (không phải
    mã) thì không kiểm tra được.

    Đúng:
        don_vi:
          vhtt: {ten: Phòng Văn hoá và Thông tin huyện, thuoc: bcd}
          bcd: {ten: Ban Chỉ đạo huyện}
        ...
            phoi_hop: vhtt
        noi_nhan:
          gui: [bcd]

    Sai:
        don_vi:
          vhtt: {ten: Phòng Văn hoá và Thông tin huyện}
        ...
            phoi_hop: vhtt     # vhtt không có trong gui, không có nhiem_vu
        noi_nhan:
          gui: [UBND tỉnh]
"""

from collections.abc import Iterator

from kehoach.model.plan import Activity, Duty
from kehoach.model.outline import walk
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "unit-not-informed"
SEVERITY = Severity.WARNING
STAGE = "plan"

_ROLES = {"chu_tri": "chủ trì", "thuc_hien": "thực hiện", "phoi_hop": "phối hợp"}


def _informed(ctx: PlanContext) -> set[str]:
    """Ids that get the plan: recipients, units with duties, the drafting unit, and their members."""
    plan = ctx.plan
    found = set(plan.recipients.send_to) | set(plan.recipients.archive)
    found |= {node.block.unit for node in walk(plan) if isinstance(node.block, Duty)}
    # Membership is transitive (a unit of a team of a committee); loop until no unit is added, cycles included.
    changed = True
    while changed:
        changed = False
        for unit_id, unit in plan.units.items():
            if unit_id not in found and found.intersection(unit.members_of):
                found.add(unit_id)
                changed = True
    return found


def check(ctx: PlanContext) -> Iterator[Problem]:
    informed = _informed(ctx)
    reported: set[str] = set()
    for node in walk(ctx.plan):
        if not isinstance(node.block, Activity):
            continue
        block = node.block
        for key, refs in (("chu_tri", block.lead), ("thuc_hien", block.implementing), ("phoi_hop", block.coordinating)):
            for index, ref in enumerate(refs):
                if ref not in ctx.plan.units or ref in informed or ref in reported:
                    continue
                reported.add(ref)  # once, at its first task: the fix is in gui, nhiem_vu or thuoc, not here
                yield Problem(f"«{ctx.refs.unit_name(ref)}» được giao {_ROLES[key]} nhưng không nhận kế hoạch; hãy "
                              f"thêm «{ref}» vào noi_nhan.gui, giao nhiệm vụ (nhiem_vu) cho đơn vị này, hoặc ghi "
                              "thuoc: <mã nhóm> nếu đơn vị thuộc một nhóm đã nhận", node.path + (key, index))
