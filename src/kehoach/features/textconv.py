"""A plan or a rendered document as plain text in the document's own order, for `git diff` and reviews.

A YAML plan is printed as the document it renders to (numbers and references resolved), so that a diff
of two plan versions reads like a diff of the two documents; a .docx is printed paragraph by paragraph.

git runs `kehoach textconv` on a temporary copy of each old version (`/tmp/git-blob-XXXXXX/plan.yaml`, or
`/tmp/XXXXXX_plan.yaml` with older git), from the top folder of the work tree. A plan's `dung_chung` paths
are relative to the plan's real folder, so for a copy the plan is looked for in the repository by its
name and its shared files are read from there (as they are now: git does not say which commit the copy
is from). `textconv_for_git` never fails: git would abandon the whole diff (exit 128). A plan it cannot
read is printed as written, under a line that says why.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from kehoach import profiles
from kehoach.errors import DocxUnreadable, InputError, KehoachError
from kehoach.problems import Location

#: The first line of the output when the plan could not be printed as its document.
NOTE = "[kehoach textconv: {}]"
#: The name older git gives a temporary copy: six random characters, "_", the file's own name.
_OLD_GIT_COPY = re.compile(r"^[A-Za-z0-9]{6}_(.+)$")
#: The most candidate files tried for a copy (a repository with hundreds of plan.yaml is not searched on).
MAX_CANDIDATES = 20


def plan_text(path: Path, display: str | None = None, plan_path: Path | None = None) -> str:
    """The text a plan renders to, one paragraph per line.

    `plan_path`: where the plan really is, when `path` is a copy (its `dung_chung` paths start there).
    """
    from kehoach.source.load import load_yaml_file
    from kehoach.source.plan_file import validate

    loaded = validate(load_yaml_file(path, display or str(path)), plan_path or path)
    return loaded_text(loaded)


def loaded_text(loaded) -> str:
    from kehoach.render.compose import context_for

    return "\n".join(context_lines(context_for(loaded.plan, loaded.refs))) + "\n"


def context_lines(context: dict) -> list[str]:
    """The template context in reading order: header, title, bases, body, closing, recipients, signer."""
    lines: list[str] = []
    if context["draft"]:
        lines.append("DỰ THẢO")
    organ = context["organ"]
    if organ["parent"]:
        lines.append(organ["parent"])
    lines += organ["lines"]
    texts = profiles.load(context.get("layout", profiles.DEFAULT)).texts
    if texts.organ_mark is not None:
        lines.append(texts.organ_mark.value)
    lines += [t.value for t in (texts.national_title, texts.motto, texts.party_title) if t is not None]
    lines += [context["number_line"], *context.get("summary_under_number", []), context["place_date"], ""]
    lines += [context["doc_type"]] if context["doc_type"] else []
    lines += context["summary_lines"]
    lines.append("")
    if context.get("addressee"):
        lines += context["addressee"]["text"].splitlines()
    lines += [context["authority"]] if context.get("authority") else []
    lines += context["bases"]
    lines += [context["decide"]] if context.get("decide") else []
    lines += context["opening"]
    lines += [block["text"] for block in context["body"]]
    lines += [f"{article['label']} {article['text']}" for article in context.get("articles", [])]
    lines += context["closing"]
    lines += ["", "Nơi nhận:"] + context["recipients"]
    signature = context["signature"]
    lines += [""] + signature["authority"] + [signature["position"], signature["name"]]
    attached = context.get("attached")
    if attached:  # the document a decision issues, on its own pages
        lines += ["", *attached["organ"]["lines"], attached["doc_type"], *attached["summary_lines"],
                  attached["issued_with"], ""]
        lines += attached["opening"] + [block["text"] for block in attached["body"]] + attached["closing"]
    appendix = context.get("appendix")
    if appendix:  # the last section of the document: heading, then one line per row of the table
        lines += ["", "Phụ lục", appendix["title"], appendix["reference"]]
        for row in appendix["rows"]:
            cells = [row["number"], row["content"], row["lead"], row["implementing"], row["coordinating"],
                     row["period"], row["budget"]]
            lines.append(" | ".join(cells))
        if appendix["has_budget"]:
            lines += [f"Tổng cộng | {appendix['total']}", f"Bằng chữ: {appendix['total_words']}"]
    return lines


def docx_text(path: Path, display: str | None = None) -> str:
    """The paragraphs of a Word document in order (table cells included), one per line, then those of each
    header and footer its pages show, under a line naming it as `kehoach check` does (git diff then shows a
    changed footer). The document is streamed (kehoach.inspect): its pictures never inflated, its XML never
    held whole."""
    from kehoach.inspect.body import paragraph_texts
    from kehoach.inspect.document import read_document
    from kehoach.rules._docx import DocxContext
    from kehoach.inspect.package import Package, damaged, unreadable
    from kehoach.sharing import sharing_violation_in

    name = display or str(path)
    try:
        with Package.open(path, name) as package:
            with package.stream(package.main) as stream:
                lines = paragraph_texts(stream)
            document = read_document(package)
            stories = DocxContext(name, document.paragraphs, document.styles, document.sections,
                                  document.text_boxes).stories()
    except (DocxUnreadable, *damaged()) as error:  # no Word document, or a damaged one (the guarded read's pass)
        if sharing_violation_in(error):  # another program locked the file after it was opened
            raise unreadable(error, name) from None
        raise InputError("không đọc được tệp Word này; hãy chỉ ra một tệp .docx", Location(name),
                         "file-unreadable") from None
    for where, story in stories:
        lines += ["", f"--- {where} ---", *(p.text for p in story.paragraphs)]
    return "\n".join(lines) + "\n"


def textconv(path: Path) -> str:
    """Text for a plan (.yaml/.yml) or a document (.docx), chosen by the file's name; raises on bad input."""
    if path.suffix.lower() == ".docx":
        return docx_text(path)
    return plan_text(path)


