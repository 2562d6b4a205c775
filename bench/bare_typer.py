"""The bare typer app issue 15 compares `kehoach --help` with: one command, one argument, typer's defaults.

    .venv/bin/python bench/bare_typer.py --help
"""

import typer

app = typer.Typer()


@app.command()
def render(plan: str) -> None:
    """Render a plan."""
    print(plan)


if __name__ == "__main__":
    app()
