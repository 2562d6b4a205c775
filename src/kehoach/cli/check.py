"""kehoach check and kehoach rules."""

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import options
from kehoach.cli.app import command, pause_collector
from kehoach.cli.printing import colour, echo

# Optional to click: without a file, check says itself what to write (and --explain needs none).
Paths = Annotated[list[Path] | None, typer.Argument(
    metavar="[TỆP...]", show_default=False, click_type=options.PATH,
    help="Tệp kế hoạch .yaml, thư mục chứa kế hoạch, hoặc văn bản Word .docx (kiểm tra thể thức)")]
Format = options.output_format(options.CheckFormat, "Dạng kết quả: text (mặc định), json, sarif")
LayoutOption = Annotated[options.Layout | None, typer.Option(
    "--the-thuc", metavar="THỂ-THỨC", show_default=False, click_type=options.choice(options.Layout),
    help="Kiểm tra văn bản Word theo thể thức này: nd30 (văn bản hành chính) hoặc hd36 (văn bản của Đảng); mặc "
         "định theo phần đầu của chính văn bản")]


def _rule_ids(incomplete: str) -> list[str]:
    """Completion of --explain: the rules' ids (a wrong id gets the closest one)."""
    from kehoach import rules

    return [rule_id for rule_id in rules.ids() if rule_id.startswith(incomplete)]


Explain = Annotated[str | None, typer.Option("--explain", metavar="QUY-TẮC", show_default=False,
                                             autocompletion=_rule_ids, help="In hướng dẫn của một quy tắc rồi thoát")]


@command("check", "Tìm mọi lỗi trong kế hoạch, hoặc lỗi thể thức của văn bản Word .docx: mỗi lỗi có vị trí, mã quy "
         "tắc, mức độ và cách sửa.")
def check(paths: Paths = None, output_format: Format = options.CheckFormat.text, layout: LayoutOption = None,
          explain: Explain = None) -> int | None:
    if not any(path.suffix.lower() == ".docx" for path in paths or ()):
        pause_collector()  # YAML plans leave no cycles, however many; a Word document's tree does
    from kehoach import api as commands

    if explain is not None:
        echo(commands.explain(explain))
        return None
    if not paths:
        echo("Lỗi: hãy ghi tệp kế hoạch hoặc thư mục cần kiểm tra, ví dụ «kehoach check data/»", err=True)
        return 2
    from kehoach.check import report
    from kehoach.check.runner import exit_code

    reports = commands.check(paths, layout=layout.value if layout is not None else None)
    if output_format is options.CheckFormat.json:
        echo(report.to_json(reports))
    elif output_format is options.CheckFormat.sarif:
        echo(report.to_sarif(reports))
    else:
        echo(report.human(reports, colour=colour()))
    return exit_code(reports)


@command("rules", "Liệt kê các quy tắc kiểm tra, mức mặc định và nội dung tóm tắt.")
def list_rules() -> None:
    from kehoach import api as commands

    echo(commands.rules_table())
