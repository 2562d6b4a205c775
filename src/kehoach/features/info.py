"""What an e-office registry asks about a document (type, number, date, summary, signer, recipients,
pages), read from the plan file or every plan of a folder: as text for the clerk, JSON for programs, CSV
for Excel, and an Excel workbook laid out as the register of outgoing documents (kehoach.features.register).

The page count is that of the document as rendered, counted in the PDF LibreOffice makes of it. Without
LibreOffice it is left empty (null), and the text form says why: a registry must never get a guess.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach.conventions.text import doc_number, long_date, short_date
from kehoach.errors import InputError, KehoachError
from kehoach.problems import Location

FORMATS = ("text", "json", "csv", "xlsx")
#: Excel splits a CSV line at the "list separator" of Windows' regional settings. With Vietnamese settings
#: the decimal separator is the comma (1.234,5), so the list separator is the semicolon: a comma-separated
#: file would open in one column. Excel with English settings reads ";" too once the file says nothing else.
CSV_SEPARATOR = ";"


@dataclass(frozen=True)
class PlanInfo:
    organ: str
    type: str
    number: str | None  # "185", None on a draft
    symbol: str  # "KH-UBND"
    date: date | None
    year: int | None  # the planned year of a draft (nam:)
    summary: str  # on one line
    position: str
    signer: str
    recipients: list[str] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)  # «Lưu: VT, …»
    pages: int | None = None
    pages_missing: str | None = None  # why `pages` is None
    #: «185/KH-UBND» («12-KH/ĐU», «36/2013/QĐ-UBND»), as the number line prints it (the model composes it:
    #: Document.number_and_symbol); None while the plan has no number.
    number_symbol: str | None = None

    @property
    def date_nd30(self) -> str | None:
        return long_date(self.date) if self.date else None


def plan_info(path: Path, template: Path | None = None, count_pages: bool = True) -> PlanInfo:
    """Read the plan at `path` (raising InputErrors if it cannot be used) and gather what a registry asks."""
    from kehoach.source.plan_file import read_plan

    loaded = read_plan(path, str(path))
    info = _info(loaded)
    if not count_pages:
        return info
    (pages, missing), = _page_counts([_rendered(loaded, _template(template))])
    return dataclasses.replace(info, pages=pages, pages_missing=missing)


def _info(loaded) -> PlanInfo:
    """What a registry asks, but the page count."""
    from kehoach.render.compose import summary_text

    plan, refs = loaded.plan, loaded.refs
    return PlanInfo(
        organ=" ".join(line.upper() for line in ([plan.organ.parent] if plan.organ.parent else [])
                       + list(plan.organ.name_lines)),
        type=plan.doc_type.name,
        number=doc_number(plan.number) if plan.number else None,
        symbol=plan.symbol,
        date=plan.date,
        year=plan.year,
        summary=summary_text(plan),
        position=plan.signature.position,
        signer=plan.signature.name,
        recipients=[refs.unit_name(ref) for ref in plan.recipients.send_to],
        archive=[refs.unit_name(ref) for ref in plan.recipients.archive],
        number_symbol=plan.number_and_symbol if plan.number else None,
    )


def _template(template: Path | None) -> Path | None:
    if template is not None and not template.exists():
        raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
    return template


def _rendered(loaded, template: Path | None) -> bytes:
    """The plan's document as `render` makes it, whose pages are counted."""
    from kehoach.render import documents
    from kehoach.render.compose import context_for
    from kehoach.render.docx_writer import render_bytes

    document = loaded.plan
    return render_bytes(document, template or documents.template_for(documents.KE_HOACH, document), loaded.refs,
                        context=context_for(document, loaded.refs))


def _page_counts(rendered: list[bytes]) -> list[tuple[int | None, str | None]]:
    """Each rendered document's page count, or None and the reason it is not known.

    All of them are converted by one LibreOffice run: started once per plan, LibreOffice's start-up was most
    of the time of `info` of a folder."""
    from kehoach.features import pdf

    if not rendered:
        return []
    if pdf.find_soffice() is None:
        why = "chưa đếm được vì máy chưa cài LibreOffice; cách cài: " + " ".join(pdf.install_hint().split())
        return [(None, why)] * len(rendered)
    with tempfile.TemporaryDirectory(prefix="kehoach-info-") as work:
        docxs = []
        for number, data in enumerate(rendered, start=1):  # numbered: two plans may share a name in two folders
            docxs.append(Path(work) / f"{number}.docx")
            docxs[-1].write_bytes(data)
        try:
            made, said = pdf.pdfs_bytes(docxs)
        except pdf.PdfError as error:
            return [(None, f"chưa đếm được: {error.message}")] * len(rendered)
    counts: list[tuple[int | None, str | None]] = []
    for one in made:
        pages = pdf.page_count(one) if one is not None else None
        if one is None:
            counts.append((None, f"chưa đếm được: LibreOffice không chuyển được văn bản sang PDF ({said})"))
        elif pages is None:
            counts.append((None, "chưa đếm được: không đọc được số trang trong tệp PDF LibreOffice tạo ra"))
        else:
            counts.append((pages, None))
    return counts


def as_dict(info: PlanInfo) -> dict:
    """The fields under names written like the plan file's keys (Vietnamese without diacritics)."""
    return {
        "co_quan": info.organ,
        "loai": info.type,
        "so": info.number,
        "ky_hieu": info.symbol,
        "so_ky_hieu": info.number_symbol,
        "ngay": info.date.isoformat() if info.date else None,
        "ngay_nd30": info.date_nd30,
        "trich_yeu": info.summary,
        "chuc_vu_nguoi_ky": info.position,
        "nguoi_ky": info.signer,
        "noi_nhan": info.recipients,
        "so_trang": info.pages,
    }


