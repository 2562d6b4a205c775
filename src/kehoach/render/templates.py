"""Where the Word templates shipped with kehoach are: one per kind of document and layout profile.

Which template a kind uses is its data's (data/kinds/*.yaml, `mau`; a document made from a block: `tu_khoi`).
The templates of the default layout (Nghị định 30) are `templates/<kind>.docx`; those of another layout
(hd36: a Party committee's documents) are `templates/<profile>/<kind>.docx`, built by the same builders
(tools/templates) from that profile's numbers.
"""

from __future__ import annotations

from pathlib import Path



def kind_template(type_name: str = "Kế hoạch", profile: str = "nd30") -> Path:
    """The template the kind `type_name` (as `loai:` writes it) names in its data (data/kinds/*.yaml, `mau`), in
    the layout `profile`."""
    from kehoach.kinds import catalog

    kind = catalog.find(type_name)
    if kind is None:
        raise KeyError(type_name)
    return shipped(kind.template, profile)


def shipped(name: str, profile: str = "nd30") -> Path:
    """The template file `name` shipped with kehoach (templates/, or templates/<profile>/ for another layout)."""
    name = name if profile == "nd30" else f"{profile}/{name}"
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "templates", here.parent.parent / "templates"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)
