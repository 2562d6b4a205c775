"""Several kehoach runs at once on the same files: each output is whole (one run's document, never a mix or a
half), no temporary file is left, and a shared template cache filled by all of them at once stays usable."""

from __future__ import annotations

import os
import subprocess
import sys

from hostile.harness import TIMEOUT, _limits, kehoach, snapshot


def _start(folder, *args, env=None) -> subprocess.Popen:
    environment = dict(os.environ, PYTHONUTF8="1", **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "kehoach.cli", *args], cwd=folder.path, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            preexec_fn=_limits)


def test_four_renders_of_one_plan_to_one_output_at_once(folder):
    alone = kehoach(folder.path, "render", "ke-hoach.yaml", "-o", "mot.docx")
    assert alone.code == 0
    expected = (folder.path / "mot.docx").read_bytes()
    runs = [_start(folder, "render", "ke-hoach.yaml", "-o", "chung.docx") for _ in range(4)]
    for run in runs:
        out, err = run.communicate(timeout=TIMEOUT)
        assert (run.returncode, err) == (0, "")
    assert (folder.path / "chung.docx").read_bytes() == expected  # renders are deterministic: any winner is whole
    assert [n for n in os.listdir(folder.path) if n.endswith(".tmp")] == []


def test_a_fresh_template_cache_filled_by_four_runs_at_once(folder, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache-chung")
    env = {"KEHOACH_CACHE_DIR": str(cache)}
    runs = [_start(folder, "render", "ke-hoach.yaml", "-o", f"ra-{n}.docx", env=env) for n in range(4)]
    for run in runs:
        out, err = run.communicate(timeout=TIMEOUT)
        assert (run.returncode, err) == (0, "")
    outputs = {(folder.path / f"ra-{n}.docx").read_bytes() for n in range(4)}
    assert len(outputs) == 1
    assert [n for n in os.listdir(cache) if n.endswith(".tmp")] == []
    # The next run loads what they stored, and makes the same document.
    again = kehoach(folder.path, "render", "ke-hoach.yaml", "-o", "lai.docx", env=env)
    assert again.code == 0
    assert (folder.path / "lai.docx").read_bytes() in outputs


def test_checking_a_plan_while_it_is_being_formatted(folder):
    """fmt replaces the plan in one rename: a check running meanwhile reads the old text or the new, never half."""
    text = (folder.path / "ke-hoach.yaml").read_text(encoding="utf-8")
    folder.write("ke-hoach.yaml", text.replace("so: 12\n", "so:    12\n"))
    checks = [_start(folder, "check", "ke-hoach.yaml") for _ in range(3)]
    formatting = _start(folder, "fmt", "ke-hoach.yaml")
    assert formatting.communicate(timeout=TIMEOUT)[1] == ""
    for run in checks:
        out, err = run.communicate(timeout=TIMEOUT)
        assert (run.returncode, out, err) == (0, "Không có lỗi nào.\n", "")
    assert "so: 12\n" in (folder.path / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert snapshot(folder.path).keys() == {"ke-hoach.yaml", "mau.docx"}
