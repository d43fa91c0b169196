"""The `lambdakit` command line (click)."""

from lambdakit.cli.main import cli, main

__all__ = ["cli", "main"]
