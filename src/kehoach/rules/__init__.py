"""The rules `kehoach check` applies: one module each, found here by name (see base.py for the contract)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

_NOT_RULES = {"base"}


@cache
def all_rules() -> tuple[ModuleType, ...]:
    """Every rule module, sorted by id."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name in _NOT_RULES:
            continue
        modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return tuple(sorted(modules, key=lambda m: m.ID))


@cache
def by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in all_rules()}


def rules_of_stage(stage: str) -> tuple[ModuleType, ...]:
    return tuple(rule for rule in all_rules() if rule.STAGE == stage)


def summary(rule: ModuleType) -> str:
    """The first line of a rule's manual."""
    return (rule.__doc__ or "").strip().splitlines()[0]
