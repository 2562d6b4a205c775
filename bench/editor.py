"""The editor loop: diagnostics after a keystroke through `kehoach lsp`, and save-to-PDF in `kehoach render
--watch` against `kehoach render --pdf`, measured in the same run. Writes its own section of bench/RESULTS.md.

    .venv/bin/python bench/editor.py             # about two minutes; needs LibreOffice and python3-uno
    .venv/bin/python bench/editor.py --quick     # a few rounds, prints only

Diagnostics latency: the time from sending a one-character change of the 2024 plan (`didChange`, a letter
typed into the signer's name, then deleted) to receiving the `publishDiagnostics` for that version, through
a real client (pygls) over stdio, rounds 0.2 s apart as a quick typist's keystrokes. Save-to-PDF: from the
rename that saves the plan (what an editor does) to the line «Đã cập nhật …pdf» that the watch prints once
the PDF is in place; each round is followed by one `kehoach render --pdf` of the same plan, timed from
fork to exit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sections import write_section

ROOT = Path(__file__).resolve().parents[1]
KEHOACH = Path(sys.executable).parent / "kehoach"
PLAN = ROOT / "data" / "plan_2024.yaml"
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- section: editor (bench/editor.py) -->", "<!-- end: editor -->"
LATENCY_TARGET_MS, PDF_TARGET_S = 50, 0.5


async def diagnostics_latency(rounds: int) -> list[float]:
    """Milliseconds from each one-character change to its diagnostics."""
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-lsp-"))
    plan = folder / "plan_2024.yaml"
    shutil.copy(PLAN, plan)
    text = plan.read_text(encoding="utf-8")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future] = {}
    client = LanguageClient("bench", "1")

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(ls, params: lsp.PublishDiagnosticsParams) -> None:  # pygls passes the client as `ls`
        if params.version is not None and params.version not in arrived:
            arrived[params.version] = time.perf_counter()
            future = waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result(None)

    async def wait(version: int) -> None:
        if version not in arrived:
            waiting[version] = asyncio.get_running_loop().create_future()
            await asyncio.wait_for(waiting[version], 30)

    await client.start_io(str(KEHOACH), "lsp")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(),
                                                       root_uri=folder.as_uri()))
    client.initialized(lsp.InitializedParams())
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=plan.as_uri(), language_id="yaml", version=1, text=text)))
    await wait(1)
    row = text[: text.index("Đinh Văn Sơn")].count("\n")
    column = text.split("\n")[row].index("Sơn") + 3  # after «Sơn»
    latencies = []
    for index in range(rounds + 3):  # 3 warm-up rounds
        version = index + 2
        typed = index % 2 == 0  # type a letter, then delete it
        end = column + (0 if typed else 1)
        change = lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=row, character=column), end=lsp.Position(line=row, character=end)),
            text="x" if typed else "")
        sent = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=plan.as_uri(), version=version),
            content_changes=[change]))
        await wait(version)
        if index >= 3:
            latencies.append((arrived[version] - sent) * 1000)
        await asyncio.sleep(0.2)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    shutil.rmtree(folder, ignore_errors=True)
    return latencies


def save_to_pdf(rounds: int) -> tuple[list[float], list[float], float]:
    """Seconds from each save to the updated PDF in the watch; seconds of `render --pdf`; the watch's first PDF."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-watch-"))
    plan = folder / "plan_2024.yaml"
    shutil.copy(PLAN, plan)
    other = folder / "mot-lan" / "plan_2024.yaml"
    other.parent.mkdir()
    shutil.copy(PLAN, other)
    lines: queue.Queue = queue.Queue()
    started = time.perf_counter()
    watch = subprocess.Popen([str(KEHOACH), "render", "--watch", plan.name], cwd=folder, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    threading.Thread(target=lambda: [lines.put((time.perf_counter(), line)) for line in watch.stdout],
                     daemon=True).start()

    def until(text: str) -> float:
        while True:
            at, line = lines.get(timeout=120)
            if text in line:
                return at

    try:
        first = until("Đang theo dõi") - started
        saves, singles = [], []
        for index in range(rounds + 1):  # 1 warm-up round
            text = plan.read_text(encoding="utf-8")
            name = "Đinh Văn Sơn" if index % 2 else "Đinh Văn Sơnx"
            changed = re.sub(r"ho_ten: .*", f"ho_ten: {name}", text)
            temporary = folder / ".plan_2024.yaml.tmp"
            temporary.write_text(changed, encoding="utf-8")
            saved = time.perf_counter()
            os.replace(temporary, plan)
            done = until("plan_2024.pdf")
            time.sleep(0.3)
            other.write_text(changed, encoding="utf-8")
            begun = time.perf_counter()
            subprocess.run([str(KEHOACH), "render", "--pdf", str(other)], check=True, capture_output=True)
            single = time.perf_counter() - begun
            if index:
                saves.append(done - saved)
                singles.append(single)
    finally:
        watch.terminate()
        watch.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
    return saves, singles, first


def _stats(values: list[float]) -> tuple[float, float, float, float, float]:
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return statistics.median(values), q[0], q[2], min(values), max(values)


def section(latencies: list[float], saves: list[float], singles: list[float], first: float) -> str:
    lat, save, single = _stats(latencies), _stats(saves), _stats(singles)
    verdict = {True: "**PASS**", False: "**MISS**"}
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "\n".join([
        BEGIN,
        "## The editor loop: language server and preview (`bench/editor.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {commit}, load average at the end"
        f" {load} (1, 5, 15 min); {len(latencies)} keystrokes, {len(saves)} saves.",
        "",
        "| figure | median | IQR | min–max | target | result |",
        "|---|---|---|---|---|---|",
        f"| diagnostics after a one-character change of the 2024 plan, through `kehoach lsp` | {lat[0]:.1f} ms |"
        f" {lat[1]:.1f}–{lat[2]:.1f} | {lat[3]:.1f}–{lat[4]:.1f} | ≤ {LATENCY_TARGET_MS} ms |"
        f" {verdict[lat[0] <= LATENCY_TARGET_MS]} |",
        f"| save → updated PDF in `kehoach render --watch` | {save[0]:.2f} s | {save[1]:.2f}–{save[2]:.2f} |"
        f" {save[3]:.2f}–{save[4]:.2f} | ≤ {PDF_TARGET_S} s | {verdict[save[0] <= PDF_TARGET_S]} |",
        f"| `kehoach render --pdf`, same plan, same rounds | {single[0]:.2f} s | {single[1]:.2f}–{single[2]:.2f} |"
        f" {single[3]:.2f}–{single[4]:.2f} | | {single[0] / save[0]:.1f}× the watch |",
        "",
        f"- The watch's first document and PDF took {first:.1f} s (LibreOffice starting with a fresh profile);"
        " every later save goes to that running LibreOffice (kehoach.features.office).",
        "- Latency includes the server's settling pause (10 ms, so that the changes of one paste are checked once)"
        " and the JSON-RPC round over stdio; the check itself is `kehoach check`'s (kehoach.check.runner).",
        *([f"- The load average was above the machine's {os.cpu_count()} cores: other processes took CPU time"
           " during the run, and these figures are higher than on a quiet machine."]
          if os.getloadavg()[0] > (os.cpu_count() or 1) else []),
        END,
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few rounds; print, write nothing")
    args = parser.parse_args()
    keystrokes, saves = (6, 3) if args.quick else (60, 15)
    latencies = asyncio.run(diagnostics_latency(keystrokes))
    save, single, first = save_to_pdf(saves)
    text = section(latencies, save, single, first)
    print(text)
    if not args.quick:
        write_section(BEGIN, END, text, RESULTS)
        print(f"\nwritten: {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
