"""The `kehoach` command line: one module per group of commands, each calling one library function.

Importing this package registers every command on `app`; `main` is the console script.
"""

# Registering in this order lists the commands in --help as a clerk meets them.
from kehoach.cli import render  # noqa: F401, I001
from kehoach.cli import check  # noqa: F401
from kehoach.cli import documents  # noqa: F401
from kehoach.cli import plans  # noqa: F401
from kehoach.cli import history  # noqa: F401
from kehoach.cli.app import app, main

__all__ = ["app", "main"]
