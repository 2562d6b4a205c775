"""The rules `kehoach check` applies: one module each, named by its id (see base.py for the contract).

A check imports the modules of the stage it runs and no other, since a check's start-up time is mostly
imports (bench/RESULTS.md): a YAML plan's check the `plan` rules, a Word document's the `docx_…` modules, and
neither imports the `load` rules, whose problems the loader and the model report by id. `STAGES` says which
rule is of which stage without importing any; tests/rules/test_registry.py keeps it equal to what the modules
declare (a new rule module is found by `all_rules` and the test names the line to add here).
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

_NOT_RULES = {"base"}
DOCX_PREFIX = "docx_"

#: Every rule's id by stage, sorted; a rule's module is its id with "_" for "-" (rules/archive_line.py).
STAGES: dict[str, tuple[str, ...]] = {
    "load": (
        "config-invalid", "date-invalid", "doctype-unknown", "file-encoding", "file-unreadable", "id-duplicate",
        "ref-undefined", "schema-id", "schema-missing", "schema-type", "schema-unknown-key", "signature-format",
        "structure-depth", "text-control-char", "yaml-duplicate-key", "yaml-syntax", "yaml-too-deep", "yaml-unsafe",
    ),
    "plan": (
        "archive-line", "basis-end-mark", "citation-admin-year", "citation-after-plan", "citation-duplicate",
        "citation-law-number", "citation-normative-year", "citation-number-word", "citation-pattern",
        "citation-symbol-spacing", "citation-symbol-type", "citation-type-case", "citation-undated",
        "date-as-written", "date-future", "end-mark", "place-organ", "recipients-archive", "register-number-used",
        "review-needed", "signature-authority", "structure-empty-section", "structure-lone-child", "summary-case",
        "text-date-format", "text-invisible-char", "text-legacy-encoding", "text-nfc", "text-quotes",
        "text-repeated-word", "text-spacing", "text-tab", "todo-left", "unit-not-informed", "yaml-flow-split",
        "year-consistency",
    ),
    "docx": (
        "docx-archive-line", "docx-bases", "docx-basis-end-mark", "docx-body", "docx-colour", "docx-date",
        "docx-date-zero", "docx-end-mark", "docx-font", "docx-margins", "docx-motto", "docx-national-title",
        "docx-number", "docx-organ", "docx-page-number", "docx-paper", "docx-party-title", "docx-recipients",
        "docx-signer", "docx-summary", "docx-summary-case", "docx-tables", "docx-type-name",
    ),
}
_STAGE_OF = {rule_id: stage for stage, ids in STAGES.items() for rule_id in ids}


def ids() -> list[str]:
    """Every rule's id, sorted, without importing any rule."""
    return sorted(_STAGE_OF)


def stage_of(rule_id: str) -> str | None:
    """The stage of the rule `rule_id` (None: no such rule), without importing it."""
    return _STAGE_OF.get(rule_id)


def get(rule_id: str) -> ModuleType | None:
    """The rule `rule_id` (its module, imported now if it was not), or None when there is none."""
    if rule_id not in _STAGE_OF:
        return None
    return importlib.import_module(f"{__name__}.{rule_id.replace('-', '_')}")


@cache
def _names() -> tuple[str, ...]:
    import pkgutil  # here: a check finds its modules in STAGES and never lists the folder

    return tuple(info.name for info in pkgutil.iter_modules(__path__)
                 if not info.name.startswith("_") and info.name not in _NOT_RULES)


@cache
def all_rules() -> tuple[ModuleType, ...]:
    """Every rule module, sorted by id: every module of this package, whether `STAGES` names it or not."""
    modules = [importlib.import_module(f"{__name__}.{name}") for name in _names()]
    return tuple(sorted(modules, key=lambda m: m.ID))


@cache
def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in all_rules()}


@cache
def rules_of_stage(stage: str) -> tuple[ModuleType, ...]:
    """The rules of one stage, sorted by id, importing only their modules."""
    return tuple(get(rule_id) for rule_id in STAGES[stage])


#: The values a docx rule's ONLY_FOR_HEADER may take: a layout profile's `header`.
HEADERS = ("state", "party")


def only_for(rule: ModuleType) -> str | None:
    """The one kind of header (`HEADERS`) a rule applies to, or None: it applies to both.

    Read under a name no other module exports, so that importing a constant (inspect.sections.HEADER = "header")
    cannot disable a rule by accident; a value outside HEADERS is a mistake in the rule, refused here."""
    header = getattr(rule, "ONLY_FOR_HEADER", None)
    if header is not None and header not in HEADERS:
        raise ValueError(f"{rule.__name__}: ONLY_FOR_HEADER = {header!r}, not one of {HEADERS}")
    return header


def summary(rule: ModuleType) -> str:
    """The first line of a rule's manual."""
    return (rule.__doc__ or "").strip().splitlines()[0]
