"""Run by a Python that has LibreOffice's `uno` module (not kehoach's virtualenv): converts .docx to PDF in a
LibreOffice that is already running, one request per line on stdin, one answer per line on stdout.

    python3 office_bridge.py PIPE_NAME SOFFICE_GROUP
    → {"docx": "/abs/plan.docx", "pdf": "/abs/out.pdf"}
    ← {"ok": true} or {"error": "…"}

Standard library and `uno` only: this file is executed by another interpreter (Debian's python3 with
python3-uno, or the python LibreOffice ships on Windows and macOS). When its input ends (kehoach ended,
even by kill -9), it ends LibreOffice and its own process group, so that nothing is left running.
"""

import json
import os
import signal
import sys
import time

import uno  # noqa: I001 (LibreOffice's own module)
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

CONNECT_SECONDS = 60  # a first start with a fresh profile takes a few seconds; a slow machine more
END_SECONDS = 5  # how long LibreOffice may take to shut down cleanly before its group is killed


def _property(name, value):
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def _desktop(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # noqa: BLE001 - NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _convert(desktop, docx, pdf):
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0,
                                            (_property("Hidden", True), _property("ReadOnly", True)))
    if document is None:
        raise RuntimeError("LibreOffice không mở được văn bản")
    try:
        document.storeToURL(uno.systemPathToFileUrl(pdf), (_property("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)


def _end(desktop, office_group):
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - already gone
        pass
    # A LibreOffice left to finish its shutdown removes its pipes (/tmp/OSL_PIPE_…) and its profile's lock; one
    # killed at once leaves them behind, two socket files per session. The kill below is for one that hangs.
    _wait_gone(office_group, END_SECONDS)
    if hasattr(os, "killpg"):
        try:
            os.killpg(office_group, signal.SIGKILL)  # soffice and what it started: the group kehoach made for it
        except OSError:
            pass


def _wait_gone(office_group, seconds):
    """Wait until no process of `office_group` is left, at most `seconds`."""
    if not hasattr(os, "killpg"):
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(office_group, 0)
        except OSError:  # no such group: every process of it has ended
            return
        time.sleep(0.05)


def main():
    desktop = _desktop(sys.argv[1])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            _convert(desktop, request["docx"], request["pdf"])
            answer = {"ok": True}
        except Exception as error:  # noqa: BLE001 - reported to kehoach, which says it in Vietnamese
            answer = {"error": str(getattr(error, "Message", "") or error)}
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    _end(desktop, int(sys.argv[2]))


if __name__ == "__main__":
    main()
