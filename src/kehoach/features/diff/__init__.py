"""Compare two versions of a plan item by item, in the plan's own terms: "Mục III.3: thêm đơn vị phối hợp: …".

Things are matched by what they are, not by line: units and cited documents by id, bases by the document
they cite, body items by `id`, else by title within the same parent, else by position. Texts are compared
as written (with `[[id]]`), so renumbering a referenced section is not reported as an edit of every
sentence citing it; they are shown as printed. Body items are named by their number in the new plan
(the old number for a removed item).

The command is here; the comparison has a module per job: `document` (the header, its parts and the blocks a
file holds besides its own document), `body` (the numbered items of the body, matched old ↔ new) and `changes`
(one change, and how lists, texts and single values are compared).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.features.diff.changes import Change
from kehoach.features.diff.document import compare


@dataclass
class DiffResult:
    old: str  # the plans as named on the command line
    new: str
    changes: list[Change]


def diff(old_spec: str, new_spec: str, docx: Path | None = None, template: Path | None = None) -> DiffResult:
    """Read two plans (files or `REV:path`), list their changes; with `docx`, also write the new plan
    with the changes as Word tracked changes."""
    from kehoach.source.gitrev import commit_date, read_plan_at, split_revision
    from kehoach.source.reading import forget_inputs

    forget_inputs()  # a new run: what it reads, --docx must not replace (kehoach.output)

    if docx is not None:
        from kehoach.output import ensure_writable, require_suffix

        if template is not None and not template.exists():
            raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
        ensure_writable(docx, "--docx")  # refuse early, before any work, if the document is open in Word
        require_suffix(docx, (".docx",), "văn bản Word (có đánh dấu thay đổi)", "--docx")
    old, new = read_plan_at(old_spec), read_plan_at(new_spec)
    result = DiffResult(old_spec, new_spec, compare(old, new))
    if docx is not None:
        from kehoach.output import write_atomic
        from kehoach.render import documents
        from kehoach.features.tracked import tracked_bytes

        template = template or documents.template_for(documents.KE_HOACH, new.plan)
        date = commit_date(parts[0]) if (parts := split_revision(new_spec)) else None  # else the run's time
        write_atomic(docx, tracked_bytes(old, new, template, date), "--docx")
    return result


def to_text(result: DiffResult) -> str:
    if not result.changes:
        return "Không có thay đổi."
    return "\n".join([c.line() for c in result.changes] + [f"Có {len(result.changes)} thay đổi."])


def to_json(result: DiffResult) -> str:
    changes = [asdict(c) | {"text": c.line()} for c in result.changes]
    return json.dumps({"old": result.old, "new": result.new, "changes": changes}, ensure_ascii=False, indent=2)
