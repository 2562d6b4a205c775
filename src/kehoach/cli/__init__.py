"""The `kehoach` command line: one module per group of commands, each calling one library function.

Importing this package registers every command; `main` is the console script.
"""

import os

# Pydantic looks for plugins by scanning every installed distribution the first time a model is built;
# kehoach uses none, and a command line pays that scan on every run.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# Registering in this order lists the commands in --help as a clerk meets them.
from kehoach.cli import render  # noqa: F401, I001
from kehoach.cli import check  # noqa: F401
from kehoach.cli import documents  # noqa: F401
from kehoach.cli import plans  # noqa: F401
from kehoach.cli import history  # noqa: F401
from kehoach.cli.app import main

__all__ = ["main"]