def to_json(info: PlanInfo) -> str:
    return json.dumps(as_dict(info), ensure_ascii=False, indent=2)


#: CSV columns: the headings a registry clerk knows, and the key of each in `as_dict`.
CSV_COLUMNS = (
    ("Cơ quan ban hành", "co_quan"),
    ("Loại văn bản", "loai"),
    ("Số", "so"),
    ("Ký hiệu", "ky_hieu"),
    ("Số, ký hiệu", "so_ky_hieu"),
    ("Ngày ban hành", "ngay"),
    ("Ngày ghi trên văn bản", "ngay_nd30"),
    ("Trích yếu", "trich_yeu"),
    ("Chức vụ người ký", "chuc_vu_nguoi_ky"),
    ("Người ký", "nguoi_ky"),
    ("Nơi nhận", "noi_nhan"),
    ("Số trang", "so_trang"),
)


def to_csv(info: PlanInfo | Sequence[PlanInfo]) -> str:
    """A heading row and one row per plan, separated by `CSV_SEPARATOR`, starting with a byte order mark.

    Excel opens a CSV file without the mark in the machine's legacy code page, which turns Vietnamese
    into mojibake; with it, Excel reads UTF-8. The date is ISO (2024-07-05), which Excel reads as the same
    date whatever its locale (05/7/2024 would be 7 May on an English one). A field holding the separator
    (recipients are joined with "; ") is quoted, as Excel expects.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([heading for heading, _ in CSV_COLUMNS])
    for one in [info] if isinstance(info, PlanInfo) else info:
        values = as_dict(one)
        row = []
        for _, key in CSV_COLUMNS:
            value = values[key]
            row.append("; ".join(value) if isinstance(value, list) else "" if value is None else str(value))
        writer.writerow(row)
    return "\ufeff" + buffer.getvalue()


def to_text(info: PlanInfo) -> str:
    """The same fields for a person, one per line; what is missing says why."""
    if info.date:
        when = f"{short_date(info.date)} ({info.date_nd30})"
    else:
        when = "chưa có (bản dự thảo" + (f", dự kiến năm {info.year})" if info.year else ")")
    rows = [
        ("Cơ quan ban hành", info.organ),
        ("Loại văn bản", info.type),
        ("Số, ký hiệu", info.number_symbol or f"chưa có số (bản dự thảo); ký hiệu {info.symbol}"),
        ("Ngày ban hành", when),
        ("Trích yếu", info.summary),
        ("Người ký", f"{info.signer}, {info.position}"),
        ("Nơi nhận", "\n".join(info.recipients)),
        ("Số trang", str(info.pages) if info.pages is not None else info.pages_missing or "chưa đếm"),
    ]
    width = max(len(label) for label, _ in rows) + 2
    lines = []
    for label, value in rows:
        first, *rest = value.splitlines() or [""]
        lines.append(f"{label + ':':<{width}}{first}".rstrip())
        lines.extend(" " * width + line for line in rest)
    return "\n".join(lines)


def render(info: PlanInfo, output_format: str) -> str:
    return {"text": to_text, "json": to_json, "csv": to_csv}[output_format](info)


@dataclass
class FolderInfo:
    """The plans of a folder (or of several paths) with what a registry asks of each, and those unreadable."""

    plans: list[tuple[Path, PlanInfo]] = field(default_factory=list)
    errors: list[KehoachError] = field(default_factory=list)
    shared: int = 0  # shared files of units and documents met and left out: not documents


def folder_info(paths: Sequence[Path], template: Path | None = None, count_pages: bool = True) -> FolderInfo:
    """`plan_info` of every plan the paths name (a folder: every .yaml file in it, shared files left out), in
    the order of issue; the page counts from one LibreOffice run for all of them."""
    from kehoach.source.files import plan_files
    from kehoach.source.load import load_yaml_file
    from kehoach.source.plan_file import read_plan
    from kehoach.source.registry import is_registry

    found = FolderInfo()
    files = plan_files(paths)
    if not files:
        raise InputError("không có tệp kế hoạch .yaml nào", Location(" ".join(map(str, paths)) or "."))
    template = _template(template) if count_pages else template
    rendered: list[bytes] = []
    for path in files:
        try:
            if is_registry(load_yaml_file(path).data):
                found.shared += 1
                continue
            loaded = read_plan(path, str(path))
            info = _info(loaded)
            if count_pages:
                rendered.append(_rendered(loaded, template))
            found.plans.append((path, info))
        except KehoachError as error:
            found.errors.append(error)
    if count_pages:
        counts = _page_counts(rendered)
        found.plans = [(path, dataclasses.replace(info, pages=pages, pages_missing=missing))
                       for (path, info), (pages, missing) in zip(found.plans, counts)]
    found.plans.sort(key=_issue_order)
    return found


def _issue_order(item: tuple[Path, PlanInfo]) -> tuple:
    """As a register runs: issued documents by date, then number; drafts after them, in file order."""
    info = item[1]
    number = int(info.number) if info.number and info.number.isdigit() else 0
    return (info.date is None, info.date or date.min, number)


def render_many(found: FolderInfo, output_format: str) -> str:
    """Text (one block a plan, headed by its file), JSON (a list, each with its file) or CSV (one row a plan)."""
    if output_format == "csv":
        return to_csv([info for _, info in found.plans])
    if output_format == "json":
        return json.dumps([{"tep": str(path), **as_dict(info)} for path, info in found.plans], ensure_ascii=False,
                          indent=2)
    return "\n\n".join(f"{path}\n{to_text(info)}" for path, info in found.plans)
