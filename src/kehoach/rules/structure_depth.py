"""Mục lồng quá ba cấp (I., 1., a)).

    Nghị định 30 (Phụ lục I, mục V(b)) dùng phần, mục, khoản, điểm; dưới điểm a) chỉ còn đoạn văn và ý gạch đầu
    dòng.

    Đúng:
        - muc: Phạm vi     # a)
          noi_dung: [- gach: …]

    Sai:
        - muc: Phạm vi     # a)
          noi_dung: [- muc: …]   # cấp thứ tư
"""

from kehoach.problems import Severity

ID = "structure-depth"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
