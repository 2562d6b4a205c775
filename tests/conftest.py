"""Shared fixtures: the example plan rendered once, and helpers to render variants of it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from kehoach.docx_inspect import Inspector
from kehoach.plan_file import read_plan, read_plan_text
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


@pytest.fixture(scope="session")
def plan_text() -> str:
    return PLAN_2024.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def rendered_bytes() -> bytes:
    loaded = read_plan(PLAN_2024)
    return render_bytes(loaded.plan, default_template(), loaded.refs)


@pytest.fixture(scope="session")
def rendered(rendered_bytes):
    return Document(io.BytesIO(rendered_bytes))


@pytest.fixture(scope="session")
def paras(rendered):
    return list(Inspector(rendered).paragraphs())
