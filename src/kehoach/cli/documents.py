"""kehoach init, kehoach types and kehoach info: starting a plan, and what to tell the registry about it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.cli.app import app, run
from kehoach.cli.vietnamese import COMMAND, OPTIONS_METAVAR


def _option(name: str, metavar: str, help: str):
    return typer.Option(name, metavar=metavar, help=help, show_default=False)


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def init(
    path: Annotated[
        Optional[Path],
        typer.Argument(help="Tệp kế hoạch mới (mặc định: ke-hoach-<năm>.yaml trong thư mục hiện tại)",
                       metavar="[TỆP.yaml]", show_default=False),
    ] = None,
    organ: Annotated[Optional[str], _option("--co-quan", "TÊN", "Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện "
                                            "Mường Ảng»; muốn tự ngắt dòng thì dùng dấu |")] = None,
    abbreviation: Annotated[Optional[str], _option("--viet-tat", "CHỮ", "Chữ viết tắt tên cơ quan trong ký hiệu, "
                                                   "ví dụ UBND")] = None,
    place: Annotated[Optional[str], _option("--dia-danh", "TÊN", "Địa danh ghi trước ngày tháng, ví dụ Mường Ảng")]
    = None,
    year: Annotated[Optional[str], _option("--nam", "NĂM", "Năm ban hành dự kiến (mặc định: năm nay)")] = None,
    doc_type: Annotated[Optional[str], _option("--loai", "LOẠI", "Loại văn bản (mặc định: Kế hoạch; xem «kehoach "
                                               "types»)")] = None,
    position: Annotated[Optional[str], _option("--chuc-vu", "CHỨC_VỤ", "Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")] = None,
    signer: Annotated[Optional[str], _option("--nguoi-ky", "HỌ_TÊN", "Họ và tên người ký")] = None,
    authority: Annotated[Optional[list[str]], _option("--quyen-han", "DÒNG", "Dòng thẩm quyền ký, ví dụ «KT. CHỦ "
                                                      "TỊCH» (ghi nhiều lần cho nhiều dòng; mặc định: tự suy ra)")]
    = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Không hỏi: câu nào không có tùy chọn thì dùng giá trị mặc "
                                      "định hoặc để chỗ «CẦN ĐIỀN»")] = False,
) -> None:
    """Hỏi vài câu (cơ quan, địa danh, năm, loại văn bản, người ký) rồi tạo tệp kế hoạch mới để viết tiếp."""
    from datetime import date

    from kehoach import init_plan

    if path is not None:
        run(init_plan.refuse_existing, path)  # before the questions, not after them
    ask = (lambda question, default="", check=None: default) if yes else _ask
    answers = init_plan.Answers(authority=authority or [])
    answers.doc_type = doc_type or ask("Loại văn bản", "Kế hoạch", lambda v: init_plan.check_type(v).name)
    answers.organ = organ or ask("Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng»") or None
    lines = init_plan.organ_lines(answers.organ) if answers.organ else []
    if abbreviation or lines:
        answers.abbreviation = abbreviation or ask("Chữ viết tắt tên cơ quan (trong ký hiệu, như KH-UBND)",
                                                   init_plan.abbreviation_for(lines))
    answers.place = place or ask("Địa danh ghi trước ngày tháng", init_plan.place_for(lines) or "") or None
    answers.year = run(init_plan.check_year, year) if year else int(
        ask("Năm ban hành dự kiến", str(date.today().year), init_plan.check_year))
    head = "CHỦ TỊCH" if not lines or init_plan.is_collective(lines) else ""
    answers.position = position or ask("Chức vụ người ký", head) or None
    answers.signer = signer or ask("Họ và tên người ký") or None
    result = run(init_plan.create, path, answers)
    marks = (f"; còn {result.marks} chỗ «CẦN ĐIỀN» cần viết, xem từng chỗ bằng «kehoach check {result.path}»"
             if result.marks else "")
    typer.echo(f"Đã tạo {result.path}{marks}. Tạo văn bản: «kehoach render {result.path}».")


def _ask(question: str, default: str = "", check=None) -> str:
    """One question; Enter takes the default (or leaves the answer for later); a wrong answer is asked again."""
    from kehoach.errors import InputError

    while True:
        hint = f" [{default}]" if default else " (Enter: điền sau)"
        answer = typer.prompt(question + hint, default="", show_default=False).strip() or default
        if not answer or check is None:
            return answer
        try:
            return str(check(answer))
        except InputError as error:
            typer.echo(f"Lỗi: {error.message}", err=True)


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def types() -> None:
    """Liệt kê các loại văn bản (Phụ lục III Nghị định 30) và chữ viết tắt của chúng."""
    from kehoach import commands

    typer.echo(commands.types_table())


@app.command(cls=COMMAND, options_metavar=OPTIONS_METAVAR)
def info(
    plan: Annotated[Path, typer.Argument(help="Tệp kế hoạch .yaml", metavar="KẾ_HOẠCH.yaml", show_default=False)],
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text (mặc định), json, csv")
    ] = "text",
    template: Annotated[
        Optional[Path],
        typer.Option("--template", "-t", metavar="MẪU.docx", help="Mẫu Word dùng khi tạo văn bản (để đếm số trang)"),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", metavar="TỆP", help="Ghi ra tệp thay vì in ra màn hình")
    ] = None,
) -> None:
    """In thông tin để vào sổ văn bản điện tử: loại, số ký hiệu, ngày, trích yếu, người ký, nơi nhận, số trang."""
    from kehoach import info as info_module

    if output_format not in info_module.FORMATS:
        typer.echo(f"Lỗi: dạng «{output_format}» không có; hãy dùng text, json hoặc csv", err=True)
        raise typer.Exit(2)
    found = run(info_module.plan_info, plan, template)
    text = info_module.render(found, output_format)
    if found.pages is None and output_format != "text":  # the text form says it itself
        typer.echo(f"Số trang: {found.pages_missing}", err=True)
    if output is None:
        typer.echo(text, nl=output_format != "csv")  # CSV rows end in CRLF already
        return
    from kehoach.output import write_atomic

    run(write_atomic, output, (text if output_format == "csv" else text + "\n").encode("utf-8"))
    typer.echo(f"Đã ghi {output}.")
