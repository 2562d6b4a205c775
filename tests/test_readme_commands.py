"""The README opens with two commands for Linux/macOS and the same two for Windows PowerShell; CI runs the first two.

The Windows commands are not run here (no Windows machine); they are checked to be the exact counterparts of
the Linux ones: the same steps, with PowerShell's paths and its `; if ($?) { … }` for `&&`.
"""

from __future__ import annotations

import re

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def opening_blocks() -> list[tuple[str, str]]:
    """(language, command) of each code block before the first section heading."""
    opening = README.split("\n## ", 1)[0]
    return [(lang, body.strip()) for lang, body in re.findall(r"```(\w+)\n(.*?)```", opening, re.S)]


def test_the_opening_has_two_linux_commands_two_powershell_ones_and_the_clerks_install():
    languages = [lang for lang, _ in opening_blocks()]
    assert languages == ["sh", "sh", "powershell", "powershell", "sh"]
    assert opening_blocks()[4][1].startswith("pipx install .")
    assert "uv tool install ." in opening_blocks()[4][1]


def test_ci_runs_the_two_linux_commands_exactly():
    (_, setup), (_, tests) = opening_blocks()[:2]
    lines = [line.strip() for line in CI.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert setup in lines
    assert lines[-1] == tests


def powershell(command: str) -> str:
    """A POSIX command of the README as its PowerShell counterpart."""
    steps = [step.strip() for step in command.split("&&")]
    steps = [re.sub(r"\.venv/bin/(\w+)", r".venv\\Scripts\\\1", step).replace("data/", "data\\") for step in steps]
    steps[0] = steps[0].replace("python3 -m venv", "python -m venv")
    return "; ".join([steps[0]] + [f"if ($?) {{ {step} }}" for step in steps[1:]])


def test_the_windows_commands_are_the_counterparts_of_the_linux_ones():
    blocks = opening_blocks()
    assert blocks[2][1] == powershell(blocks[0][1])
    assert blocks[3][1] == powershell(blocks[1][1])
