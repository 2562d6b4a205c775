"""Một mã được dùng cho hai thứ.

    Mỗi mục, đơn vị, văn bản cần một mã riêng, nếu không dẫn chiếu [[mã]] không biết trỏ vào đâu.

    Đúng:
        - muc: Mục đích
          id: muc-dich

    Sai:
        - muc: Mục đích
          id: kinh-phi     # đã là mã của mục Kinh phí
"""

from kehoach.problems import Severity

ID = "id-duplicate"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
