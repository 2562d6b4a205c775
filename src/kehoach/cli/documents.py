"""kehoach init, kehoach types and kehoach info: starting a plan, and what to tell the registry about it."""

from __future__ import annotations

import sys
from argparse import Namespace

from kehoach.cli.app import command, echo
from kehoach.cli.vietnamese import path

init_parser = command("init", "Hỏi vài câu (cơ quan, địa danh, năm, loại văn bản, người ký) rồi tạo tệp kế hoạch mới "
                      "để viết tiếp.")
init_parser.add_argument("path", nargs="?", type=path, metavar="TỆP.yaml",
                         help="Tệp kế hoạch mới (mặc định: ke-hoach-<năm>.yaml trong thư mục hiện tại)")
init_parser.add_argument("--co-quan", dest="organ", metavar="TÊN",
                         help="Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng»; muốn tự ngắt dòng thì "
                         "dùng dấu |")
init_parser.add_argument("--viet-tat", dest="abbreviation", metavar="CHỮ",
                         help="Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ UBND")
init_parser.add_argument("--dia-danh", dest="place", metavar="TÊN",
                         help="Địa danh ghi trước ngày tháng, ví dụ Mường Ảng")
init_parser.add_argument("--nam", dest="year", metavar="NĂM", help="Năm ban hành dự kiến (mặc định: năm nay)")
init_parser.add_argument("--loai", dest="doc_type", metavar="LOẠI",
                         help="Loại văn bản (mặc định: Kế hoạch; xem «kehoach types»)")
init_parser.add_argument("--chuc-vu", dest="position", metavar="CHỨC_VỤ", help="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
init_parser.add_argument("--nguoi-ky", dest="signer", metavar="HỌ_TÊN", help="Họ và tên người ký")
init_parser.add_argument("--quyen-han", dest="authority", action="append", metavar="DÒNG",
                         help="Dòng thẩm quyền ký, ví dụ «KT. CHỦ TỊCH» (ghi nhiều lần cho nhiều dòng; mặc định: tự "
                         "suy ra)")
init_parser.add_argument("-y", "--yes", action="store_true",
                         help="Không hỏi: câu nào không có tùy chọn thì dùng giá trị mặc định hoặc để chỗ «CẦN ĐIỀN»")


def init(args: Namespace) -> None:
    from datetime import date

    from kehoach.features import init as init_plan

    if args.path is not None:
        init_plan.refuse_existing(args.path)  # before the questions, not after them
    ask = (lambda question, default="", check=None: default) if args.yes else _ask
    answers = init_plan.Answers(authority=args.authority or [])
    answers.doc_type = args.doc_type or ask("Loại văn bản", "Kế hoạch", lambda v: init_plan.check_type(v).name)
    answers.organ = args.organ or ask("Cơ quan ban hành, ví dụ «Ủy ban nhân dân huyện Mường Ảng»") or None
    lines = init_plan.organ_lines(answers.organ) if answers.organ else []
    if args.abbreviation or lines:
        answers.abbreviation = args.abbreviation or ask("Chữ viết tắt tên cơ quan (trong ký hiệu, như KH-UBND)",
                                                        init_plan.abbreviation_for(lines))
    answers.place = args.place or ask("Địa danh ghi trước ngày tháng", init_plan.place_for(lines) or "") or None
    answers.year = init_plan.check_year(args.year) if args.year else int(
        ask("Năm ban hành dự kiến", str(date.today().year), init_plan.check_year))
    head = "CHỦ TỊCH" if not lines or init_plan.is_collective(lines) else ""
    answers.position = args.position or ask("Chức vụ người ký", head) or None
    answers.signer = args.signer or ask("Họ và tên người ký") or None
    result = init_plan.create(args.path, answers)
    marks = (f"; còn {result.marks} chỗ «CẦN ĐIỀN» cần viết, xem từng chỗ bằng «kehoach check {result.path}»"
             if result.marks else "")
    echo(f"Đã tạo {result.path}{marks}. Tạo văn bản: «kehoach render {result.path}».")


init_parser.set_defaults(handler=init)


def _ask(question: str, default: str = "", check=None) -> str:
    """One question; Enter takes the default (or leaves the answer for later); a wrong answer is asked again.

    The end of the input (Ctrl-D, or a script's input running out) raises EOFError: the clerk stopped.
    """
    from kehoach.errors import InputError

    while True:
        hint = f" [{default}]" if default else " (Enter: điền sau)"
        echo(f"{question}{hint}: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        answer = line.strip() or default
        if not answer or check is None:
            return answer
        try:
            return str(check(answer))
        except InputError as error:
            echo(f"Lỗi: {error.message}", err=True)


def list_types(args: Namespace) -> None:
    from kehoach import api as commands

    echo(commands.types_table())


command("types", "Liệt kê các loại văn bản (Phụ lục III Nghị định 30) và chữ viết tắt của chúng.").set_defaults(
    handler=list_types)

info_parser = command("info", "In thông tin để vào sổ văn bản điện tử: loại, số ký hiệu, ngày, trích yếu, người ký, "
                      "nơi nhận, số trang.")
info_parser.add_argument("plan", type=path, metavar="KẾ_HOẠCH.yaml", help="Tệp kế hoạch .yaml")
info_parser.add_argument("-f", "--format", dest="output_format", default="text", metavar="DẠNG",
                         help="Dạng kết quả: text (mặc định), json, csv")
info_parser.add_argument("-t", "--template", type=path, metavar="MẪU.docx",
                         help="Mẫu Word dùng khi tạo văn bản (để đếm số trang)")
info_parser.add_argument("-o", "--output", type=path, metavar="TỆP", help="Ghi ra tệp thay vì in ra màn hình")


def info(args: Namespace) -> int | None:
    from kehoach.features import info as info_module

    if args.output_format not in info_module.FORMATS:
        echo(f"Lỗi: dạng «{args.output_format}» không có; hãy dùng text, json hoặc csv", err=True)
        return 2
    found = info_module.plan_info(args.plan, args.template)
    text = info_module.render(found, args.output_format)
    if found.pages is None and args.output_format != "text":  # the text form says it itself
        echo(f"Số trang: {found.pages_missing}", err=True)
    if args.output is None:
        echo(text, nl=args.output_format != "csv")  # CSV rows end in CRLF already
        return None
    from kehoach.output import write_atomic

    write_atomic(args.output, (text if args.output_format == "csv" else text + "\n").encode("utf-8"))
    echo(f"Đã ghi {args.output}.")
    return None


info_parser.set_defaults(handler=info)
