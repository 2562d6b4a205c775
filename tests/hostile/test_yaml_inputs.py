"""Hostile files through the real command line: each is refused with one clear Vietnamese message.

From the issue «kehoach check»: an alias bomb, a 50 MB file, binary data, UTF-16 and Windows-1258 files, a
`!!python/object` tag, nesting 10,000 deep, a 1 MB single line. Each runs `check` and `render` in a child
process whose address space is capped (RLIMIT_AS, 300 MB): a loader that expanded the bomb or read the
whole 50 MB file would die there instead of passing slowly. Speed is not asserted here (the benchmarks
measure it); the timeout only keeps a hang from blocking the suite.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from kehoach.errors import UNUSABLE_RULES

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
MEMORY_LIMIT = 300 * 1024 * 1024
HANG_GUARD = 120  # seconds; not a speed requirement


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def kehoach(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    env["PYTHONUTF8"] = "1"
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], cwd=folder, env=env, capture_output=True,
                          text=True, encoding="utf-8", preexec_fn=_cap_memory, timeout=HANG_GUARD)


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


# --- the inputs ------------------------------------------------------------------------------------

def alias_bomb() -> str:
    """Nine levels of nine aliases: 342 bytes that a naive loader expands into 9^9 (387 million) strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, current in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{current}: &{current} [" + ",".join(["*" + previous] * 9) + "]")
    return "\n".join(lines) + "\n"


