"""Shared fixtures: the example plan rendered once."""

from __future__ import annotations

import io
import os

import pytest
from docx import Document

from kehoach.source.plan_file import read_plan
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from support import PLAN_2024, docx_paragraphs


@pytest.fixture(scope="session", autouse=True)
def template_cache_of_the_run(tmp_path_factory):
    """Compiled templates go to a folder of this test run, never the developer's cache (render.template_cache);
    set in the environment so that the kehoach processes tests start use it too."""
    os.environ["KEHOACH_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-cache"))


@pytest.fixture(scope="session")
def plan_text() -> str:
    return PLAN_2024.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def rendered_bytes() -> bytes:
    loaded = read_plan(PLAN_2024)
    return render_bytes(loaded.plan, kind_template(), loaded.refs)


@pytest.fixture(scope="session")
def rendered(rendered_bytes):
    return Document(io.BytesIO(rendered_bytes))


@pytest.fixture(scope="session")
def paras(rendered_bytes):
    """The rendered plan's body paragraphs as `kehoach check` reads them (kehoach.inspect records)."""
    return docx_paragraphs(rendered_bytes)
