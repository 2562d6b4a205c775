"""Dẫn chiếu tới một mã chưa khai báo.

    Đơn vị (chu_tri, thuc_hien, phoi_hop, noi_nhan, nhiem_vu), văn bản (can_cu) và dẫn chiếu [[mã]] trong câu
    chữ phải trỏ tới một mã đã khai báo; kehoach gợi ý mã gần đúng.

    Đúng:
        chu_tri: ldtbxh        # có ldtbxh trong don_vi

    Sai:
        chu_tri: ldtbx
"""

from kehoach.problems import Severity

ID = "ref-undefined"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