def windows_1258(text: str) -> bytes:
    """`text` as Windows-1258 stores it: a precomposed letter where the code page has one, else base + tone."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


_ANCHOR = "không dùng neo/bí danh (&, *) trong tệp kế hoạch; hãy viết đầy đủ giá trị"
_DEEP = "dữ liệu lồng nhau quá sâu (hơn 64 tầng); hãy kiểm tra lại dấu ngoặc và thụt lề"
_UTF16 = "tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8"
_BINARY = "tệp không phải văn bản YAML (có byte 0); hãy chỉ ra đúng tệp kế hoạch .yaml"
_TAG = ("không dùng thẻ kiểu «{}» trong tệp kế hoạch; hãy bỏ thẻ (nếu muốn giữ giá trị dạng chữ, hãy đặt nó trong"
        " ngoặc kép)")
_ONE_MB = "ệ" * 350_000  # one line of about a megabyte (3 bytes each)
_MO_DAU = 'mo_dau: "UBND xã Nậm Lịch xây dựng Kế hoạch tuyên truyền phòng, chống thiên tai năm 2025 như sau:"\n'


@dataclass(frozen=True)
class Hostile:
    """A hostile file: how to write it, and the one problem `check` must report (position: "-" for the file)."""

    name: str
    write: object  # (path) -> None
    position: str
    rule: str
    message: str


def _text(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


def _bytes(data: bytes):
    return lambda path: path.write_bytes(data)


def _sparse(size: int):
    def write(path: Path) -> None:
        with path.open("wb") as f:
            f.truncate(size)  # 50 MB of zeros that take no disk space; refused from its size, never read
    return write


_UNKNOWN_KEY_PLAN = BASE + "ghi_chu: " + _ONE_MB + "\n"
_UNCLOSED_PLAN = BASE.replace(_MO_DAU, 'mo_dau: "' + _ONE_MB + "\n")
_TAG_TEXT = '!!python/object/apply:os.system ["echo da-chay > pwned"]\n'

HOSTILE = [
    Hostile("alias-bomb", _text(alias_bomb()), "1:4", "yaml-unsafe", _ANCHOR),
    Hostile("alias-in-plan", _text(BASE.replace("chu_tri: van-hoa", "chu_tri: &dv van-hoa")
                                   .replace("chu_tri: ban", "chu_tri: *dv")),
            f"{_line_of(BASE, 'chu_tri: van-hoa')}:18", "yaml-unsafe", _ANCHOR),
    Hostile("50-mb", _sparse(50 * 1024 * 1024), "-", "file-unreadable",
            "tệp quá lớn (52.428.800 byte); tệp kế hoạch chỉ vài KB, giới hạn là 2 MB"),
    Hostile("binary", _bytes(random.Random(2020).randbytes(64 * 1024) + b"\x00"), "-", "file-unreadable", _BINARY),
    Hostile("utf-16", _bytes(BASE.encode("utf-16")), "-", "file-encoding", _UTF16),
    Hostile("utf-16-le-no-bom", _bytes(BASE.encode("utf-16-le")), "-", "file-encoding", _UTF16),
    # The first line is an ASCII comment; «ỦY» on line 3 is U + 0xD2 (hook above), not UTF-8.
    Hostile("windows-1258", _bytes(windows_1258(BASE)), "3:10", "file-encoding",
            "tệp không được lưu dạng UTF-8 (gặp byte 0xD2; có thể là Windows-1258 hoặc TCVN3); hãy mở tệp và lưu lại"
            " dạng UTF-8"),
    Hostile("python-object", _text(_TAG_TEXT), "1:1", "yaml-unsafe", _TAG.format("!!python/object/apply:os.system")),
    Hostile("python-object-in-plan", _text(BASE.replace("so: 12", "so: !!python/object:builtins.int 12")),
            f"{_line_of(BASE, 'so: 12')}:5", "yaml-unsafe", _TAG.format("!!python/object:builtins.int")),
    Hostile("deep-flow-sequence", _text("[" * 10_000 + "]" * 10_000 + "\n"), "1:65", "yaml-too-deep", _DEEP),
    Hostile("deep-unclosed", _text("noi_dung: " + "[" * 10_000 + "\n"), "1:74", "yaml-too-deep", _DEEP),
    Hostile("deep-flow-mapping", _text("{a: " * 10_000 + "}" * 10_000 + "\n"), "1:257", "yaml-too-deep", _DEEP),
    Hostile("deep-block-sequence", _text("- " * 10_000 + "x\n"), "1:129", "yaml-too-deep", _DEEP),
    Hostile("1-mb-line-unknown-key", _text(_UNKNOWN_KEY_PLAN), f"{_line_of(_UNKNOWN_KEY_PLAN, 'ghi_chu')}:1",
            "schema-unknown-key", "khóa «ghi_chu» không có trong mẫu kế hoạch; hãy xóa hoặc sửa tên khóa"),
    Hostile("1-mb-line-unclosed-quote", _text(_UNCLOSED_PLAN), f"{_line_of(BASE, 'mo_dau')}:9", "yaml-syntax",
            'lỗi cú pháp YAML: thiếu dấu " đóng cho giá trị mở bằng " ở đây'),
]


@pytest.fixture(params=HOSTILE, ids=[h.name for h in HOSTILE])
def hostile(request, tmp_path) -> tuple[Hostile, Path]:
    case = request.param
    path = tmp_path / f"{case.name}.yaml"
    case.write(path)
    return case, path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_check_refuses_with_one_clear_message(hostile):
    case, path = hostile
    done = kehoach(path.parent, "check", path.name)
    assert "Traceback" not in done.stdout + done.stderr
    # Refused for safety (exit code 2), or a mistake in a plan that happens to be huge (1, as any mistake).
    assert (done.returncode, done.stderr) == (2 if case.rule in UNUSABLE_RULES else 1, "")
    # The report (stdout): the file, its one problem, the count. Nothing of the hostile content is echoed.
    assert done.stdout == f"{path.name}\n  {case.position}  lỗi  {case.message}  [{case.rule}]\n\n1 lỗi trong 1 tệp.\n"
    assert not (path.parent / "pwned").exists()


def test_render_refuses_and_writes_nothing(hostile):
    case, path = hostile
    before = _files(path.parent)
    done = kehoach(path.parent, "render", path.name)
    assert "Traceback" not in done.stdout + done.stderr
    where = path.name if case.position == "-" else f"{path.name}:{case.position}"
    code = 2 if case.rule in UNUSABLE_RULES else 1
    assert (done.returncode, done.stdout, done.stderr) == (code, "", f"{where}: {case.message}\n")
    assert _files(path.parent) == before  # no .docx, no temporary file, no "pwned"


def test_alias_bomb_is_refused_at_its_first_anchor_not_expanded(tmp_path):
    """The loader refuses anchors, so pydantic never formats 9^9 values into a message: the message names the
    anchor/alias syntax, and the bomb is refused at its first anchor (line 1, column 4)."""
    path = tmp_path / "bom.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size == 342
    done = kehoach(tmp_path, "check", "--format", "json", "bom.yaml")
    assert done.returncode == 2
    assert '"rule": "yaml-unsafe"' in done.stdout
    assert "neo/bí danh (&, *)" in done.stdout and '"line": 1' in done.stdout and '"column": 4' in done.stdout
    assert "lol" not in done.stdout


def test_a_valid_plan_with_a_one_megabyte_paragraph_is_checked(tmp_path):
    """A megabyte on one line of a real plan is not refused: every rule reads it, within the memory cap."""
    words = "Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai."
    paragraph = " ".join([words] * (1_000_000 // len(words.encode("utf-8"))))
    old = "          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n"
    text = BASE.replace(old, old + "          - gach: " + paragraph + "\n")
    (tmp_path / "dai.yaml").write_text(text, encoding="utf-8")
    assert (tmp_path / "dai.yaml").stat().st_size > 1_000_000
    done = kehoach(tmp_path, "check", "dai.yaml")
    assert (done.returncode, done.stdout, done.stderr) == (0, "Không có lỗi nào.\n", "")


def test_the_memory_cap_bites():
    """The cap is real: a child that asks for more than 300 MB fails (so the tests above could fail too)."""
    done = subprocess.run([sys.executable, "-c", "bytearray(600 * 1024 * 1024)"], capture_output=True, text=True,
                          preexec_fn=_cap_memory, timeout=HANG_GUARD)
    assert done.returncode != 0 and "MemoryError" in done.stderr
