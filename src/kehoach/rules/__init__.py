"""The rules `kehoach check` applies: one module each, found here by name (see base.py for the contract).

The layout checks of Word documents are the modules named `docx_…`; checking a YAML plan never imports
them, since a check's start-up time is mostly imports (bench/RESULTS.md).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

_NOT_RULES = {"base"}
DOCX_PREFIX = "docx_"


@cache
def _names() -> tuple[str, ...]:
    return tuple(info.name for info in pkgutil.iter_modules(__path__)
                 if not info.name.startswith("_") and info.name not in _NOT_RULES)


def _load(names) -> tuple[ModuleType, ...]:
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return tuple(sorted(modules, key=lambda m: m.ID))


@cache
def all_rules() -> tuple[ModuleType, ...]:
    """Every rule module, sorted by id."""
    return _load(_names())


@cache
def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in all_rules()}


@cache
def rules_of_stage(stage: str) -> tuple[ModuleType, ...]:
    """The rules of one stage, importing only the modules that can belong to it."""
    names = [n for n in _names() if n.startswith(DOCX_PREFIX) == (stage == "docx")]
    return tuple(rule for rule in _load(names) if rule.STAGE == stage)


def summary(rule: ModuleType) -> str:
    """The first line of a rule's manual."""
    return (rule.__doc__ or "").strip().splitlines()[0]
