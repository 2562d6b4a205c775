"""Dòng thẩm quyền ký không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.

    Nghị định 30 (Phụ lục I, II.7.b) quy định các chữ viết tắt thẩm quyền ký, có dấu chấm, rồi đến chức danh.

    Đúng:
        quyen_han: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]

    Sai:
        quyen_han: [TM ỦY BAN NHÂN DÂN, K.T CHỦ TỊCH]

    Văn bản của Đảng (`the_thuc: hd36`, hoặc cơ quan là cấp ủy Đảng) viết theo Hướng dẫn 36-HD/VPTW (II.1.7.1):
    «T/M», «K/T», «T/L», có gạch chéo, không dấu chấm, ví dụ quyen_han: [T/M ĐẢNG ỦY].
"""

from kehoach.problems import Severity

ID = "signature-format"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
