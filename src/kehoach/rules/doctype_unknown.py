"""Tên loại văn bản không có trong bảng tên loại (Phụ lục III Nghị định 30).

    Tên loại quyết định chữ viết tắt trong ký hiệu (Kế hoạch → KH). kehoach gợi ý tên gần đúng.

    Đúng:
        loai: Quyết định

    Sai:
        loai: Quyết đinh
"""

from kehoach.problems import Severity

ID = "doctype-unknown"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
