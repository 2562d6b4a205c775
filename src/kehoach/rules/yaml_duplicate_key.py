"""Một khóa được viết hai lần trong cùng một khối.

    YAML thông thường lặng lẽ giữ giá trị sau cùng; kehoach báo lỗi ở lần viết thứ hai và chỉ dòng của lần đầu.

    Đúng:
        so: 185
      ngay: 05/7/2024

    Sai:
        so: 185
      so: 186
"""

from kehoach.problems import Severity

ID = "yaml-duplicate-key"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
