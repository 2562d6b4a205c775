"""The folder every hostile case starts from (tests/hostile/harness.py)."""

from __future__ import annotations

import pytest

from hostile.harness import Folder


@pytest.fixture
def folder(tmp_path) -> Folder:
    return Folder(tmp_path)
