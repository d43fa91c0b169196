"""IAM of gradual deployments: what a hook function may report, and what CodeDeploy may do.

CodeDeploy's role. SAM would attach the managed policy AWSCodeDeployRoleForLambda: alias
updates, alarm reads and SNS publishing on `*`, S3 reads of any `*/CodeDeploy/*` object, and
invoking any function named `CodeDeployHook_*`. lambdakit writes one role per deployed function
instead, allowed to read and move that function's alias, to read its own rollback alarms and to
invoke its own hooks and to publish to the one topic its deployments notify (with the topic's
key, if it has one), nothing else (no S3: CloudFormation hands CodeDeploy the AppSpec inline).

The hook's report. The deployment group that runs a hook depends on CodeDeploy's role, which
must invoke the hook, whose role would then have to name the group: a dependency cycle. So the
hook may report on the deployment groups of this stack's CodeDeploy application (SAM's
`ServerlessDeploymentApplication`, one per stack), not of one group.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import awacs.awslambda
import awacs.cloudwatch
import awacs.codedeploy

from lambdakit.iam.arns import arn_of, suffixed
from lambdakit.iam.grants import access_permissions
from lambdakit.iam.permissions import CfnValue, Permission
from lambdakit.model import Function, Grant

# SAM's logical id for the CodeDeploy application of the stack's gradual deployments.
DEPLOYMENT_APPLICATION_ID = "ServerlessDeploymentApplication"
CODEDEPLOY_SERVICE = "codedeploy.amazonaws.com"
DEPLOYMENT_POLICY_NAME = "shift-traffic"  # CodeDeploy's role's inline policy
NOTIFICATION_TRIGGER_NAME = "deployments"  # the deployment group's one trigger
APPLICATION_GROUPS = ("arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:"
                      f"deploymentgroup:${{{DEPLOYMENT_APPLICATION_ID}}}/*")

REPORT_SCOPE_REASON = (
    "the deployment groups of this stack's CodeDeploy application: the one group that runs the "
    "hook cannot be named, since it depends on CodeDeploy's role, which depends on the hook"
)
# Joined, not substituted: an alarm's name is the user's text, and may hold `${`.
ALARM_ARN_PARTS: list[CfnValue] = ["arn:", {"Ref": "AWS::Partition"}, ":cloudwatch:",
                                   {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
                                   ":alarm:"]


def deployment_trust_source() -> CfnValue:
    """Whom CodeDeploy may assume its role for: it names the deployment group in
    `aws:SourceArn` for Lambda deployments
    (https://docs.aws.amazon.com/codedeploy/latest/userguide/security_confused_deputy.html).
    The group depends on the role, so the role names the groups of this stack's application."""
    return {"Fn::Sub": APPLICATION_GROUPS}


def hook_permissions(fn: Function) -> list[Permission]:
    """A hook function's permission to report its result to CodeDeploy."""
    hooks = [source for source in fn.live_events() if source.hooked_function() is not None]
    if not hooks:
        return []
    names = ", ".join(hook.event_name() for hook in hooks)
    return [Permission(
        sid="ReportDeploymentHook",
        actions=(awacs.codedeploy.PutLifecycleEventHookExecutionStatus,),
        resources=({"Fn::Sub": APPLICATION_GROUPS},),
        purpose=f"report the result of {names} to CodeDeploy",
        origin=hooks[0].origin,
        wildcard_reason=REPORT_SCOPE_REASON,
    )]


def deployment_role_permissions(fn: Function, hooks: list[Function]) -> list[Permission]:
    """What CodeDeploy needs to shift `fn`'s alias: its `hooks` are the functions it invokes."""
    deployment = fn.live_deployment()
    assert deployment is not None and fn.alias is not None
    function_arn = arn_of(fn)
    origin = deployment.origin
    permissions = [
        # Alias actions are authorized on the function (IAM resource type `function`).
        Permission(sid="ShiftAlias", actions=(awacs.awslambda.GetAlias,
                                              awacs.awslambda.UpdateAlias),
                   resources=(function_arn,), purpose=f"move {fn.id}'s alias {fn.alias!r}",
                   origin=origin),
        # ... and this one on the alias (`function alias`): CodeDeploy waits for the new
        # version's provisioned concurrency before it shifts traffic.
        Permission(sid="ReadProvisionedConcurrency",
                   actions=(awacs.awslambda.GetProvisionedConcurrencyConfig,),
                   resources=(suffixed(function_arn, f":{fn.alias}"),),
                   purpose=f"read the provisioned concurrency of {fn.id}:{fn.alias}",
                   origin=origin),
    ]
    alarms = [alarm.arn for alarm in rollback_alarms(fn)]
    if alarms:
        permissions.append(Permission(
            sid="ReadRollbackAlarms", actions=(awacs.cloudwatch.DescribeAlarms,),
            resources=tuple(alarms), purpose=f"watch {fn.id}'s rollback alarms",
            origin=origin))
    if hooks:
        permissions.append(Permission(
            sid="InvokeHooks", actions=(awacs.awslambda.InvokeFunction,),
            resources=tuple(arn_of(hook) for hook in hooks),
            purpose=f"run the hooks of {fn.id}'s deployments: "
                    + ", ".join(hook.id for hook in hooks),
            origin=origin))
    if deployment.notify is not None:
        # The catalogue's publish access: sns:Publish on the topic, and its key when it has one.
        permissions.extend(access_permissions([Grant(deployment.notify, "publish", None,
                                                     origin)]))
    return permissions


class RollbackAlarm(NamedTuple):
    """One alarm that rolls `fn`'s deployments back: as the deployment group names it (`Ref`
    of an owned alarm is its name), as IAM names it, and as `explain` shows it."""

    name: Any
    arn: CfnValue
    label: str


def rollback_alarms(fn: Function) -> list[RollbackAlarm]:
    """lambdakit's error alarm (unless turned off), then the named ones, in order."""
    deployment = fn.live_deployment()
    assert deployment is not None
    owned = [RollbackAlarm({"Ref": fn.deployment_alarm_id},
                           {"Fn::GetAtt": [fn.deployment_alarm_id, "Arn"]},
                           fn.deployment_alarm_id)] if deployment.error_alarm else []
    return owned + [RollbackAlarm(name, {"Fn::Join": ["", [*ALARM_ARN_PARTS, name]]}, name)
                    for name in deployment.alarms]
