"""`bootstrap`, `deploy`, `diff` and `destroy`. Exit codes: 0 done (or nothing to do),
1 diagnostics, 2 usage, 3 not deployed (failed, rolled back, stopped by the data guard,
declined, or an AWS error), 130 interrupted (Ctrl-C); `diff`: 0 same, 1 different."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from lambdakit.deploy import Aws, Poll, Result
    from lambdakit.deploy.config import Target

T = TypeVar("T")
# The exit codes of these commands, all here (docs/deploy.md lists them) but 1 for diagnostics:
# a `LambdakitError` is mapped once, by the command group (cli/main.py).
EXIT_NOT_DEPLOYED = 3
EXIT_DIFFERENT = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command Ctrl-C stopped

STAGE = click.option("--stage", help="A stage declared in [tool.lambdakit.stages.NAME].")
REGION = click.option("--region", help="AWS region (default: the stage's, the project's, "
                                       "then the environment's).")
YES = click.option("--yes", "-y", "assume_yes", is_flag=True,
                   help="Do not ask for confirmation.")
APP = click.argument("app_spec", metavar="[APP.py[:ATTR]]", required=False)


class ClickConsole:
    @property
    def interactive(self) -> bool:
        return sys.stdin.isatty()

    def echo(self, text: str) -> None:
        click.echo(text)

    def progress(self, text: str) -> None:
        click.echo(text, err=True)

    def confirm(self, question: str) -> bool:
        """The answer; no answer (end of input) is no. Ctrl-C stays an interruption (click
        turns both into Abort, keeping the cause as its context)."""
        try:
            return click.confirm(question, default=False)
        except click.Abort as abort:
            if isinstance(abort.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            return False


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C before any stack operation began: said, and exit 130 (click's own `Aborted!`
    exits 1, the code for diagnostics). Interruptions during one arrive as `Interrupted`."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("interrupted: no stack operation had begun; no stack was changed",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)
    return run


@click.command()
@STAGE
@REGION
@interruptible
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
@interruptible
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
@interruptible
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
@interruptible
def destroy(app_spec: str | None, stage: str | None, region: str | None,
            assume_yes: bool) -> None:
    """Delete the app's stack; resources with DeletionPolicy Retain stay and are listed."""
    from lambdakit.cli.loader import load_app
    from lambdakit.deploy.destroy import destroy as run

    target = _target(app_spec, stage, region)
    # The stack name needs only the app's name: an app that loads but fails its checks can
    # still be destroyed.
    stack = _stack_name(target, load_app(_require_app(target)).name)
    _finish(_aws_call(lambda: run(_connect(target.region), stack,
                                  ClickConsole(), _poll(), assume_yes=assume_yes)))


COMMANDS = (bootstrap, deploy, diff, destroy)


def register(group: click.Group) -> None:
    for command in COMMANDS:
        group.add_command(command)


def _target(app_spec: str | None, stage: str | None, region: str | None) -> Target:
    from lambdakit.deploy.config import resolve

    return _setting(lambda: resolve(Path.cwd(), app_spec=app_spec, stage=stage, region=region))


def _stack_name(target: Target, app_name: str) -> str:
    return _setting(lambda: target.stack_for(app_name))


def _setting(read: Callable[[], T]) -> T:
    """A project or stage setting deploy cannot use (pyproject.toml, a stage, a stack name) is
    a usage error, exit 2, with its hint: the one place that maps a `DeployError` before any
    AWS call (`_aws_call` maps those during one)."""
    from lambdakit.deploy import DeployError

    try:
        return read()
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
    from lambdakit.errors import format_diagnostics
    from lambdakit.synthesis import synthesize

    base_dir = Path.cwd()
    app = load_app(_require_app(target))
    result = synthesize(app, fmt="json", base_dir=base_dir, account=target.account)
    if result.warnings:
        click.echo(format_diagnostics(result.warnings), err=True)
    return result.template, base_dir, app.name


def _connect(region: str | None) -> Aws:
    from lambdakit.deploy import connect

    return connect(region)


def _poll() -> Poll:
    from lambdakit.deploy import Poll

    return Poll()


def _aws_call(call: Callable[[], T]) -> T:
    """Run `call`; a refusal, a missing credential or an AWS error becomes a few lines (what
    went wrong, what deploy knows of the stack, what to do) and exit 3, never a traceback;
    an interruption exits 130."""
    from botocore.exceptions import BotoCoreError, ClientError
    from botocore.parsers import ResponseParserError

    from lambdakit.deploy import DeployError, Interrupted
    from lambdakit.deploy.aws import hint_for

    try:
        return call()
    except Interrupted as exc:
        _report(exc.message, exc, exc.hint)
        sys.exit(EXIT_INTERRUPTED)
    except DeployError as exc:
        _report(f"error: {exc.message}", exc, exc.hint)
    except ClientError as exc:
        _report(f"error: AWS refused: {exc}", exc, hint_for(exc))
    except (BotoCoreError, ResponseParserError) as exc:
        _report(f"error: {exc}", exc, hint_for(exc))
    sys.exit(EXIT_NOT_DEPLOYED)


def _report(headline: str, exc: BaseException, hint: str) -> None:
    notes = [f"  {note}" for note in getattr(exc, "__notes__", ())]
    click.echo("\n".join([headline, *notes, *([f"  hint: {hint}"] if hint else [])]),
               err=True)


def _finish(result: Result) -> None:
    if not result.outcome.succeeded:
        sys.exit(EXIT_NOT_DEPLOYED)
