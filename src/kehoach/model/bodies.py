"""The models a kind's data can name as its body (`mo_hinh:` in data/kinds/*.yaml), by name.

A kind of document chooses one of these; a new kind whose body is paragraphs and numbered sections (a Tờ
trình, a Hướng dẫn) uses `van-ban` and needs no Python.

Each model is imported when it is first asked for: pydantic collects a model's fields as its module is
imported (its validator waits for the first validation, kehoach.model.fields), and checking a plan need not pay
for the decision's (bench/RESULTS.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from kehoach.model.document import Document
from kehoach.model.plan import Plan

#: The body models by name, as «module:class» of the model package.
_WHERE = {
    "van-ban": "document:Document",  # paragraphs, bullets, numbered sections
    "ke-hoach": "plan:Plan",  # sections with activities and duties, Phụ lục, the decision and report blocks
    "quyet-dinh": "decision:DecisionDocument",  # authority, articles, the attached document it issues
}


class _Models(Mapping[str, type[Document]]):
    """`BY_NAME`: a read-only mapping that imports a model's module on first use."""

    def __getitem__(self, name: str) -> type[Document]:
        module, _, attribute = _WHERE[name].partition(":")
        return getattr(importlib.import_module(f"kehoach.model.{module}"), attribute)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


BY_NAME: Mapping[str, type[Document]] = _Models()
#: The model of a file that names no kind (`loai:` left out): a plan, as kehoach has always read it.
DEFAULT = Plan
