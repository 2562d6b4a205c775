"""What the command line prints: every line goes through `echo` (flushed, so stdout and stderr keep their order on
one screen); `say` is left out with -q, `detail` printed only with -v; `verbosity` is set once per run by the
root command (kehoach.cli.app)."""

from __future__ import annotations

import sys

#: -1 with -q (no «Đã tạo…» lines), 0 by default, 1 with -v (the template used, the time taken, tracebacks).
verbosity = 0


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Print to stdout, or to stderr with err=True; flushed, so that both keep their order on one screen."""
    print(text, end="\n" if nl else "", file=sys.stderr if err else sys.stdout, flush=True)


def say(text: str, err: bool = False) -> None:
    """A line that reports what was done («Đã tạo …»): left out with -q."""
    if verbosity >= 0:
        echo(text, err=err)


def detail(text: str) -> None:
    """A line only -v prints, on stderr (so that stdout stays what the command makes)."""
    if verbosity > 0:
        echo(text, err=True)


def colour() -> bool:
    """Colours only on a terminal that draws them, never with NO_COLOR (kehoach.console)."""
    from kehoach.console import colour as can_colour

    return can_colour(sys.stdout)
