"""Dữ liệu lồng nhau quá sâu (hơn 64 tầng).

    Một kế hoạch thật chỉ lồng vài tầng; tệp lồng quá sâu thường do thiếu dấu đóng ngoặc hoặc thụt lề sai.

    Đúng:
        noi_dung: [a, b]

    Sai:
        noi_dung: [[[[[[ … (hàng trăm dấu ngoặc mở)
"""

from kehoach.problems import Severity

ID = "yaml-too-deep"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
