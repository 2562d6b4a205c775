"""The rule runner, its configuration and its output formats."""
