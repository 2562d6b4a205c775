"""The `kehoach` command line on typer: one module per group of commands, each calling one library function.

`main` is the console script. A run imports the module of the command it runs, and no other (cli.app.COMMANDS
names each command's module). How to declare a command and reuse the shared options: cli/app.py and
cli/options.py; what a command prints goes through cli/printing.py.
"""

import gc
import os

# typer and click build thousands of objects as they are imported: the cyclic collector, which would walk them
# again and again, waits until they are (a command that runs on gets it back at once; cli.app.pause_collector
# keeps it off for the one-plan commands).
_collecting = gc.isenabled()
gc.disable()

# Pydantic looks for plugins by scanning every installed distribution the first time a model is built;
# kehoach uses none, and a command line pays that scan on every run.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from kehoach.cli.app import app, main  # noqa: E402

# What the imports made lives as long as the process: frozen (kept out of every later collection, the one
# Python makes at exit included), so that the collector walks only what a command makes.
gc.freeze()
if _collecting:
    gc.enable()

__all__ = ["app", "main"]
