"""Tệp kế hoạch không đọc được: không có, là thư mục, quá lớn, hoặc không phải văn bản.

    kehoach đọc tệp .yaml có thật, là văn bản, dưới 2 MB.

    Đúng:
        kehoach check ke-hoach.yaml     # tệp có thật, lưu dạng văn bản

    Sai:
        kehoach check ke-hoach.pdf      # tệp PDF, không phải tệp dữ liệu .yaml hay văn bản .docx
"""

from kehoach.problems import Severity

ID = "file-unreadable"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
