"""Tệp cấu hình .kehoach.yaml viết sai.

    Tệp .kehoach.yaml trong thư mục kế hoạch (hoặc thư mục cha) đổi mức các quy tắc:

        quy_tac:
          text-quotes: tat        # tắt
          unit-not-informed: loi  # lỗi | canh-bao | goi-y

    Quy tắc đọc tệp (mức «lỗi» cố định) không tắt được.

    Đúng:
        quy_tac: {text-quotes: tat}

    Sai:
        quy_tac: {text-quote: tat}     # không có quy tắc text-quote
"""

from kehoach.problems import Severity

ID = "config-invalid"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
