"""Word → PDF through LibreOffice (`soffice`), and the font that keeps its pages where Word puts them.

LibreOffice is a program on the clerk's machine, not a Python package: when it is missing, the message
says exactly how to install it. The .docx is always written first, so a PDF failure never costs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import PdfError
from kehoach.problems import Location
from kehoach.features.libreoffice import install_hint

INSTALL_FONTS = "sudo apt-get install -y --no-install-recommends fonts-liberation2"

#: A cold start with a fresh profile takes about 2.5 s here; a document that takes a minute is stuck.
TIMEOUT = 120
#: What each further document of one run may add to it (a plan converts in well under a second).
PER_DOCUMENT = 10

#: Fonts with the widths of Times New Roman (Liberation Serif and Tinos were drawn to match it), so
#: that a line breaks at the same word as in Word and the page count is the one Word shows.
METRIC_COMPATIBLE = ("Times New Roman", "Liberation Serif", "Tinos")


@dataclass(frozen=True)
class PdfResult:
    output: Path
    pages: int | None  # None when the PDF does not say (never a guess)
    font_warning: str | None = None


def find_soffice() -> str | None:
    """The LibreOffice program wherever it is installed (kehoach.features.libreoffice), or None."""
    from kehoach.features.libreoffice import find

    return find()


def missing_message() -> str:
    """What the clerk reads when LibreOffice is not installed: the exact commands for their system."""
    return ("chưa tạo được tệp PDF vì máy chưa cài LibreOffice (không tìm thấy lệnh soffice); văn bản Word vẫn được "
            "tạo. Hãy cài LibreOffice rồi chạy lại:\n" + install_hint())


def font_warning() -> str | None:
    """A warning when fontconfig would draw Times New Roman with a font of other widths (pages reflow).

    Without fontconfig (Windows, macOS) the system has Times New Roman itself, so there is nothing to check.
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        done = subprocess.run([fc_match, "-f", "%{family}", "Times New Roman"], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    families = [name.strip() for name in done.stdout.split(",") if name.strip()]
    if done.returncode != 0 or any(name in METRIC_COMPATIBLE for name in families):
        return None
    used = families[0] if families else "phông khác"
    return (f"cảnh báo: máy chưa có phông Times New Roman hoặc phông cùng cỡ chữ (Liberation Serif), nên LibreOffice "
            f"dùng «{used}» thay thế và chữ trong PDF có thể xuống dòng, sang trang khác bản in từ Word. Hãy cài "
            f"phông: {INSTALL_FONTS}")


def convert(docx: Path, output: Path | None = None, timeout: float = TIMEOUT) -> PdfResult:
    """Write `docx` as PDF (beside it by default), atomically; raise PdfError if LibreOffice cannot."""
    from kehoach.output import ensure_writable, write_atomic

    from kehoach.source.reading import remember

    output = output or docx.with_suffix(".pdf")
    remember(docx, "văn bản Word")  # read by LibreOffice, an input all the same
    ensure_writable(output, elsewhere=None, kind="pdf")  # always beside the .docx
    data = pdf_bytes(docx, timeout, Location(str(output)))
    write_atomic(output, data, elsewhere=None)
    return PdfResult(output, page_count(data), font_warning())


def pdf_bytes(docx: Path, timeout: float = TIMEOUT, where: Location | None = None) -> bytes:
    """The PDF LibreOffice makes of `docx`, converted in a folder of its own and with a profile of its own."""
    where = where or Location(str(docx.with_suffix(".pdf")))
    made, said = _convert([docx], timeout, where)
    if made[0] is None:
        raise PdfError(f"LibreOffice không chuyển được văn bản sang PDF ({said}); hãy mở {docx.name} bằng "
                       "LibreOffice để xem, rồi chạy lại", where)
    return made[0]


def pdfs_bytes(docxs: list[Path], where: Location | None = None) -> tuple[list[bytes | None], str]:
    """The PDFs of several documents from one LibreOffice run, whose start-up (1 to 3 s) is then paid once:
    each document's PDF in order, None for one it could not convert, and what LibreOffice said last.

    The documents must have different names (LibreOffice names each PDF after its document)."""
    where = where or Location(str(docxs[0].parent))
    return _convert(docxs, TIMEOUT + PER_DOCUMENT * (len(docxs) - 1), where)


def _convert(docxs: list[Path], timeout: float, where: Location) -> tuple[list[bytes | None], str]:
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(missing_message(), where)
    # A profile of its own: a LibreOffice the clerk has open would otherwise take the job over (and
    # two conversions at once would fight over one profile). Both go away with the folder.
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        folder = Path(work)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder / "out"), *(str(d.resolve()) for d in docxs)]
        stderr = _run(command, timeout, where)
        made = []
        for docx in docxs:
            produced = folder / "out" / f"{docx.stem}.pdf"
            made.append(produced.read_bytes() if produced.is_file() else None)
    said = stderr.strip().splitlines()[-1] if stderr.strip() else "không có thông báo"
    return made, said


def _run(command: list[str], timeout: float, where: Location) -> str:
    """Run soffice; on timeout stop it and everything it started (soffice.bin too: kehoach.features.processes).
    Returns stderr."""
    from kehoach.features import processes

    try:
        process, job = processes.start(command)
    except OSError as error:
        raise PdfError(f"không chạy được LibreOffice ({error.strerror or error}); hãy cài lại LibreOffice:\n"
                       f"{install_hint()}", where) from None
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        processes.stop(process, job)
        raise PdfError(f"LibreOffice chưa chuyển xong sau {timeout:g} giây nên đã bị dừng; hãy chạy lại, hoặc mở "
                       "văn bản bằng LibreOffice để xem có gì bất thường", where) from None
    except BaseException:  # Ctrl-C: leave no LibreOffice running behind
        processes.stop(process, job)
        raise
    processes.close(job)
    return err.decode("utf-8", "replace")


_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b(.*?)\bendobj", re.DOTALL)
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def page_count(pdf: bytes) -> int | None:
    """The page count written in the PDF's page tree (its root holds the total), or None if it cannot be read.

    LibreOffice writes the page tree as plain objects; a PDF that hides it in compressed object streams
    gives None rather than a guess.
    """
    counts = []
    for match in _OBJECT.finditer(pdf):
        body = match.group(1)
        if _PAGES.search(body) and (count := _COUNT.search(body)):
            counts.append(int(count.group(1)))
    return max(counts) if counts else None
