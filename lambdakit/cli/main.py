"""`lambdakit` commands. Exit codes: 0 ok, 1 diagnostics, 2 usage."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

import click

from lambdakit.errors import Diagnostic, LambdakitError, format_diagnostics

EXIT_DIAGNOSTICS = 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lambdakit")
def cli() -> None:
    """Define, check and ship AWS Lambda applications from typed Python."""


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the template here (nothing is written when synth fails).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True)
def synth(app_spec: str, output: Path | None, fmt: str) -> None:
    """Check the app and print its SAM template."""
    from lambdakit.cli.loader import load_app
    from lambdakit.synth import synthesize

    base_dir = output.resolve().parent if output else Path.cwd()
    try:
        result = synthesize(load_app(app_spec), fmt=fmt, base_dir=base_dir)  # type: ignore[arg-type]
    except LambdakitError as exc:
        _fail(exc.diagnostics)
    _report(result.warnings)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        _write_atomically(output, result.text)


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
def validate(app_spec: str) -> None:
    """lambdakit's checks, then the real SAM transform and cfn-lint on the result."""
    from lambdakit.check import missing_extra

    hint = missing_extra()
    if hint is not None:
        raise click.UsageError(f"validate needs the SAM translator and cfn-lint: {hint}")
    from lambdakit.cli.loader import load_app
    from lambdakit.validation import validate_app

    try:
        findings = validate_app(load_app(app_spec))
    except LambdakitError as exc:
        _fail(exc.diagnostics)
    if any(d.is_error for d in findings):
        _fail(findings)
    _report(findings)
    click.echo("ok: lambdakit, the SAM transform and cfn-lint found no error", err=True)


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
@click.argument("function", required=False)
@click.option("--json", "as_json", is_flag=True, help="The rows as a JSON list of objects.")
def explain(app_spec: str, function: str | None, as_json: bool) -> None:
    """What each function's role allows, and the line of the app that asked for it.

    One row per function, action and resource, with the grant's file:line (the function's own
    line for logging and tracing) and its purpose; '*' rows show their recorded reason.
    FUNCTION limits the rows to one function.
    """
    from lambdakit.cli.loader import load_app
    from lambdakit.explain import UnknownFunction, explain_app, format_json, format_table

    try:
        result = explain_app(load_app(app_spec), function)
    except UnknownFunction as exc:
        raise click.BadParameter(str(exc), param_hint="FUNCTION") from None
    except LambdakitError as exc:
        _fail(exc.diagnostics)
    click.echo(format_json(result.rows) if as_json else format_table(result.rows), nl=False)
    _report(result.diagnostics)
    if any(d.is_error for d in result.diagnostics):  # LK210: the rows show what to narrow
        sys.exit(EXIT_DIAGNOSTICS)


def _report(diagnostics: list[Diagnostic]) -> None:
    if diagnostics:
        click.echo(format_diagnostics(diagnostics), err=True)


def _fail(diagnostics: list[Diagnostic]) -> None:
    click.echo(format_diagnostics(diagnostics), err=True)
    sys.exit(EXIT_DIAGNOSTICS)


def _write_atomically(path: Path, text: str) -> None:
    """Readers never see half a template: write beside it, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main() -> None:
    try:
        cli(prog_name="lambdakit")
    finally:
        # The process ends here. Its last garbage collection would walk every object the
        # imports created (about 30 ms, a tenth of a small synth) only to find nothing to free.
        gc.freeze()
