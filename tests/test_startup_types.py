"""The types `check` and `render` create at start are light: no `@dataclass` among the modules they load.

Creating a dataclass costs 0.5–0.7 ms (it exec()s its generated methods), a NamedTuple ~70 µs: the ~35 that the
two commands created were about 17 ms of a 256 ms check (README, For developers). Times are never asserted here
(bench/ measures them); what is asserted is the structure that keeps them down, in a fresh process.
"""

from pathlib import Path

import pytest

from support import probe_run

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "plan_2024.yaml"

_REPORT = """
import dataclasses
found = sorted(f"{name}.{cls.__qualname__}" for name, module in list(sys.modules.items())
               if name.startswith('kehoach') and module is not None
               for cls in vars(module).values()
               if isinstance(cls, type) and cls.__module__ == name and dataclasses.is_dataclass(cls))
result = (sum(1 for name in sys.modules if name.startswith('kehoach')), found)
"""


def dataclasses_loaded(args: list[str]) -> tuple[int, int, list[str]]:
    """Run the command as `python -m kehoach` does: its exit code, how many kehoach modules it loaded, and the
    dataclasses those modules define."""
    code, (loaded, found) = probe_run(args, _REPORT)
    return code, loaded, found


@pytest.mark.parametrize("command", ["check", "render"])
def test_check_and_render_create_no_dataclass(command, tmp_path):
    args = [command, str(PLAN)] + (["-o", str(tmp_path / "ke-hoach.docx")] if command == "render" else [])
    code, loaded, found = dataclasses_loaded(args)
    assert code == 0 and loaded > 40  # the command ran, through most of the package
    assert found == []


def test_the_probe_sees_a_dataclass_where_there_is_one(tmp_path):
    """`kehoach info` (not on the start path of check and render) keeps its dataclasses: the probe finds them."""
    code, _, found = dataclasses_loaded(["info", str(PLAN)])
    assert code == 0 and "kehoach.features.info.PlanInfo" in found
