"""Ký tự điều khiển không nhìn thấy được trong tệp.

    Ký tự điều khiển (ví dụ U+000B, thường lẫn vào khi sao chép từ Word hay PDF) làm hỏng văn bản Word. kehoach
    chỉ ra dòng, cột và mã ký tự để xóa.

    Đúng:
        trich_yeu: Triển khai thực hiện …

    Sai:
        trich_yeu: Triển khai\x0bthực hiện …   (có ký tự U+000B giữa hai từ)
"""

from kehoach.problems import Severity

ID = "text-control-char"
SEVERITY = Severity.ERROR
#: Found while reading the file (kehoach.source.load, kehoach.source.plan_file, kehoach.check.runner): the plan cannot be used.
STAGE = "load"
