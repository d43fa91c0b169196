"""`validate`: lambdakit's own checks, then the SAM transform and cfn-lint on the result."""

from __future__ import annotations

from pathlib import Path

from lambdakit.errors import Diagnostic, sort_diagnostics
from lambdakit.model import App
from lambdakit.synthesis import synthesize


def validate_app(app: App, base_dir: Path | None = None) -> list[Diagnostic]:
    """Every finding, lambdakit's warnings included; raises `LambdakitError` on lambdakit errors
    (the second opinions need a template, so they run only once lambdakit's checks pass)."""
    from lambdakit.check import second_opinions

    result = synthesize(app, base_dir=base_dir)
    return sort_diagnostics([*result.warnings, *second_opinions(result.template, result.origins)])


def validate(app: App) -> list[Diagnostic]:
    """Public API: findings of every check; raises `LambdakitError` on lambdakit's own errors."""
    return validate_app(app)
