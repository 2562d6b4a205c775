"""`kehoach fmt` and `kehoach new` keep a file's line endings: CRLF (a Windows editor) stays CRLF, LF stays LF."""

from __future__ import annotations

import pytest

from kehoach.source.newlines import line_ending, with_ending
from support import PLAN_2024, invoke

PLAN = PLAN_2024.read_text(encoding="utf-8")


def endings(data: bytes) -> tuple[int, int]:
    """(lines ending CRLF, lines ending LF alone)."""
    crlf = data.count(b"\r\n")
    return crlf, data.count(b"\n") - crlf


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_new_keeps_the_line_ending_of_last_years_plan(tmp_path, ending):
    old = tmp_path / "ke-hoach-2024.yaml"
    old.write_bytes(with_ending(PLAN, ending).encode("utf-8"))
    result = invoke(["new", str(old)])
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "ke-hoach-2025.yaml").read_bytes()
    lines = data.count(b"\n")
    assert lines > 100 and endings(data) == ((lines, 0) if ending == "\r\n" else (0, lines))
    assert b"xem_lai:" in data and b"\r\r" not in data


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_fmt_keeps_the_line_ending_of_the_file(tmp_path, ending):
    messy = PLAN.replace("so: 185\n", "so:   185\n", 1).replace("loai: Kế hoạch\n", "", 1) + "loai: Kế hoạch\n"
    assert messy != PLAN
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_bytes(with_ending(messy, ending).encode("utf-8"))
    result = invoke(["fmt", str(plan)])
    assert result.exit_code == 0, result.stderr
    data = plan.read_bytes()
    lines = data.count(b"\n")
    assert endings(data) == ((lines, 0) if ending == "\r\n" else (0, lines))
    assert data.decode("utf-8").replace("\r\n", "\n") == invoke_fmt_lf(tmp_path, messy)
    # Formatted once, the file is left alone: fmt --check agrees with itself across line endings.
    assert invoke(["fmt", "--check", str(plan)]).exit_code == 0


def invoke_fmt_lf(tmp_path, text: str) -> str:
    """What fmt makes of `text` saved with LF."""
    lf = tmp_path / "lf.yaml"
    lf.write_text(text, encoding="utf-8", newline="\n")
    assert invoke(["fmt", str(lf)]).exit_code == 0
    return lf.read_text(encoding="utf-8")


def test_line_ending_is_that_of_the_first_line():
    assert line_ending("a: 1\r\nb: 2\n") == "\r\n"
    assert line_ending("a: 1\nb: 2\r\n") == "\n"
    assert line_ending("a: 1") == "\n"
    assert with_ending("a\r\nb\nc", "\r\n") == "a\r\nb\r\nc"
