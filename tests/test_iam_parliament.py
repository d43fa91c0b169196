"""parliament (duo-labs' IAM policy linter) finds nothing in any role lambdakit emits.

Every golden app and every example is synthesised and run through the real SAM transform; each
identity policy of the result (the inline policies of every `AWS::IAM::Role`, and every
`AWS::IAM::ManagedPolicy`) gets concrete ARNs for its intrinsics (`iam_checks.Resolver`) and
goes through parliament's analyzer with its community auditors, at every severity. So does an
app holding every access level of the catalogue.

Trust policies (`AssumeRolePolicyDocument`) are resource policies: parliament reads them as
identity policies and reports their lack of `Resource`, so they are not given to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import synth_app, synth_file
from iam_checks import Resolver, every_grant_app, iam_policies, parliament_findings

from lambdakit.check.sam import sam_transform

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
APPS = sorted([*(TESTS / "goldens").glob("*/app.py"), *(ROOT / "examples").glob("*/app.py")])


@dataclass(frozen=True)
class Allowance:
    """A parliament finding that is wrong on parliament's side. `rewrite` turns a policy into
    one that means the same to IAM and avoids the bug: a finding is allowed only if it is of
    this `issue` and disappears after the rewrite."""

    issue: str
    rewrite: Callable[[str], str]
    why: str
    example: dict[str, Any]  # a policy parliament still reports it on


def _policy(action: str, resource: str) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "Example", "Effect": "Allow", "Action": [action], "Resource": [resource]}]}


# A real DynamoDB stream ARN ends in a timestamp label with colons:
# arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-11-22T00:00:00.000
_STREAM_LABEL = re.compile(r"(:table/[^/\"]+/stream/\d{4}-\d\d-\d\dT)(\d\d):(\d\d):(\d\d\.\d+)")
# A deployment group's ARN, as a hook's permission to report names its application's groups.
_DEPLOYMENT_GROUPS = re.compile(r"arn:aws:codedeploy:[a-z0-9-]+:\d{12}:deploymentgroup:[^\"]+")

ALLOWED: list[Allowance] = [
    Allowance(
        "RESOURCE_MISMATCH",
        lambda text: _STREAM_LABEL.sub(r"\1\2\3\4", text),
        # parliament's `is_arn_strictly_valid` rejects a resource whose id part has a ':' that
        # the ARN template (`table/${TableName}/stream/${StreamLabel}`) lacks; the StreamArn
        # of a table (`Fn::GetAtt Table.StreamArn`) always has colons in its timestamp label.
        "dynamodb:DescribeStream/GetRecords/GetShardIterator on a table's exact StreamArn: "
        "parliament rejects the colons of the stream label's timestamp",
        _policy("dynamodb:GetRecords", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/"
                                       "stream/2026-11-22T00:00:00.000"),
    ),
    Allowance(
        "RESOURCE_MISMATCH",
        lambda text: _DEPLOYMENT_GROUPS.sub("*", text),
        # parliament's IAM database predates resource-level permissions for this action; the
        # CodeDeploy permissions reference gives it the deployment group's ARN
        # (https://docs.aws.amazon.com/codedeploy/latest/userguide/auth-and-access-control-permissions-reference.html),
        # and SAM's safe-deployment example grants it on `deploymentgroup:<application>/*`.
        "codedeploy:PutLifecycleEventHookExecutionStatus on deployment groups: parliament "
        "knows no resource type for it",
        _policy("codedeploy:PutLifecycleEventHookExecutionStatus",
                "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:App/*"),
    ),
]


def policy_problems(template: dict[str, Any]) -> list[str]:
    """parliament's findings on every identity policy of a SAM template, allowances applied."""
    transformed = sam_transform(template)
    resolver = Resolver(transformed)
    problems = []
    for where, document in iam_policies(transformed):
        text = json.dumps(resolver.resolve(document))
        findings = parliament_findings(json.loads(text))
        for allowance in ALLOWED:
            if any(f.startswith(allowance.issue + ":") for f in findings):
                after = set(parliament_findings(json.loads(allowance.rewrite(text))))
                findings = [f for f in findings
                            if not f.startswith(allowance.issue + ":") or f in after]
        problems += [f"{where}: {finding}" for finding in findings]
    return problems


@pytest.mark.parametrize("app_file", APPS, ids=lambda p: str(p.relative_to(ROOT).parent))
def test_parliament_reports_nothing(app_file: Path) -> None:
    assert policy_problems(synth_file(app_file).template) == []


def test_parliament_reports_nothing_on_every_access_level() -> None:
    app, _ = every_grant_app()
    assert policy_problems(synth_app(app, TESTS).template) == []


def test_allowances_are_still_needed() -> None:
    """When parliament fixes a bug, its allowance must go: each still fires on its example."""
    for allowance in ALLOWED:
        policy = allowance.example
        assert any(f.startswith(allowance.issue + ":") for f in parliament_findings(policy))
        assert parliament_findings(json.loads(allowance.rewrite(json.dumps(policy)))) == []


def test_parliament_does_report_real_problems() -> None:
    """The analyzer is wired up: a wrong resource type, a needless '*' and an unknown action
    are each reported."""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Wrong", "Effect": "Allow", "Action": ["s3:GetObject"],
         "Resource": ["arn:aws:s3:::bucket"]},
        {"Sid": "Star", "Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["*"]},
        {"Sid": "Typo", "Effect": "Allow", "Action": ["sqs:SendMesage"],
         "Resource": ["arn:aws:sqs:us-east-1:123456789012:q"]},
    ]}
    issues = {f.split(":")[0] for f in parliament_findings(policy)}
    assert {"RESOURCE_MISMATCH", "RESOURCE_STAR", "UNKNOWN_ACTION"} <= issues
