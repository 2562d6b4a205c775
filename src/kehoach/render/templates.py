"""Where the Word templates shipped with kehoach are."""

from __future__ import annotations

from pathlib import Path

DEFAULT_TEMPLATE = "ke-hoach.docx"


def default_template() -> Path:
    """The default template: inside the installed package, or in the source tree's templates/."""
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "templates", here.parent.parent / "templates"):
        candidate = folder / DEFAULT_TEMPLATE
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(DEFAULT_TEMPLATE)
