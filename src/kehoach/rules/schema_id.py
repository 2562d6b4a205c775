"""Mã (id) viết sai dạng.

    Mã của đơn vị, văn bản, mục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, để gõ nhanh và không
    nhầm với tên đơn vị.

    Đúng:
        id: kinh-phi

    Sai:
        id: Kinh phí
"""

from kehoach.problems import Severity

ID = "schema-id"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
