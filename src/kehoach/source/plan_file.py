"""Read a plan file: YAML → `Plan`, with every problem reported in Vietnamese at file:line:column.

pydantic's errors are translated by kehoach.source.schema_errors; a document's own sentences (`cau_chu`) are
checked against its kind here, with the sentence engine of kehoach.kinds.sentences.
"""

from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from kehoach.model import plan as model
from kehoach.source import registry
from kehoach.source import positions
from kehoach.errors import InputError, InputErrors
from kehoach.source.load import LoadedYaml, load_yaml_file, load_yaml_text
from kehoach.source.schema_errors import translate, without_misspelled_missing
from kehoach.model.references import References
from kehoach.problems import Problem

#: Beyond this many problems the rest are counted, not listed: the first ones are what to fix first.
MAX_REPORTED = 30


class LoadedPlan(NamedTuple):
    """A valid plan with what it was read from: positions for later messages, and its references."""

    plan: model.Plan
    source: LoadedYaml
    refs: References


def read_plan(path: Path, display: str | None = None) -> LoadedPlan:
    """Read and validate the plan at `path`; raise `InputErrors` listing every problem found."""
    return validate(load_yaml_file(path, display), path)


def read_plan_text(text: str, source: str, path: Path | None = None) -> LoadedPlan:
    return validate(load_yaml_text(text, source), path)


def _layout(data: dict) -> str:
    """The layout profile the file asks for or its organ implies (nd30, hd36), read before validation: what its
    signing authority lines must look like depends on it (TM. for Nghị định 30, T/M for Hướng dẫn 36)."""
    from kehoach import profiles

    organ = data.get("co_quan")
    lines = organ.get("ten") if isinstance(organ, dict) else None
    lines = [lines] if isinstance(lines, str) else [str(x) for x in lines] if isinstance(lines, list) else []
    asked = data.get("the_thuc")  # an unknown one is reported by the model; the organ decides meanwhile
    return profiles.choose(asked if asked in profiles.available() else None, lines)


def validate(loaded: LoadedYaml, path: Path | None = None) -> LoadedPlan:
    """Validate loaded YAML as a plan and check its references; raise `InputErrors` listing every problem.

    The shared registries the plan names (`dung_chung`) are read relative to `path` (default: the source
    name) and merged in first; the result's `source` answers for positions in them too.
    """
    if loaded.data is None:
        raise _report([InputError("tệp không có nội dung; hãy tạo một kế hoạch mới bằng «kehoach init»",
                                  loaded.where(()), "schema-type")])
    if not isinstance(loaded.data, dict):
        raise _report([InputError("tệp kế hoạch phải là một khối «khóa: giá trị» (co_quan:, trich_yeu:, …); hãy tạo"
                                  " một kế hoạch mới bằng «kehoach init»", loaded.where(()), "schema-type")])
    try:
        loaded = registry.merge(loaded, path)
    except InputErrors as errors:
        raise _report(errors.errors, loaded.source) from None
    root = model_for(loaded.data)
    try:
        plan = root.model_validate(loaded.data, context={"layout": _layout(loaded.data)})
    except ValidationError as error:
        errors = without_misspelled_missing(error.errors(include_input=False, include_url=False))
        raise _report([translate(e, loaded, root) for e in errors], loaded.source)
    refs = References(plan)
    problems = refs.check() + sentence_problems(plan, refs)
    if problems:
        raise _report([_problem(p, loaded) for p in problems], loaded.source)
    return LoadedPlan(plan, loaded, refs)


def model_for(data: dict) -> type[model.Document]:
    """The model that reads a file: its kind's (`loai:`, data/kinds/*.yaml), else the plan's, which also reports
    a `loai` that is no kind at all."""
    from kehoach.kinds import catalog
    from kehoach.model import bodies

    kind = catalog.find(data.get("loai")) if "loai" in data else None
    return bodies.BY_NAME[kind.model] if kind is not None else bodies.DEFAULT


