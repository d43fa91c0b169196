"""The execution role of one function: who may assume it and what it may do by default."""

from __future__ import annotations

from typing import Any

import awacs.logs
import awacs.xray

from lambdakit.iam.deployment import hook_permissions
from lambdakit.iam.network import network_permissions
from lambdakit.iam.permissions import POLICY_VERSION, CfnValue, Permission
from lambdakit.model import Function

LAMBDA_SERVICE = "lambda.amazonaws.com"
XRAY_WILDCARD_REASON = (
    "xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in the IAM "
    "service authorization reference, so they can only be granted on '*'"
)


def trust_policy(service: str = LAMBDA_SERVICE,
                 source_arn: CfnValue | None = None) -> dict[str, Any]:
    """`service` (Lambda, unless told) may assume the role, and only on behalf of this account
    and, where the service names it, of `source_arn`: the resource it acts for (confused
    deputy). Plain data, a new copy each time (the template must not share it)."""
    condition: dict[str, Any] = {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}
    if source_arn is not None:
        condition["ArnLike"] = {"aws:SourceArn": source_arn}
    return {
        "Version": POLICY_VERSION,
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": service},
            "Action": ["sts:AssumeRole"],
            "Condition": condition,
        }],
    }


def execution_permissions(fn: Function) -> list[Permission]:
    """What every function needs to run: its own log group, X-Ray, its network and (a deployment
    hook) reporting to CodeDeploy."""
    permissions = [
        Permission(
            sid="WriteOwnLogs",
            actions=(awacs.logs.CreateLogStream, awacs.logs.PutLogEvents),
            resources=({"Fn::GetAtt": [fn.log_group_id, "Arn"]},),
            purpose=f"write logs to {fn.log_group_id} only",
            origin=fn.origin,
        ),
    ]
    # With pass_through, Lambda still records segments for requests sampled upstream.
    permissions.append(
        Permission(
            sid="XRayTracing",
            actions=(awacs.xray.PutTelemetryRecords, awacs.xray.PutTraceSegments),
            resources=("*",),
            purpose=f"send traces ({fn.tracing} tracing)",
            origin=fn.origin,
            wildcard_reason=XRAY_WILDCARD_REASON,
        )
    )
    return [*permissions, *network_permissions(fn), *hook_permissions(fn)]
