"""Second opinions on a synthesised template: the real SAM transform and cfn-lint.

Imported only by `validate`; aws-sam-translator and cfn-lint are never on the synth path.
Findings are mapped back to the construct, and so the line, that produced the resource.
"""

from __future__ import annotations

from typing import Any

from lambdakit.errors import UNKNOWN, Diagnostic
from lambdakit.model import Construct

# The `validate` extra of pyproject.toml (a test keeps them equal). The hint names them rather
# than the extra: lambdakit is not on a package index, so `lambdakit[validate]` installs nothing.
VALIDATE_REQUIREMENTS = ("aws-sam-translator>=1.95", "cfn-lint>=1.20")
INSTALL_HINT = "pip install " + " ".join(f"'{r}'" for r in VALIDATE_REQUIREMENTS)


def second_opinions(template: dict[str, Any], origins: dict[str, Construct]) -> list[Diagnostic]:
    """cfn-lint on the SAM template and on its transformed CloudFormation, plus the transform."""
    from lambdakit.check.lint import lint
    from lambdakit.check.sam import SamTransformError, sam_transform

    diagnostics: list[Diagnostic] = []
    try:
        transformed = sam_transform(template)
    except SamTransformError as exc:
        for logical_id, message in exc.causes:
            diagnostics.append(_at(origins, logical_id, "LK900", message, ""))
        transformed = None
    for source in (template, transformed):
        if source is None:
            continue
        for finding in lint(source):
            if finding.level == "informational":
                continue
            code = "LK901" if finding.level == "error" else "LK902"
            where = "/".join(finding.path)
            diagnostics.append(_at(origins, finding.logical_id, code,
                                   f"{finding.rule} {finding.message}", f"at {where}"))
    return diagnostics


def _at(origins: dict[str, Construct], logical_id: str, code: str, message: str,
        hint: str) -> Diagnostic:
    """Attribute a finding to the construct whose logical id is the longest prefix of it
    (SAM derives ids such as `WorkerRole` or `WorkerAliaslive` from the construct's id)."""
    owner = origins.get(logical_id)
    if owner is None:
        matches = [lid for lid in origins if logical_id.startswith(lid)]
        owner = origins[max(matches, key=len)] if matches else None
    if owner is None:
        return Diagnostic(code, message, UNKNOWN, logical_id, hint)
    return Diagnostic(code, message, owner.origin, owner.label(), hint)


def missing_extra() -> str | None:
    """None when the validate extra is installed, else how to install it."""
    try:
        import cfnlint  # noqa: F401
        import samtranslator  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    return None
