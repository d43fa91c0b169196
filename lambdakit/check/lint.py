"""cfn-lint in-process (a subprocess would start Python and import cfn-lint again per call)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

DEFAULT_REGION = "us-east-1"


@dataclass(frozen=True)
class LintFinding:
    rule: str
    level: str  # "error", "warning", "informational"
    message: str
    path: tuple[str, ...]

    @property
    def logical_id(self) -> str:
        if len(self.path) >= 2 and self.path[0] == "Resources":
            return self.path[1]
        return ""


def lint(template: dict[str, Any], region: str = DEFAULT_REGION) -> list[LintFinding]:
    from cfnlint.api import ManualArgs
    from cfnlint.api import lint as cfn_lint

    matches = cfn_lint(json.dumps(template), config=ManualArgs(regions=[region]))
    findings = []
    for match in matches:
        rule = match.rule
        level = str(getattr(rule, "severity", "error")).lower()
        path = tuple(str(p) for p in (getattr(match, "path", None) or []))
        findings.append(LintFinding(str(rule.id), level, str(match.message), path))
    return sorted(set(findings), key=lambda f: (f.path, f.rule, f.message))
