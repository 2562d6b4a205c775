"""Commands about plans over time: kehoach diff."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def diff(
    old: Annotated[str, typer.Argument(help="Kế hoạch cũ: tệp .yaml, hoặc PHIÊN_BẢN:đường/dẫn trong git"
                                       " (ví dụ HEAD~1:data/plan_2024.yaml)", metavar="CŨ", show_default=False)],
    new: Annotated[str, typer.Argument(help="Kế hoạch mới: tệp .yaml hoặc PHIÊN_BẢN:đường/dẫn", metavar="MỚI",
                                       show_default=False)],
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text (mặc định) hoặc json")
    ] = "text",
    docx: Annotated[
        Optional[Path],
        typer.Option("--docx", metavar="TỆP.docx", help="Ghi kế hoạch mới ra Word, các thay đổi được đánh dấu"
                     " (Track Changes) để lãnh đạo xem và Chấp nhận/Từ chối"),
    ] = None,
    template: Annotated[
        Optional[Path],
        typer.Option("--template", "-t", metavar="MẪU.docx", help="Mẫu Word (.docx) cho --docx thay cho mẫu mặc định"),
    ] = None,
) -> None:
    """So sánh hai phiên bản kế hoạch theo từng mục (căn cứ, mục, đơn vị, kinh phí…); mã thoát 1 khi khác nhau."""
    from kehoach import plan_diff

    if output_format not in ("text", "json"):
        typer.echo(f"Lỗi: dạng «{output_format}» không có; hãy dùng text hoặc json", err=True)
        raise typer.Exit(2)
    result = run(plan_diff.diff, old, new, docx, template)
    typer.echo(plan_diff.to_json(result) if output_format == "json" else plan_diff.to_text(result))
    if docx is not None:
        # On stderr with --format json, so that stdout stays one JSON document.
        typer.echo(f"Đã tạo {docx} (kế hoạch mới, các thay đổi được đánh dấu).", err=output_format == "json")
    raise typer.Exit(1 if result.changes else 0)
