"""`lambdakit` commands. Exit codes: 0 ok, 1 diagnostics (or, for `invoke`, a handler error),
2 usage."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from lambdakit.cli.deploy_commands import register as register_deploy_commands
from lambdakit.cli.process import prepare_short_run, prepare_user_code
from lambdakit.errors import Diagnostic, LambdakitError, format_diagnostics

if TYPE_CHECKING:
    from lambdakit.model import App

EXIT_DIAGNOSTICS = 1
EXIT_HANDLER_ERROR = 1  # `invoke`: the handler raised or timed out (its payload says which)
T = TypeVar("T")


class _Commands(click.Group):
    """The one place a `LambdakitError` becomes an exit code: raised by any command (the app did
    not load, or its checks found errors), it is the report on stderr and exit 1. Commands
    raise it and catch it nowhere."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LambdakitError as exc:
            click.echo(format_diagnostics(exc.diagnostics), err=True)
            sys.exit(EXIT_DIAGNOSTICS)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lambdakit")
def cli() -> None:
    """Define, check and ship AWS Lambda applications from typed Python."""


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the template here (nothing is written when synth fails); only a "
                   "template lambdakit wrote is replaced.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True)
def synth(app_spec: str, output: Path | None, fmt: str) -> None:
    """Check the app and print its SAM template."""
    from lambdakit.cli.loader import load_app
    from lambdakit.cli.output import OutputRefused, check_overwritable, write_atomically
    from lambdakit.synthesis import synthesize

    if output is not None:
        try:
            check_overwritable(output)
        except OutputRefused as exc:
            raise click.BadParameter(str(exc), param_hint="'-o'") from None
    base_dir = output.resolve().parent if output else Path.cwd()
    result = synthesize(load_app(app_spec), fmt=fmt, base_dir=base_dir)  # type: ignore[arg-type]
    _report(result.warnings)
    if output is None:
        click.echo(result.text, nl=False)
        return
    try:
        write_atomically(output, result.text)
    except OSError as exc:
        raise click.BadParameter(f"cannot write {output}: {exc.strerror or exc}",
                                 param_hint="'-o'") from None
    click.echo(f"wrote {output} ({len(result.template['Resources'])} resources)", err=True)


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

    findings = validate_app(load_app(app_spec))
    if any(d.is_error for d in findings):
        raise LambdakitError(findings)
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
    from lambdakit.explanation import UnknownFunction, explain_app, format_json, format_table

    try:
        result = explain_app(load_app(app_spec), function)
    except UnknownFunction as exc:
        raise click.BadParameter(str(exc), param_hint="FUNCTION") from None
    click.echo(format_json(result.rows) if as_json else format_table(result.rows), nl=False)
    if any(d.is_error for d in result.diagnostics):  # LK210: the rows show what to narrow
        raise LambdakitError(result.diagnostics)
    _report(result.diagnostics)


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
@click.argument("function")
@click.option("--source", "source_name", metavar="NAME",
              help="The event source, by its event name; needed when there are several.")
def event(app_spec: str, function: str, source_name: str | None) -> None:
    """Print the sample event FUNCTION receives from its event source, as JSON.

    Deterministic: a fixed account (123456789012), region (us-east-1) and ids, shaped by the
    source's settings. Edit it and pass it to `invoke --event`.
    """
    from lambdakit.local import find_function, sample_event

    app = _checked_app(app_spec)
    fn = _usage(lambda: find_function(app, function))
    payload = _usage(lambda: sample_event(fn, source_name))
    click.echo(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False))


@cli.command()
@click.argument("app_spec", metavar="APP.py[:ATTR]")
@click.argument("function")
@click.option("--event", "event_file", type=click.Path(dir_okay=False, allow_dash=True),
              help="A JSON file with the event ('-' reads stdin). Default: {}.")
@click.option("--sample", is_flag=True, help="Use the sample event of the function's source.")
@click.option("--source", "source_name", metavar="NAME",
              help="With --sample: the event source, by its event name.")
@click.option("--env", "env_pairs", metavar="NAME=VALUE", multiple=True,
              help="Set an environment variable for the call, over the function's (repeatable).")
@click.option("--request-id", help="The context's aws_request_id (default: derived from "
                                   "FUNCTION, the same on every run).")
def invoke(app_spec: str, function: str, *, event_file: str | None, sample: bool,
           source_name: str | None, env_pairs: tuple[str, ...], request_id: str | None) -> None:
    """Run FUNCTION's Python handler in this process and print what it returns, as JSON.

    The handler is imported from the function's code directory with the function's environment
    (references to resources replaced by placeholder names and ARNs) and a Lambda-like context.
    Its prints go to stderr. A handler that raises or times out prints Lambda's error payload
    and exits 1. Not emulated: IAM (AWS calls use your credentials), VPC, layers.
    """
    from lambdakit.local import NotRunnable, find_function, invoke_locally, sample_event

    if event_file is not None and sample:
        raise click.UsageError("pass either --event FILE or --sample, not both")
    if source_name is not None and not sample:
        raise click.UsageError("--source chooses the sample event: add --sample")
    overrides = dict(_env_pair(pair) for pair in env_pairs)
    app = _checked_app(app_spec)
    fn = _usage(lambda: find_function(app, function))
    payload = (_usage(lambda: sample_event(fn, source_name)) if sample
               else _read_event(event_file))
    prepare_user_code()
    try:
        outcome = invoke_locally(fn, payload, request_id=request_id, environment=overrides)
    except NotRunnable as exc:
        raise click.UsageError(str(exc)) from None
    for note in outcome.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(outcome.payload_text(), nl=False)
    if outcome.failed:
        sys.exit(EXIT_HANDLER_ERROR)


def _checked_app(app_spec: str) -> App:
    """The app, checked as synth checks it: errors exit 1 with every diagnostic, warnings are
    printed and the command goes on."""
    from lambdakit.cli.loader import load_app
    from lambdakit.rules import check_app
    from lambdakit.synthesis import build_day

    app = load_app(app_spec)
    diagnostics = check_app(app, today=build_day())
    if app.broken or any(d.is_error for d in diagnostics):
        raise LambdakitError(diagnostics)
    _report(diagnostics)
    return app


def _usage(find: Callable[[], T]) -> T:
    """A name the app does not hold is a usage error (exit 2), with a did-you-mean."""
    from lambdakit.local import LocalUsageError

    try:
        return find()
    except LocalUsageError as exc:
        raise click.BadParameter(str(exc), param_hint=exc.param) from None


def _read_event(event_file: str | None) -> Any:
    if event_file is None:
        return {}
    try:
        with click.open_file(event_file, encoding="utf-8") as stream:
            return json.load(stream)
    except OSError as exc:
        raise click.BadParameter(f"cannot read {event_file}: {exc.strerror}",
                                 param_hint="--event") from None
    except ValueError as exc:
        raise click.BadParameter(f"{event_file} is not JSON: {exc}",
                                 param_hint="--event") from None


def _env_pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise click.BadParameter(f"expected NAME=VALUE (got {text!r})", param_hint="--env")
    return name, value


def _report(diagnostics: list[Diagnostic]) -> None:
    if diagnostics:
        click.echo(format_diagnostics(diagnostics), err=True)


register_deploy_commands(cli)


def main() -> None:
    prepare_short_run()
    try:
        cli(prog_name="lambdakit")
    finally:
        # The process ends here. Its last garbage collection would walk every object the
        # imports created, a visible part of a small synth, only to find nothing to free.
        gc.freeze()