def textconv_for_git(path: Path) -> tuple[str, list[str]]:
    """(text, problems): the text of `textconv`, and never an error.

    A plan whose shared files are not beside it (git's copy) is read with the shared files of the real
    plan found in the repository; failing that, without them if it needs none of their entries; failing
    that, printed as written under a note. A Word file that cannot be read gives the note alone.
    The problems are the messages of what went wrong, for stderr.
    """
    if path.suffix.lower() == ".docx":
        return docx_text(path), []  # a file that is no Word document (or a zip bomb) is refused: exit 2
    from kehoach.source.reading import read_input

    data = read_input(path, "plan", str(path))  # not a regular file, or too large: refused (exit 2)
    shared = _shared_paths(path)
    # A copy outside the work tree (git's) is read with the real plan's shared files first: the folders
    # around a temporary file are not the plan's.
    reals = _real_plans(path) if shared else []
    places = ([path] + reals) if _inside_current_folder(path) else (reals + [path])
    first: KehoachError | None = None
    for place in places:
        try:
            return plan_text(path, str(path), place), []
        except KehoachError as error:
            first = first or error
    why = "kế hoạch còn lỗi nên chưa in được thành văn bản (xem «kehoach check»)"
    if shared and not any(_all_there(place, shared) for place in places):
        missing = "không tìm thấy tệp dùng chung " + ", ".join(f"«{name}»" for name in shared)
        try:  # without its shared files: works when the plan uses none of their entries
            note = NOTE.format(f"{missing}; văn bản dưới đây chưa có phần dùng chung")
            return note + "\n" + _without_shared(path), [str(first)]
        except KehoachError:
            why = missing
    source = data.decode("utf-8", "replace")
    return NOTE.format(f"{why}; dưới đây là tệp kế hoạch như đã viết") + "\n" + source, [str(first)]


def _all_there(plan: Path, shared: list[str]) -> bool:
    """Whether every shared path the plan names exists beside the plan at `plan`."""
    return all((plan.parent / name).exists() for name in shared)


def _inside_current_folder(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(Path.cwd().resolve())
    except OSError:
        return False


def _shared_paths(path: Path) -> list[str]:
    """The paths the plan's `dung_chung` names (empty when it names none or cannot be read)."""
    from kehoach.source.load import load_yaml_file
    from kehoach.source.registry import KEY, _named

    try:
        data = load_yaml_file(path).data
    except KehoachError:
        return []
    if not isinstance(data, dict) or data.get(KEY) is None:
        return []
    return [text for _, text in _named(data[KEY])]


def _without_shared(path: Path) -> str:
    from kehoach.source.load import load_yaml_file
    from kehoach.source.plan_file import validate
    from kehoach.source.registry import KEY

    loaded = load_yaml_file(path)
    loaded.data.pop(KEY, None)
    return loaded_text(validate(loaded, path))


def _real_plans(copy: Path) -> list[Path]:
    """Files of the repository (or of the current folder) named as the plan `copy` stands for."""
    names = {copy.name}
    old_style = _OLD_GIT_COPY.match(copy.name)
    if old_style:
        names.add(old_style.group(1))
    found = _git_files(names)
    if found is None:  # not in a git repository: look under the current folder
        found = []
        for folder, subfolders, files in os.walk("."):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            found += [Path(folder, name) for name in sorted(files) if name in names]
            if len(found) >= MAX_CANDIDATES:
                break
    try:
        same = copy.resolve()
        found = [f for f in found if f.resolve() != same]
    except OSError:
        pass
    # Nearest the current folder first: that is where git runs the driver from, the top of the work tree.
    return sorted(found, key=lambda f: (len(f.parts), str(f)))[:MAX_CANDIDATES]


def _git_files(names: set[str]) -> list[Path] | None:
    """The work tree's tracked files with one of `names`, as paths from the current folder; None outside git."""
    patterns = [f":(glob)**/{name}" for name in sorted(names)]
    try:
        done = subprocess.run(["git", "ls-files", "-z", "--", *patterns], capture_output=True, timeout=30,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return [Path(name) for name in done.stdout.decode("utf-8", "replace").split("\0") if name]