def sentence_problems(document: model.Document, refs: References) -> list:
    """The document's own sentences (`cau_chu`): each must be one its kind writes, a template that reads, and one
    that fills with the values render fills it with (those of the document made from a block, for a block's)."""
    from kehoach.kinds import catalog

    def names(key: str | None = None, block=None) -> dict:
        from kehoach.kinds import wording  # with Jinja: only for a document that words a sentence its own way

        values = wording.names_of(document, refs) if key is None else wording.block_names(document, key, block, refs)
        return {**values, **wording.own_names(document)}

    problems = _sentence_problems(document.sentences, catalog.sentences_of(document.type), ("cau_chu",),
                                  document.type, names)
    for key, block in document.nested():
        made = catalog.derived(key)
        if made and getattr(block, "sentences", None):
            known = {**catalog.sentences_of(made[0].type), **made[0].sentences}
            problems += _sentence_problems(block.sentences, known, (key, "cau_chu"), made[0].type,
                                           lambda key=key, block=block: names(key, block))
    return problems


def _sentence_problems(sentences: dict, kind_sentences: dict, path: tuple, type_name: str, names) -> list:
    """`names()`: the values the sentences are filled with, found once and only if every sentence reads."""
    if not sentences:
        return []  # most documents keep their kind's wording: Jinja is loaded only to read a document's own
    from kehoach.errors import SentenceError
    from kehoach.kinds.sentences import check_sentence, names_for, render_sentence

    known = sorted(kind_sentences)
    problems = []
    for name, template in sentences.items():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"có phải «{close[0]}»?" if close else (
                f"các câu của loại này: {', '.join(known)}" if known else "loại văn bản này không có câu nào để thay")
            problems.append(Problem(f"loại {type_name} không có câu «{name}»; {hint}", (*path, name),
                                    rule="schema-unknown-key"))
            continue
        wrong = check_sentence(template, names_for(name))
        if wrong:
            problems.append(Problem(wrong, (*path, name), rule="schema-type"))
    if problems:
        return problems
    values = names()
    for name, template in sentences.items():
        try:
            render_sentence(template, values)
        except SentenceError as error:  # the message render gives, here at the sentence's place
            problems.append(Problem(error.message, (*path, name), rule=error.rule))
    return problems


def validate_registry(loaded: LoadedYaml) -> None:
    """Check a shared registry file on its own (`kehoach check` meets them in folders); raise `InputErrors`."""
    problems = registry.shape_problems(loaded)
    if problems:
        raise _report(problems)
    try:
        registry.Registry.model_validate(loaded.data)
    except ValidationError as error:
        raise _report([translate(e, loaded) for e in error.errors(include_input=False, include_url=False)]) from None


def _problem(problem: Problem, loaded: LoadedYaml) -> InputError:
    return InputError.of(positions.place(problem, loaded))


def _report(errors: list[InputError], main: str | None = None) -> InputErrors:
    # Messages quote the clerk's own text (an unknown key, a value), which may be typed decomposed (NFD).
    errors = [_renamed(e, unicodedata.normalize("NFC", e.message)) for e in errors]
    unique = {(str(e.location), e.message): e for e in errors}.values()
    # The plan's own problems first, then those in each shared registry file it reads.
    errors = sorted(unique, key=lambda e: (e.location.file != main, "" if e.location.file == main else e.location.file,
                                           e.location.line or 0, e.location.column or 0, e.message))
    shown = errors[:MAX_REPORTED]
    if len(errors) > MAX_REPORTED:
        last = shown[-1]
        shown.append(InputError(f"… và {len(errors) - MAX_REPORTED} lỗi khác", last.location, last.rule))
    return InputErrors(shown)


def _renamed(error: InputError, message: str) -> InputError:
    """The same error with another message, keeping its fix."""
    renamed = InputError(message, error.location, error.rule)
    renamed.fix = error.fix
    return renamed
