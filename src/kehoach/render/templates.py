"""Where the Word templates shipped with kehoach are: one per kind of document and layout profile.

The templates of the default layout (Nghị định 30) are `templates/<kind>.docx`; those of another layout
(hd36: a Party committee's documents) are `templates/<profile>/<kind>.docx`, built by the same builders
(tools/templates) from that profile's numbers.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_TEMPLATE = "ke-hoach.docx"
#: The template of each kind of document (`kehoach render --doc …`), built by its own builder module:
#: tools/templates/plan, decision, report; other kinds name theirs in data/kinds (van-ban.docx: document).
TEMPLATES = {"ke-hoach": DEFAULT_TEMPLATE, "quyet-dinh": "quyet-dinh.docx", "bao-cao": "bao-cao.docx"}


def default_template(kind: str = "ke-hoach", profile: str = "nd30") -> Path:
    """The template of `kind` in the layout `profile`: inside the installed package, or in the source tree's
    templates/."""
    return shipped(TEMPLATES[kind], profile)


def shipped(name: str, profile: str = "nd30") -> Path:
    """The template file `name` shipped with kehoach (templates/, or templates/<profile>/ for another layout)."""
    name = name if profile == "nd30" else f"{profile}/{name}"
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "templates", here.parent.parent / "templates"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)
