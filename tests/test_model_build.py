"""Which pydantic models a command builds, in a fresh process.

pydantic builds a model (collects its fields, makes its core schema and validator) when it is first used, not
when its module is imported (`defer_build` in kehoach.model.fields): checking a plan builds the plan's model
alone, its parts inside it. Times are measured by bench/, never here; what is asserted is what gets built, and
that every model still builds (a broken annotation would otherwise surface only at its first use).
"""

import importlib
import pkgutil

import pytest
from pydantic import BaseModel

import kehoach.model
from support import ROOT, probe_run

PLAN = ROOT / "data" / "plan_2024.yaml"
EXAMPLES = ROOT / "data" / "vi-du"


def built(args: list[str]) -> tuple[int, list[str]]:
    """Run `python -m kehoach ARGS`; its exit code and kehoach's models built by the end of the run."""
    report = ("from pydantic import BaseModel\n"
              "found, pending = [], [BaseModel]\n"
              "while pending:\n"
              "    for model in pending.pop().__subclasses__():\n"
              "        pending.append(model)\n"
              "        if model.__module__.startswith('kehoach.') and model.__pydantic_complete__:\n"
              "            found.append(f'{model.__module__}.{model.__qualname__}')\n"
              "result = sorted(set(found))")
    return probe_run(args, report)


def test_checking_a_plan_builds_the_plans_model_alone():
    """Not the general document it extends, the decision's model, a registry's, nor its parts one by one."""
    assert built(["check", str(PLAN)]) == (0, ["kehoach.model.plan.Plan"])


def test_rendering_a_plan_builds_the_plans_model_alone(tmp_path):
    assert built(["render", str(PLAN), "-o", str(tmp_path / "ke-hoach.docx")]) == (0, ["kehoach.model.plan.Plan"])


@pytest.mark.parametrize("example, model", [
    ("quyet-dinh.yaml", "kehoach.model.decision.DecisionDocument"),
    ("to-trinh.yaml", "kehoach.model.document.Document"),
])
def test_another_kind_builds_its_own_model_alone(example, model):
    assert built(["check", str(EXAMPLES / example)]) == (0, [model])


def _all_models() -> list[type[BaseModel]]:
    for info in pkgutil.iter_modules(kehoach.model.__path__):
        importlib.import_module(f"kehoach.model.{info.name}")
    importlib.import_module("kehoach.source.registry")
    found, pending = [], [BaseModel]
    while pending:
        for model in pending.pop().__subclasses__():
            pending.append(model)
            if model.__module__.startswith("kehoach."):
                found.append(model)
    return found


def test_every_model_builds():
    """Each model of kehoach, built on its own as a first use would (its forward references resolved)."""
    models = _all_models()
    assert len(models) >= 18
    for model in models:
        model.model_rebuild(force=True)
        assert model.__pydantic_complete__, model


# Text and TextList declare their core schema themselves (kehoach.model.fields._TextSchema): the same behaviour as
# the Annotated chains pydantic would read for each field, checked here against those chains on the same inputs.

def _reference_models():
    from typing import Annotated

    from pydantic import BeforeValidator, Field, WithJsonSchema

    from kehoach.model.fields import _ONE_OR_MANY_TEXTS, Text, TextList, _Model, _nfc, _one_or_many

    ReferenceText = Annotated[str, BeforeValidator(_nfc), Field(min_length=1)]
    ReferenceList = Annotated[list[ReferenceText], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_TEXTS)]

    class Reference(_Model):
        text: ReferenceText = Field(alias="a")
        maybe: ReferenceText | None = Field(None, alias="b")
        lines: ReferenceList = Field(alias="c", min_length=1)
        more: ReferenceList = Field(default_factory=list, alias="d")

    class Declared(_Model):
        text: Text = Field(alias="a")
        maybe: Text | None = Field(None, alias="b")
        lines: TextList = Field(alias="c", min_length=1)
        more: TextList = Field(default_factory=list, alias="d")

    return Reference, Declared


VALUES = [" Mường Ảng ", "Mu\u031bo\u031b\u0300ng", "", "   ", 185, 2.5, True, None, [], {"a": 1}, ["a", " b "],
          ["", "x"], [None], "x" * 3]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("key", ["a", "b", "c", "d"])
def test_texts_validate_as_the_annotated_chains_did(key, value):
    from pydantic import ValidationError

    def outcome(model):
        data = {"a": "x", "c": ["x"], key: value}
        try:
            return "ok", model.model_validate(data).model_dump()
        except ValidationError as error:
            return "error", error.errors(include_url=False)

    reference, declared = _reference_models()
    assert outcome(declared) == outcome(reference)


def test_texts_have_the_json_schema_of_the_annotated_chains():
    reference, declared = _reference_models()
    assert declared.model_json_schema(by_alias=True) == {**reference.model_json_schema(by_alias=True),
                                                         "title": "Declared"}
