"""Khóa không có trong mẫu kế hoạch (thường do gõ sai).

    kehoach gợi ý khóa gần đúng nhất: «trich_yue» → «trich_yeu».

    Đúng:
        trich_yeu: Triển khai …

    Sai:
        trich_yue: Triển khai …
"""

from kehoach.problems import Severity

ID = "schema-unknown-key"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
