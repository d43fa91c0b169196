"""Helpers shared by the test modules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import settings

from lambdakit.check import second_opinions
from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.errors import Diagnostic, LambdakitError, format_diagnostics
from lambdakit.model import App, Construct
from lambdakit.synthesis import Synthesis, synthesize

FIXED_DAY = dt.date(2026, 11, 22)


def examples(times: int = 1) -> settings:
    """A property test's settings: `times` the loaded profile's example count (see conftest.py).

    Tests that run the SAM transform and cfn-lint take the profile's count; tests that only
    synthesise cost milliseconds an example and take many times more."""
    return settings(max_examples=times * settings().max_examples)


def synth_file(path: Path, fmt: str = "yaml") -> Synthesis:
    """Load an app file and synthesise it with the template beside the app file."""
    return synthesize(load_app(str(path)), fmt=fmt, base_dir=path.parent,  # type: ignore[arg-type]
                      today=FIXED_DAY)


def synth_app(app: App, base_dir: Path, fmt: str = "yaml") -> Synthesis:
    return synthesize(app, fmt=fmt, base_dir=base_dir, today=FIXED_DAY)  # type: ignore[arg-type]


def diagnostics_of_file(path: Path) -> list[Diagnostic]:
    """Every diagnostic (errors and warnings) a synth of this app file reports."""
    try:
        result = synth_file(path)
    except LambdakitError as exc:
        return exc.diagnostics
    return result.warnings


def report_of_file(path: Path) -> str:
    return format_diagnostics(diagnostics_of_file(path))


def second_opinion_findings(template: dict[str, Any],
                            origins: dict[str, Construct] | None = None) -> list[str]:
    """SAM transform and cfn-lint findings (on both templates), formatted; [] when clean."""
    return [d.headline() for d in second_opinions(template, origins or {})]


def wildcard_statements_without_reason(template: dict[str, Any]) -> list[str]:
    """Sids of statements granting on '*' that the role's Metadata gives no reason for."""
    missing = []
    transformed = sam_transform(template)
    for logical_id, resource in transformed["Resources"].items():
        if resource["Type"] not in ("AWS::IAM::Role", "AWS::IAM::Policy"):
            continue
        reasons = {w["Sid"] for w in resource.get("Metadata", {}).get("lambdakit", {})
                   .get("wildcards", []) if w.get("Reason")}
        properties = resource["Properties"]
        policies = (properties.get("Policies", []) if resource["Type"] == "AWS::IAM::Role"
                    else [properties])
        for policy in policies:
            for statement in policy["PolicyDocument"]["Statement"]:
                resources = statement.get("Resource", [])
                resources = resources if isinstance(resources, list) else [resources]
                if "*" in resources and statement.get("Sid") not in reasons:
                    missing.append(f"{logical_id}/{statement.get('Sid')}")
    return missing
