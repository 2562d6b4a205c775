"""The models a kind's data can name as its body (`mo_hinh:` in data/kinds/*.yaml), by name.

A kind of document chooses one of these; a new kind whose body is paragraphs and numbered sections (a Tờ
trình, a Hướng dẫn) uses `van-ban` and needs no Python.
"""

from __future__ import annotations

from kehoach.model.decision import DecisionDocument
from kehoach.model.document import Document
from kehoach.model.plan import Plan

BY_NAME: dict[str, type[Document]] = {
    "van-ban": Document,  # paragraphs, bullets, numbered sections
    "ke-hoach": Plan,  # sections with activities and duties, Phụ lục, the decision and report blocks
    "quyet-dinh": DecisionDocument,  # authority, articles, the attached document it issues
}
#: The model of a file that names no kind (`loai:` left out): a plan, as kehoach has always read it.
DEFAULT = Plan
