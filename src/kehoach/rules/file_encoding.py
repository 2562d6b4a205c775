"""Tệp không được lưu dạng UTF-8 (ví dụ UTF-16 hay Windows-1258).

    Mọi tệp kế hoạch lưu dạng UTF-8. Trong Notepad: File > Save As > Encoding: UTF-8; trong VS Code: góc dưới
    bên phải, chọn «Save with Encoding» > UTF-8.

    Đúng:
        tệp lưu dạng UTF-8 (có hoặc không có BOM)

    Sai:
        tệp lưu dạng UTF-16 (Unicode của Notepad cũ) hoặc Windows-1258
"""

from kehoach.problems import Severity

ID = "file-encoding"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
