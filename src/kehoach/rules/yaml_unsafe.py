"""Neo, bí danh (&, *) hoặc thẻ kiểu (!!…) trong tệp kế hoạch.

    Neo và bí danh cho phép một tệp nhỏ nở ra vô hạn, thẻ kiểu như !!python/object có thể chạy mã: tệp kế hoạch
    không dùng chúng. Hãy viết đầy đủ giá trị.

    Đúng:
        chu_tri: ldtbxh

    Sai:
        chu_tri: &a ldtbxh   …   thuc_hien: *a
"""

from kehoach.problems import Severity

ID = "yaml-unsafe"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
