"""kehoach init, kehoach types and kehoach info: starting a plan, and what to tell the registry about it."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import options
from kehoach.cli.app import command
from kehoach.cli.printing import echo, say


def _text(*names: str, metavar: str, help: str, autocompletion=None):
    return Annotated[str | None, typer.Option(*names, metavar=metavar, show_default=False, help=help,
                                              autocompletion=autocompletion)]


def _doc_types(incomplete: str) -> list[str]:
    """Completion of --loai: the types kehoach composes. Not a fixed choice: a type is typed in any case, and a
    wrong one gets the closest (kehoach.features.init.check_type)."""
    from kehoach.conventions import doctypes

    start = incomplete.casefold()
    return [t.name for t in doctypes.all_types() if t.abbreviation and t.family == "hanh_chinh"
            and t.name.casefold().startswith(start)]


NewFile = Annotated[Path | None, typer.Argument(
    metavar="[TỆP.yaml]", show_default=False, click_type=options.PATH,
    help="Tệp kế hoạch mới (mặc định: ke-hoach-<năm>.yaml trong thư mục hiện tại)")]
Organ = _text("--co-quan", metavar="TÊN", help="Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng»; muốn tự "
              "ngắt dòng thì dùng dấu |")
Abbreviation = _text("--viet-tat", metavar="CHỮ", help="Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ UBND")
Place = _text("--dia-danh", metavar="TÊN", help="Địa danh ghi trước ngày tháng, ví dụ Mường Ảng")
Year = _text("--nam", metavar="NĂM", help="Năm ban hành dự kiến (mặc định: năm nay)")
DocType = _text("--loai", metavar="LOẠI", help="Loại văn bản (mặc định: Kế hoạch; xem «kehoach types»)",
                autocompletion=_doc_types)
Position = _text("--chuc-vu", metavar="CHỨC_VỤ", help="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
Signer = _text("--nguoi-ky", metavar="HỌ_TÊN", help="Họ và tên người ký")
Authority = Annotated[list[str] | None, typer.Option(
    "--quyen-han", metavar="DÒNG", show_default=False,
    help="Dòng thẩm quyền ký, ví dụ «KT. CHỦ TỊCH» (ghi nhiều lần cho nhiều dòng; mặc định: tự suy ra)")]
Yes = Annotated[bool, typer.Option("-y", "--yes", help="Không hỏi: câu nào không có tùy chọn thì dùng giá trị mặc "
                                   "định hoặc để chỗ «CẦN ĐIỀN»")]


@command("init", "Hỏi vài câu (cơ quan, địa danh, năm, loại văn bản, người ký) rồi tạo tệp kế hoạch mới để viết tiếp.")
def init(
    path: NewFile = None,
    organ: Organ = None,
    abbreviation: Abbreviation = None,
    place: Place = None,
    year: Year = None,
    doc_type: DocType = None,
    position: Position = None,
    signer: Signer = None,
    authority: Authority = None,
    yes: Yes = False,
) -> None:
    from datetime import date

    from kehoach.features import init as init_plan

    global _piped_input_ended
    _piped_input_ended = False
    if path is not None:
        init_plan.refuse_existing(path)  # before the questions, not after them
    ask = (lambda question, default="", check=None: default) if yes else _ask
    answers = init_plan.Answers(authority=authority or [])
    answers.doc_type = doc_type or ask("Loại văn bản", "Kế hoạch", lambda v: init_plan.check_type(v).name)
    answers.organ = organ or ask("Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng»") or None
    lines = init_plan.organ_lines(answers.organ) if answers.organ else []
    if abbreviation or lines:
        answers.abbreviation = abbreviation or ask("Chữ viết tắt tên cơ quan (trong ký hiệu, như KH-UBND)",
                                                   init_plan.abbreviation_for(lines))
    answers.place = place or ask("Địa danh ghi trước ngày tháng", init_plan.place_for(lines) or "") or None
    answers.year = init_plan.check_year(year) if year else int(
        ask("Năm ban hành dự kiến", str(date.today().year), init_plan.check_year))
    head = "CHỦ TỊCH" if not lines or init_plan.is_collective(lines) else ""
    answers.position = position or ask("Chức vụ người ký", head) or None
    answers.signer = signer or ask("Họ và tên người ký") or None
    result = init_plan.create(path, answers)
    marks = (f"; còn {result.marks} chỗ «CẦN ĐIỀN» cần viết, xem từng chỗ bằng «kehoach check {result.path}»"
             if result.marks else "")
    schema = (f" (và {result.schema}: mẫu kế hoạch để trình soạn thảo gợi ý từng khóa)" if result.schema else "")
    say(f"Đã tạo {result.path}{schema}{marks}. Tạo văn bản: «kehoach render {result.path}».")


def _ask(question: str, default: str = "", check=None) -> str:
    """One question; Enter takes the default (or leaves the answer for later); a wrong answer is asked again.

    The end of the input in a terminal (Ctrl-D) raises EOFError: the clerk stopped. Answers piped in
    (`kehoach init < tra-loi.txt`) may be fewer than the questions: the rest take their defaults, unasked.
    """
    from kehoach.errors import InputError

    while True:
        if _piped_input_ended:
            return default
        hint = f" [{default}]" if default else " (Enter: điền sau)"
        echo(f"{question}{hint}: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            if sys.stdin.isatty():
                raise EOFError
            _end_of_piped_input()
            continue
        answer = line.strip() or default
        if not answer or check is None:
            return answer
        try:
            return str(check(answer))
        except InputError as error:
            echo(f"Lỗi: {error.message}", err=True)


_piped_input_ended = False


def _end_of_piped_input() -> None:
    global _piped_input_ended
    _piped_input_ended = True
    echo()  # the question left open on its line


@command("types", "Liệt kê các loại văn bản (Phụ lục III Nghị định 30) và chữ viết tắt của chúng.")
def list_types() -> None:
    from kehoach import api as commands

    echo(commands.types_table())


Plans = Annotated[list[Path], typer.Argument(metavar="KẾ_HOẠCH.yaml...", show_default=False, click_type=options.PATH,
                                             help="Tệp kế hoạch .yaml; thư mục hoặc nhiều tệp thì mỗi kế hoạch một "
                                             "dòng (sổ văn bản)")]
InfoFormat = options.output_format(options.InfoFormat, "Dạng kết quả: text (mặc định), json, csv (Excel, phân cách "
                                   "bằng dấu ;), xlsx (sổ văn bản Excel, cần -o)")
#: The extension -o must have for each form (text goes anywhere).
_SUFFIXES = {"json": (".json",), "csv": (".csv",), "xlsx": (".xlsx",)}
InfoFile = options.output("TỆP", "Ghi ra tệp thay vì in ra màn hình")


@command("info", "In thông tin để vào sổ văn bản điện tử: loại, số ký hiệu, ngày, trích yếu, người ký, nơi nhận, số "
         "trang; cả thư mục thì ra sổ văn bản (Excel với --format xlsx).")
def info(
    plans: Plans,
    output_format: InfoFormat = options.InfoFormat.text,
    template: options.Template = None,
    output: InfoFile = None,
) -> int | None:
    from kehoach.errors import InputError
    from kehoach.problems import Location
    from kehoach.features import info as info_module
    from kehoach.output import require_suffix, write_atomic

    form = output_format.value
    if form == "xlsx" and output is None:
        raise InputError("dạng xlsx là tệp Excel, không in ra màn hình được; hãy ghi tên tệp bằng -o, ví dụ "
                         "-o so-van-ban.xlsx", Location("--format"))
    if output is not None:
        from kehoach.output import ensure_writable

        ensure_writable(output, kind=form)  # before the page count's LibreOffice run
    if output is not None and form in _SUFFIXES:
        require_suffix(output, _SUFFIXES[form], {"json": "JSON", "csv": "bảng CSV", "xlsx": "sổ Excel"}[form])
    errors = []
    if len(plans) == 1 and not plans[0].is_dir() and form != "xlsx":  # one plan: one block, one JSON object
        found = info_module.plan_info(plans[0], template)
        data = info_module.render(found, form)
        missing = [found]
    else:
        many = info_module.folder_info(plans, template)
        errors = many.errors
        for error in errors:
            echo(str(error), err=True)
        missing = [one for _, one in many.plans]
        if form == "xlsx":
            from kehoach.features.register import workbook_bytes

            data = workbook_bytes(many.plans)
        else:
            data = info_module.render_many(many, form)
    why = next((one.pages_missing for one in missing if one.pages is None and one.pages_missing), None)
    if why and form != "text":  # the text form says it itself
        echo(f"Số trang: {why}", err=True)
    if output is None:
        echo(data, nl=form != "csv")  # CSV rows end in CRLF already
    else:
        content = data if isinstance(data, bytes) else (data if form == "csv" else data + "\n").encode("utf-8")
        write_atomic(output, content, kind=form)
        say(f"Đã ghi {output}.")
    if errors:
        echo(f"{len(errors)} kế hoạch lỗi nên không có trong kết quả; hãy sửa rồi chạy lại.", err=True)
        return max(error.exit_code for error in errors)  # as for one plan: 1 a mistake in it, 2 unreadable
    return None
