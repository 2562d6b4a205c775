"""`python -m kehoach`: the same as the `kehoach` command (where the console script is not on PATH)."""

import sys

from kehoach.cli import main

sys.exit(main())
