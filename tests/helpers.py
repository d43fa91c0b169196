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


def template_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What moved between two templates, resource by resource, for a reviewer: `+ Id (Type)`
    added, `- Id (Type)` removed, `~ Id: Properties.Timeout, ...` the paths that changed (other
    top-level sections, such as Outputs, are compared the same way)."""
    lines = []
    for section in sorted(old.keys() | new.keys(), key=lambda s: (s != "Resources", s)):
        before, after = old.get(section), new.get(section)
        if not (isinstance(before, dict) and isinstance(after, dict)):
            if before != after:
                lines.append(f"~ {section}")
            continue
        prefix = "" if section == "Resources" else f"{section}."
        for key in sorted(after.keys() - before.keys()):
            lines.append(f"+ {prefix}{key}{_type_of(after[key])}")
        for key in sorted(before.keys() - after.keys()):
            lines.append(f"- {prefix}{key}{_type_of(before[key])}")
        for key in sorted(before.keys() & after.keys()):
            paths = changed_paths(before[key], after[key])
            if paths:
                lines.append(f"~ {prefix}{key}: {', '.join(paths) or '(whole)'}")
    return lines


def changed_paths(before: Any, after: Any, path: str = "") -> list[str]:
    """The dotted paths (list items by index) whose values differ; a list that grew or shrank
    is one path."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [changed for key in sorted(before.keys() | after.keys(), key=str)
                for changed in changed_paths(before.get(key), after.get(key),
                                             f"{path}.{key}" if path else str(key))]
    if (isinstance(before, list) and isinstance(after, list)
            and len(before) == len(after)):
        return [changed for index, (b, a) in enumerate(zip(before, after, strict=True))
                for changed in changed_paths(b, a, f"{path}[{index}]")]
    return [] if before == after else [path]


def _type_of(resource: Any) -> str:
    kind = resource.get("Type") if isinstance(resource, dict) else None
    return f" ({kind})" if isinstance(kind, str) else ""
