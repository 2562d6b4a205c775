"""Ngày viết sai dạng hoặc không có trên lịch (30/02).

    Ngày viết dạng ngày/tháng/năm (18/01/2022 hoặc 18/1/2022) hoặc năm-tháng-ngày (2022-01-18).

    Đúng:
        ngay: 29/02/2024

    Sai:
        ngay: 30/02/2024
"""

from kehoach.problems import Severity

ID = "date-invalid"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
