"""Thiếu một khóa bắt buộc.

    Kế hoạch cần co_quan, trich_yeu, noi_dung, noi_nhan, ky; mỗi khối con cũng có khóa bắt buộc của nó.
    Lỗi chỉ vào khối thiếu khóa, nơi cần thêm dòng mới.

    Đúng:
        ky:
          chuc_vu: PHÓ CHỦ TỊCH
          ho_ten: Đinh Văn Sơn

    Sai:
        ky:
          chuc_vu: PHÓ CHỦ TỊCH
"""

from kehoach.problems import Severity

ID = "schema-missing"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
