"""The `kehoach` command line on typer: one module per group of commands, each calling one library function.

Importing this package declares every command; `main` is the console script. How to declare a command and
reuse the shared options: cli/app.py and cli/options.py; what a command prints goes through cli/printing.py.
"""

import gc
import os

# Declaring the commands builds tens of thousands of objects (typer, click, the options): the cyclic collector,
# which would walk them again and again, waits until they are built (a command that runs on gets it back at once;
# cli.app.pause_collector keeps it off for the one-plan commands).
_collecting = gc.isenabled()
gc.disable()

# Pydantic looks for plugins by scanning every installed distribution the first time a model is built;
# kehoach uses none, and a command line pays that scan on every run.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# Declaring in this order lists the commands in --help as a clerk meets them.
from kehoach.cli import render  # noqa: F401, I001
from kehoach.cli import check  # noqa: F401
from kehoach.cli import documents  # noqa: F401
from kehoach.cli import plans  # noqa: F401
from kehoach.cli import history  # noqa: F401
from kehoach.cli import editor  # noqa: F401
from kehoach.cli.app import app, main

if _collecting:
    gc.enable()

__all__ = ["app", "main"]
