"""The synth pipeline: plan → check → compile → render. boto3 and the linters stay off it."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lambdakit.compile import Compiled, compile_app
from lambdakit.compile.plain import template_data
from lambdakit.errors import Diagnostic, LambdakitError
from lambdakit.limits.account import AccountQuotas
from lambdakit.model import App, Construct
from lambdakit.plan import plan_app
from lambdakit.render import Format, render
from lambdakit.rules import check_app


def build_day() -> dt.date:
    """The day runtimes are judged on: `SOURCE_DATE_EPOCH` when set (reproducible builds),
    else today. Only diagnostics depend on it, never the template."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


@dataclass
class Synthesis:
    """A successful synth: the template text, its data, where each resource came from, and
    the warnings that did not stop it."""

    text: str
    template: dict[str, Any]
    origins: dict[str, Construct]
    warnings: list[Diagnostic] = field(default_factory=list)


def synthesize(app: App, *, fmt: Format = "yaml", base_dir: Path | None = None,
               today: dt.date | None = None, account: AccountQuotas | None = None) -> Synthesis:
    """Check and compile `app`; raise `LambdakitError` with every error if any remain.
    `account`: the target account's quotas (a stage's `[tool.lambdakit.account]`)."""
    with _collector_paused():
        plan = plan_app(app)
        diagnostics = check_app(app, today=today or build_day(), account=account, plan=plan)
        if app.broken or any(d.is_error for d in diagnostics):
            raise LambdakitError(diagnostics)
        compiled: Compiled = compile_app(plan, (base_dir or Path.cwd()).resolve())
        data = template_data(compiled.template)
        return Synthesis(render(data, fmt), data, compiled.origins, diagnostics)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A synth keeps what it allocates until it returns (the template's objects, their data, an
    event per value), so the cyclic collector's passes would free nothing: pause it, then leave
    it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def synth(app: App, *, fmt: Format = "yaml", base_dir: Path | None = None) -> str:
    """The SAM template for `app` as text. Raises `LambdakitError` on any error."""
    return synthesize(app, fmt=fmt, base_dir=base_dir).text
