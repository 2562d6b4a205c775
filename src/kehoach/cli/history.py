"""Commands about plans over time: kehoach diff."""

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import options
from kehoach.cli.app import command
from kehoach.cli.printing import echo, say

Old = Annotated[str, typer.Argument(metavar="CŨ", show_default=False, click_type=options.PATH,
                                    help="Kế hoạch cũ: tệp .yaml, hoặc PHIÊN_BẢN:đường/dẫn trong git (ví dụ "
                                    "HEAD~1:data/plan_2024.yaml)")]
New = Annotated[str, typer.Argument(metavar="MỚI", show_default=False, click_type=options.PATH,
                                    help="Kế hoạch mới: tệp .yaml hoặc PHIÊN_BẢN:đường/dẫn")]
Format = options.output_format(options.DiffFormat, "Dạng kết quả: text (mặc định) hoặc json")
Docx = Annotated[Path | None, typer.Option("--docx", metavar="TỆP.docx", show_default=False, click_type=options.PATH,
                                           help="Ghi kế hoạch mới ra Word, các thay đổi được đánh dấu (Theo dõi "
                                           "Thay đổi) để lãnh đạo xem và Chấp nhận/Từ chối")]


@command("diff", "So sánh hai phiên bản kế hoạch theo từng mục (căn cứ, mục, đơn vị, kinh phí…); mã thoát 1 khi khác "
         "nhau.")
def diff(old: Old, new: New, output_format: Format = options.DiffFormat.text, docx: Docx = None,
         template: options.Template = None) -> int:
    from kehoach.errors import InternalError, KehoachError
    from kehoach.features import diff as plan_diff

    try:
        result = plan_diff.diff(old, new, docx, template)
    except InternalError:
        raise  # a bug: exit 70, as in every command (kehoach.cli.app.run)
    except KehoachError as error:  # exit code 1 means «they differ» here: any error is 2 (README)
        echo(str(error), err=True)
        return 2
    json = output_format is options.DiffFormat.json
    echo(plan_diff.to_json(result) if json else plan_diff.to_text(result))
    if docx is not None:
        # On stderr with --format json, so that stdout stays one JSON document.
        say(f"Đã tạo {docx} (kế hoạch mới, các thay đổi được đánh dấu).", err=json)
    return 1 if result.changes else 0
