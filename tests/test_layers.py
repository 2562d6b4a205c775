"""The package's import graph, read from its own source (ast): data flows one way through the layers, and no
module imports itself back through others (architecture: README «For developers»).

Every import that runs counts, also those inside functions (kept lazy for start-up time): a newcomer who follows a
call should never climb back up a layer, nor go round in a circle. Imports under `if TYPE_CHECKING:` never run
(they name types for annotations) and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kehoach"

#: The layers, lowest first: a module imports from its own layer and the layers below, never from one above.
#: The pipeline reads source → model → check → compose and fill (render) → write; `output` (the guarded write)
#: and `lockfiles` sit under render because render/package.py writes through them.
LAYERS = (
    {"kehoach", "problems", "errors", "console", "sharing"},  # one problem shape, one exception family, a held file
    {"conventions", "profiles"},  # Vietnamese writing conventions, layout numbers
    {"model"},
    {"kinds"},
    {"source"},  # reading: YAML with positions, shared files, pydantic's errors → problems
    {"output", "lockfiles"},
    {"check", "rules", "inspect"},
    {"render"},
    {"features"},
    {"api"},
    {"cli", "__main__"},
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("kehoach", *path.relative_to(PACKAGE).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Each module's imports of kehoach modules (a name imported from a package counts as its module if it is one)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in _nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + [base]).strip(".")
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names)
        graph[name] = {_owner(t, modules) for t in targets if t.split(".")[0] == "kehoach"} - {name}
    return graph


def _nodes(tree: ast.AST):
    """Every node of `tree`, except what is under `if TYPE_CHECKING:`."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            yield from (node for orelse in child.orelse for node in (orelse, *_nodes(orelse)))
            continue
        yield child
        yield from _nodes(child)


def _owner(target: str, modules: dict[str, Path]) -> str:
    while target not in modules:
        target = target.rpartition(".")[0]
    return target


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else module
    return next(i for i, layer in enumerate(LAYERS) if top in layer)


def test_every_module_belongs_to_a_layer():
    assert [m for m in _modules() if not any((m.split(".") + [m])[1] in layer for layer in LAYERS)] == []


def test_no_module_imports_from_a_layer_above_its_own():
    graph = _imports(_modules())
    upward = sorted(f"{module} → {target}" for module, targets in graph.items() for target in targets
                    if _layer(target) > _layer(module))
    assert upward == []


def test_no_import_circles():
    graph = _imports(_modules())
    circles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                circles.append(" → ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
