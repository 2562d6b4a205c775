"""Paths and helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from kehoach.plan_file import read_plan_text
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import default_template

ROOT = Path(__file__).resolve().parents[1]
PLAN_2024 = ROOT / "data" / "plan_2024.yaml"
# The text of the issued 2024 plan (a copy of shared/seed/000_2bff03ff5408d911.txt), kept in the
# repository so that the tests run anywhere.
SEED = ROOT / "tests" / "data" / "seed_plan_2024.txt"


def render_text(text: str, template: Path | None = None):
    """Render YAML text to a python-docx Document (in memory)."""
    loaded = read_plan_text(text, "ke-hoach.yaml")
    data = render_bytes(loaded.plan, template or default_template(), loaded.refs)
    return Document(io.BytesIO(data))
