"""Commands about plans over time: kehoach diff."""

from __future__ import annotations

from argparse import Namespace

from kehoach.cli.app import command, echo
from kehoach.cli.vietnamese import path

parser = command("diff", "So sánh hai phiên bản kế hoạch theo từng mục (căn cứ, mục, đơn vị, kinh phí…); mã thoát 1 "
                 "khi khác nhau.")
parser.add_argument("old", metavar="CŨ", help="Kế hoạch cũ: tệp .yaml, hoặc PHIÊN_BẢN:đường/dẫn trong git (ví dụ "
                    "HEAD~1:data/plan_2024.yaml)")
parser.add_argument("new", metavar="MỚI", help="Kế hoạch mới: tệp .yaml hoặc PHIÊN_BẢN:đường/dẫn")
parser.add_argument("-f", "--format", dest="output_format", default="text", metavar="DẠNG",
                    help="Dạng kết quả: text (mặc định) hoặc json")
parser.add_argument("--docx", type=path, metavar="TỆP.docx",
                    help="Ghi kế hoạch mới ra Word, các thay đổi được đánh dấu (Track Changes) để lãnh đạo xem và "
                    "Chấp nhận/Từ chối")
parser.add_argument("-t", "--template", type=path, metavar="MẪU.docx",
                    help="Mẫu Word (.docx) cho --docx thay cho mẫu mặc định")


def diff(args: Namespace) -> int:
    from kehoach.features import diff as plan_diff

    if args.output_format not in ("text", "json"):
        echo(f"Lỗi: dạng «{args.output_format}» không có; hãy dùng text hoặc json", err=True)
        return 2
    result = plan_diff.diff(args.old, args.new, args.docx, args.template)
    echo(plan_diff.to_json(result) if args.output_format == "json" else plan_diff.to_text(result))
    if args.docx is not None:
        # On stderr with --format json, so that stdout stays one JSON document.
        echo(f"Đã tạo {args.docx} (kế hoạch mới, các thay đổi được đánh dấu).", err=args.output_format == "json")
    return 1 if result.changes else 0


parser.set_defaults(handler=diff)
