"""What kehoach's pydantic models cost a command: each model class created at import, and the plan's build.

    .venv/bin/python bench/model_cost.py [--runs N] [PLAN.yaml]

In N fresh processes (default 9), with the collector off as the CLI runs: what the stack floor already pays is
imported first (pydantic with one model defined and validated, PyYAML, and the modules the model imports that are
not models), then each model module is executed statement by statement, timing each class statement (pydantic
collects the class's fields there: the build itself waits for the first validation, kehoach.model.fields), then
the plan is validated twice: the first validation less the second is the plan model's build (its core schema,
its parts' inside it, and pydantic-core's validator). Thread CPU time, so that a busy machine's other processes
do not count; medians over the runs. Public API only: a pydantic upgrade cannot make it measure something else.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("fields", "parts", "body", "blocks", "document", "plan")

_CHILD = r"""
import __future__, ast, gc, importlib.util, json, sys, time, types
gc.disable()
import yaml, pydantic
class _Floor(pydantic.BaseModel):
    x: int
_Floor.model_validate({"x": 1})
import difflib, kehoach.conventions.doctypes, kehoach.conventions.money, kehoach.conventions.dates, kehoach.profiles
rows = {}
for short in MODULES:
    name = "kehoach.model." + short
    spec = importlib.util.find_spec(name)
    module = types.ModuleType(name)
    module.__file__, module.__spec__ = spec.origin, spec
    sys.modules[name] = module
    flags = 0
    for node in ast.parse(open(spec.origin, encoding="utf-8").read()).body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":  # kept for the statements after it
            flags |= __future__.annotations.compiler_flag
        code = compile(ast.Module([node], []), spec.origin, "exec", flags=flags, dont_inherit=True)
        start = time.thread_time_ns()
        exec(code, module.__dict__)
        spent = (time.thread_time_ns() - start) / 1e6
        key = f"{short}.{node.name}" if isinstance(node, ast.ClassDef) else f"{short} (the rest)"
        rows[key] = rows.get(key, 0.0) + spent
plan_module = sys.modules["kehoach.model.plan"]
data = yaml.safe_load(open(PLAN, encoding="utf-8"))
start = time.thread_time_ns()
plan_module.Plan.model_validate(data)
first = (time.thread_time_ns() - start) / 1e6
start = time.thread_time_ns()
plan_module.Plan.model_validate(data)
second = (time.thread_time_ns() - start) / 1e6
fields = {}
for short in MODULES:
    for value in vars(sys.modules["kehoach.model." + short]).values():
        if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__.endswith(short):
            own = [n for n in value.__annotations__ if n in value.model_fields]
            fields[f"{short}.{value.__name__}"] = len(own)
print(json.dumps({"rows": rows, "build": first - second, "validate": second, "fields": fields}))
"""


def main() -> int:
    args = sys.argv[1:]
    runs = 9
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    plan = Path(args[0]) if args else ROOT / "data" / "plan_2024.yaml"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "bench" / ".pycache")
    env["PYTHONPATH"] = str(ROOT / "src")
    code = f"MODULES = {MODULES!r}\nPLAN = {str(plan)!r}\n" + _CHILD
    results = []
    for _ in range(runs + 1):  # the first run compiles the bytecode
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr)
        results.append(json.loads(done.stdout))
    results = results[1:]
    fields = results[0]["fields"]

    def med(values: list[float]) -> float:
        return statistics.median(values)

    rows = {key: med([r["rows"][key] for r in results]) for key in results[0]["rows"]}
    classes = {k: v for k, v in rows.items() if k in fields}
    rest = sum(v for k, v in rows.items() if k not in fields)
    build = med([r["build"] for r in results])
    print(f"kehoach's model: {len(classes)} classes, {sum(fields.values())} fields of their own; thread CPU ms, "
          f"median of {runs} fresh processes\n")
    print("| class | own fields | created at import, ms |\n|---|---|---|")
    for key, value in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"| {key} | {fields[key]} | {value:.2f} |")
    print(f"| all classes | {sum(fields.values())} | {sum(classes.values()):.2f} |")
    print(f"| the modules' other statements (Annotated types, regexes, imports) | | {rest:.2f} |\n")
    print(f"- import of the six model modules: {sum(rows.values()):.1f} ms")
    print(f"- the plan model's build at its first validation (core schema of Plan and its parts, validator): "
          f"{build:.1f} ms")
    print(f"- a validation of {plan.name} once built: {med([r['validate'] for r in results]):.1f} ms")
    print(f"- in all, what the model adds to a check or render above the stack floor: "
          f"{sum(rows.values()) + build:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
