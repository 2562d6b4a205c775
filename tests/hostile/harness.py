"""Running kehoach as a clerk would, on hostile input, inside limits that turn a hang or a leak into a failure.

Each case runs the real command line (`python -m kehoach.cli`) in a child process whose address space is
capped at 300 MB and whose CPU time is capped (RLIMIT_AS, RLIMIT_CPU), with a wall-clock timeout: a reader
that blocked on a FIFO, a template that spun, a loader that inflated a bomb dies there instead of passing
slowly. Speed is not asserted (the benchmarks measure it): the limits are far above what a refusal needs.

`Folder` snapshots every file before the run, so that a test asserts that each one is byte-identical after
it (and that nothing new appeared but the expected output): no existing file is ever destroyed.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAN = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
TEMPLATE = ROOT / "templates" / "ke-hoach.docx"
_DOCUMENTS = PLAN[PLAN.index("van_ban:\n"):PLAN.index("can_cu:\n")]
#: The plan with its cited documents in a shared file beside it (dung_chung), and that file.
SHARED_PLAN = PLAN.replace(_DOCUMENTS, "dung_chung: dung-chung.yaml\n")
SHARED = _DOCUMENTS
MEMORY = 300 * 1024 * 1024  # bytes of address space
CPU_SECONDS = 30
TIMEOUT = 60  # wall clock; only a hang reaches it


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@dataclass(frozen=True)
class Done:
    code: int
    stdout: str
    stderr: str


def kehoach(folder: Path, *args: str, env: dict | None = None, timeout: float = TIMEOUT) -> Done:
    """`kehoach ARGS` run in `folder`, bounded; a traceback is never an acceptable answer."""
    environment = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    environment.update({"PYTHONUTF8": "1", "NO_COLOR": "1"}, **(env or {}))
    done = subprocess.run([sys.executable, "-m", "kehoach.cli", *args], cwd=folder, env=environment,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", preexec_fn=_limits,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert "lỗi nội bộ" not in done.stderr, done.stderr
    return Done(done.returncode, done.stdout, done.stderr)


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under `folder`: the bytes of a regular file, the kind of anything else (links by target)."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            found[name] = ("link", os.readlink(path))
        elif stat.S_ISREG(mode):
            found[name] = path.read_bytes()
        else:
            found[name] = ("special", stat.S_IFMT(mode))
    return found


class Folder:
    """A clerk's folder with a valid plan, a copy of the template, and whatever a test adds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.write("ke-hoach.yaml", PLAN)
        (path / "mau.docx").write_bytes(TEMPLATE.read_bytes())
        self.before: dict[str, object] = {}

    def write(self, name: str, content: str | bytes) -> Path:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
        return target

    def fifo(self, name: str) -> Path:
        target = self.path / name
        os.mkfifo(target)
        return target

    def run(self, *args: str, **kwargs) -> Done:
        """Run kehoach here, after taking the snapshot `unchanged` compares with."""
        self.before = snapshot(self.path)
        return kehoach(self.path, *args, **kwargs)

    def unchanged(self, *new: str) -> None:
        """Every file that was there is byte-identical, and nothing appeared but `new` (with no temporary file)."""
        after = snapshot(self.path)
        assert {k: v for k, v in after.items() if k not in new} == self.before
        assert set(after) == set(self.before) | set(new)


_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def word_file(source: Path, target: Path, pictures: dict[str, bytes] | None = None, change=None) -> None:
    """Word file `source` copied to `target` with `pictures` (name -> bytes) related from the document as Word
    relates its photos (stored: a photo does not compress), and its document.xml passed through `change`."""
    import zipfile

    pictures = pictures or {}
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                links = "".join(f'<Relationship Id="rIdAnh{n}" Type="{_IMAGE}" Target="media/{name}"/>'
                                for n, name in enumerate(pictures))
                data = data.replace(b"</Relationships>", links.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                types = "".join(f'<Override PartName="/word/media/{name}" ContentType="image/png"/>' for name in pictures)
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            elif info.filename == "word/document.xml" and change is not None:
                data = change(data)
            out.writestr(info, data)
        for name, data in pictures.items():
            out.writestr(f"word/media/{name}", data, zipfile.ZIP_STORED)

