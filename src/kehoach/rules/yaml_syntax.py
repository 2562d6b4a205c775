"""Lỗi cú pháp YAML: dấu hai chấm, thụt lề, ngoặc kép, phím Tab.

    Mỗi dòng có dạng «khóa: giá trị», thụt lề bằng dấu cách (không dùng Tab), giá trị có dấu hai chấm thì đặt
    trong ngoặc kép. Mỗi tệp chỉ chứa một kế hoạch.

    Đúng:
        noi_dung: "Phạm vi thực hiện: Trên phạm vi toàn huyện."

    Sai:
        noi_dung: Phạm vi thực hiện: Trên phạm vi toàn huyện.
"""

from kehoach.problems import Severity

ID = "yaml-syntax"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
