"""`bootstrap`, `deploy`, `diff` and `destroy`. Exit codes: 0 done (or nothing to do),
1 diagnostics, 2 usage, 3 not deployed (failed, rolled back, stopped by the data guard or
declined); `diff`: 0 same, 1 different."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from lambdakit.deploy import Aws, Poll, Result
    from lambdakit.deploy.config import Target
    from lambdakit.errors import LambdakitError

T = TypeVar("T")
EXIT_DIAGNOSTICS = 1
EXIT_NOT_DEPLOYED = 3
EXIT_DIFFERENT = 1

STAGE = click.option("--stage", help="A stage declared in [tool.lambdakit.stages.NAME].")
REGION = click.option("--region", help="AWS region (default: the stage's, the project's, "
                                       "then the environment's).")
YES = click.option("--yes", "-y", "assume_yes", is_flag=True,
                   help="Do not ask for confirmation.")
APP = click.argument("app_spec", metavar="[APP.py[:ATTR]]", required=False)


class ClickConsole:
    def echo(self, text: str) -> None:
        click.echo(text)

    def confirm(self, question: str) -> bool:
        return click.confirm(question, default=False)


@click.command()
@STAGE
@REGION
def bootstrap(stage: str | None, region: str | None) -> None:
    """Create the artifact bucket of the account and region (once; again to update it)."""
    from lambdakit.deploy.bootstrap import bootstrap as run

    target = _target(None, stage, region)
    _finish(_aws_call(lambda: run(_connect(target.region), ClickConsole(), _poll())))


@click.command()
@APP
@STAGE
@REGION
@YES
@click.option("--allow-replace", "allow_replace", multiple=True, metavar="LOGICAL_ID",
              help="Let this stateful resource be removed or replaced (repeatable).")
def deploy(app_spec: str | None, stage: str | None, region: str | None, assume_yes: bool,
           allow_replace: tuple[str, ...]) -> None:
    """Synthesise, package, review the change set, then deploy it and follow its events."""
    from lambdakit.deploy.ship import Options
    from lambdakit.deploy.ship import deploy as run

    target = _target(app_spec, stage, region)
    template, base_dir, app_name = _synthesise(target)
    options = Options(_stack_name(target, app_name), target.tags, frozenset(allow_replace),
                      assume_yes)
    _finish(_aws_call(lambda: run(_connect(target.region), template, base_dir, options,
                                  console=ClickConsole(), poll=_poll())))


@click.command()
@APP
@STAGE
@REGION
def diff(app_spec: str | None, stage: str | None, region: str | None) -> None:
    """Compare the deployed template with the one a deploy would send (exit 1 if they differ)."""
    from lambdakit.deploy.ship import diff as run

    target = _target(app_spec, stage, region)
    template, base_dir, app_name = _synthesise(target)
    stack = _stack_name(target, app_name)
    result = _aws_call(lambda: run(_connect(target.region), template, base_dir, stack))
    click.echo(result.text(stack))
    sys.exit(EXIT_DIFFERENT if result.differs else 0)


@click.command()
@APP
@STAGE
@REGION
@YES
def destroy(app_spec: str | None, stage: str | None, region: str | None,
            assume_yes: bool) -> None:
    """Delete the app's stack; resources with DeletionPolicy Retain stay and are listed."""
    from lambdakit.cli.loader import load_app
    from lambdakit.deploy.destroy import destroy as run
    from lambdakit.errors import LambdakitError

    target = _target(app_spec, stage, region)
    try:  # the stack name needs only the app's name: a broken app can still be destroyed
        app_name = load_app(_require_app(target)).name
    except LambdakitError as exc:
        _fail_diagnostics(exc)
    stack = _stack_name(target, app_name)
    _finish(_aws_call(lambda: run(_connect(target.region), stack,
                                  ClickConsole(), _poll(), assume_yes=assume_yes)))


COMMANDS = (bootstrap, deploy, diff, destroy)


def register(group: click.Group) -> None:
    for command in COMMANDS:
        group.add_command(command)


def _target(app_spec: str | None, stage: str | None, region: str | None) -> Target:
    from lambdakit.deploy import DeployError
    from lambdakit.deploy.config import resolve

    try:
        return resolve(Path.cwd(), app_spec=app_spec, stage=stage, region=region)
    except DeployError as exc:
        raise click.UsageError(f"{exc.message}\n  hint: {exc.hint}") from None


def _stack_name(target: Target, app_name: str) -> str:
    from lambdakit.deploy import DeployError

    try:
        return target.stack_for(app_name)
    except DeployError as exc:
        raise click.UsageError(f"{exc.message}\n  hint: {exc.hint}") from None


def _require_app(target: Target) -> str:
    if target.app_spec is None:
        raise click.UsageError("which app? pass APP.py[:ATTR] or set app in [tool.lambdakit] "
                               "of pyproject.toml")
    return target.app_spec


def _synthesise(target: Target) -> tuple[dict[str, Any], Path, str]:
    """The app's template, refusing on any error with synth's diagnostics."""
    from lambdakit.cli.loader import load_app
    from lambdakit.errors import LambdakitError, format_diagnostics
    from lambdakit.synthesis import synthesize

    base_dir = Path.cwd()
    try:
        app = load_app(_require_app(target))
        result = synthesize(app, fmt="json", base_dir=base_dir, account=target.account)
    except LambdakitError as exc:
        _fail_diagnostics(exc)
    if result.warnings:
        click.echo(format_diagnostics(result.warnings), err=True)
    return result.template, base_dir, app.name


def _fail_diagnostics(exc: LambdakitError) -> NoReturn:
    from lambdakit.errors import format_diagnostics

    click.echo(format_diagnostics(exc.diagnostics), err=True)
    sys.exit(EXIT_DIAGNOSTICS)


def _connect(region: str | None) -> Aws:
    from lambdakit.deploy import connect

    return connect(region)


def _poll() -> Poll:
    from lambdakit.deploy import Poll

    return Poll()


def _aws_call(call: Callable[[], T]) -> T:
    """Run `call`; a refusal, a missing credential or an AWS error becomes one line and
    exit 3, never a traceback."""
    from botocore.exceptions import BotoCoreError, ClientError
    from botocore.parsers import ResponseParserError

    from lambdakit.deploy import DeployError

    try:
        return call()
    except DeployError as exc:
        message = f"error: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else "")
    except ClientError as exc:
        message = f"error: AWS refused: {exc}"
    except (BotoCoreError, ResponseParserError) as exc:
        message = f"error: {exc}"
    click.echo(message, err=True)
    sys.exit(EXIT_NOT_DEPLOYED)


def _finish(result: Result) -> None:
    if not result.outcome.succeeded:
        sys.exit(EXIT_NOT_DEPLOYED)
