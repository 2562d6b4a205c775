"""The JSON Schema an editor uses while the clerk types: committed, current, and named by the example plan."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from kehoach import api as commands
from kehoach.features.rollover import next_year
from support import PLAN_2024, ROOT

SCHEMA = ROOT / "schema" / "ke-hoach.schema.json"
jsonschema = pytest.importorskip("jsonschema")


def test_the_committed_schema_is_what_kehoach_schema_writes():
    # When the model changes, regenerate on purpose and review the diff:
    #   kehoach schema -o schema/ke-hoach.schema.json
    assert SCHEMA.read_text(encoding="utf-8") == commands.json_schema()


def test_the_example_plan_names_the_schema_on_its_first_line():
    first = PLAN_2024.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match and (PLAN_2024.parent / match.group(1)).resolve() == SCHEMA


def test_the_schema_accepts_the_example_plans_and_a_plan_with_review_marks():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    next_year_text, _ = next_year(PLAN_2024, 2025)
    for text in (PLAN_2024.read_text(encoding="utf-8"), next_year_text,
                 (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")):
        jsonschema.validate(yaml.safe_load(text), schema)
    assert "xem_lai" in next_year_text


def test_the_schema_refuses_what_the_model_refuses():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    plan = yaml.safe_load(PLAN_2024.read_text(encoding="utf-8"))
    plan["can_cu"][0]["xem_lai"] = ""  # a mark says why, or is deleted
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plan, schema)
