"""One file through the whole pipeline, as `kehoach render PLAN` runs it: read the data, check it, compose and
fill each document it asks for, and write each .docx atomically (nothing is written on error).

kehoach.api.render is this for the command line and library users; `render FOLDER/` (kehoach.features.batch)
and `render --watch` (kehoach.features.preview) run it for each plan and each save.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kehoach.errors import InputError, PlanHasErrors, SentenceError
from kehoach.problems import Location, Problem, Severity


class Made(NamedTuple):
    """One document written by `render`: its kind (ke-hoach, quyet-dinh, bao-cao), file, and draft mark."""

    kind: str
    output: Path
    draft: bool


class RenderResult(NamedTuple):
    output: Path
    draft: bool
    warnings: list[Problem]
    errors: list[Problem]  # rendered anyway, with --force
    made: list[Made]  # every document written (three with --doc all)


def default_output(plan_path: Path, doc: str = "ke-hoach") -> Path:
    """Beside the plan, with the same name: data/plan_2024.yaml → data/plan_2024.docx; the decision and the
    report add their kind: data/plan_2024-quyet-dinh.docx, data/plan_2024-bao-cao.docx."""
    from kehoach.render.documents import named, output_path

    return output_path(plan_path, named(doc))


def render(plan_path: Path, output: Path | None = None, template: Path | None = None,
           force: bool = False, doc: str = "ke-hoach", elsewhere: str | None = "-o") -> RenderResult:
    """Read, check and render a plan, or the decision or report made from it (`doc`: ke-hoach, quyet-dinh,
    bao-cao, or all three); write each .docx atomically. Nothing is written on error.

    A plan the checks find errors in is refused, unless `force`: then it is rendered marked as a draft.
    `elsewhere`: the option that writes to another file, for the messages (None for a batch: no -o there).
    """
    from kehoach.check.runner import run_rules
    from kehoach.output import ensure_writable, require_suffix, write_atomic
    from kehoach.source.plan_file import read_plan
    from kehoach.render import documents
    from kehoach.source.reading import forget_inputs

    forget_inputs()  # what this render reads is what its outputs must not replace (kehoach.output)
    kinds = documents.kinds_of(doc)
    if len(kinds) > 1 and output is not None:
        raise InputError("-o chỉ dùng khi tạo một văn bản; với --doc all, mỗi văn bản được ghi cạnh tệp kế hoạch: "
                         f"{', '.join(default_output(plan_path, k.name).name for k in kinds)}", Location(str(output)))
    if len(kinds) > 1 and template is not None:
        raise InputError(documents.TEMPLATE_FOR_ONE, Location(str(template)))
    outputs = [output or default_output(plan_path, kind.name) for kind in kinds]
    if template is not None and not template.exists():
        raise InputError("không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template", Location(str(template)))
    for path in outputs:
        if path.resolve() == plan_path.resolve():
            raise InputError("tệp ra trùng với tệp kế hoạch; hãy chọn tên .docx khác", Location(str(path)))
    for path in outputs:
        # Refuse early, before any work, if the document is open in Word.
        ensure_writable(path, elsewhere)
    # After the checks above: writing over an input or a file of another kind is the graver mistake.
    if output is not None:
        pdf = "; muốn có thêm tệp PDF thì thêm --pdf" if output.suffix.lower() == ".pdf" else ""
        require_suffix(output, (".docx",), "văn bản Word", elsewhere or "-o", pdf)
    loaded = read_plan(plan_path, str(plan_path))
    for kind in kinds:
        documents.require_block(kind, loaded.plan, str(plan_path))
    problems = run_rules(loaded, plan_path)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors and not force:
        listing = "\n".join(str(p) for p in errors)
        raise PlanHasErrors(
            f"{listing}\nChưa tạo văn bản vì kế hoạch còn {len(errors)} lỗi; hãy sửa các lỗi trên "
            "(hoặc chạy lại với --force để in bản dự thảo).",
            errors,
        )
    made, data = [], []
    for kind, path in zip(kinds, outputs):  # every document made before any is written
        draft = documents.is_draft(kind, loaded.plan) or bool(errors)
        try:
            data.append(documents.render_document(kind, loaded, template or documents.template_for(kind, loaded.plan),
                                                  draft))
        except SentenceError as error:
            raise _sentence_at_its_place(error, loaded.source) from None
        made.append(Made(kind.name, path, draft))
    for document, content in zip(made, data):
        write_atomic(document.output, content, elsewhere)
    return RenderResult(made[0].output, made[0].draft, [p for p in problems if p.severity is not Severity.ERROR],
                        errors, made)


def _sentence_at_its_place(error: SentenceError, source) -> InputError:
    """A sentence that failed to fill, at the `cau_chu` entry of the file that wrote it. Reading the file fills a
    document's own sentences with its values already (kehoach.source.plan_file.sentence_problems, so that `check`
    finds them too); this places any that fails only here. A kind's own sentence is not in the file: the error
    stays as it is."""
    import unicodedata

    from kehoach.source import positions

    wanted = unicodedata.normalize("NFC", error.template or "")
    found = [path for path, value in positions.text_values(source.data)
             if len(path) >= 2 and path[-2] == "cau_chu" and unicodedata.normalize("NFC", value) == wanted]
    if not found:
        return error
    # The last one written, where a sentence is worded the same in two places (as this has always reported).
    return InputError.of(positions.place(Problem(error.message, found[-1], rule=error.rule), source))
