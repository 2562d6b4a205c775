"""Giá trị sai kiểu: cần chữ mà gặp danh sách, cần danh sách mà gặp khối, để trống.

    Mỗi khóa có một kiểu giá trị (xem «kehoach schema», hoặc gợi ý của trình soạn thảo).

    Đúng:
        trich_yeu: Triển khai thực hiện …

    Sai:
        trich_yeu: [Triển khai, thực hiện]
"""

from kehoach.problems import Severity

ID = "schema-type"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
