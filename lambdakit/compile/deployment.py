"""Gradual deployments: the function's SAM `DeploymentPreference`, CodeDeploy's role for it, the
alarm that rolls it back, and the custom traffic shapes CodeDeploy does not predefine.

SAM writes the rest from the preference: the stack's CodeDeploy application, one deployment
group per function (automatic rollback on failure, on alarm and on a manual stop) and the
alias's `CodeDeployLambdaAliasUpdate` policy. Given a `Role`, it writes no service role of its
own (whose managed policy would allow far more; see `lambdakit.iam.deployment`).
"""

from __future__ import annotations

from typing import Any

from lambdakit.compile.intrinsics import alias_dimensions, permissions_boundary_arn
from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data, Template
from lambdakit.iam import policy_document, trust_policy
from lambdakit.iam.arns import arn_of
from lambdakit.iam.deployment import (
    CODEDEPLOY_SERVICE,
    DEPLOYMENT_POLICY_NAME,
    NOTIFICATION_TRIGGER_NAME,
    deployment_role_permissions,
    deployment_trust_source,
    rollback_alarms,
)
from lambdakit.model import Canary, Function, Linear, TrafficShift
from lambdakit.plan import Plan
from lambdakit.plan.deployments import custom_configuration_id


def deployment_properties(plan: Plan, fn: Function) -> dict[str, Any]:
    """`DeploymentPreference` for a function with a gradual deployment; else nothing."""
    deployment = fn.live_deployment()
    if deployment is None:
        return {}
    preference: dict[str, Any] = {
        "Type": (deployment.config_name() if deployment.is_predefined()
                 else {"Ref": custom_configuration_id(deployment)}),
        "Role": {"Fn::GetAtt": [fn.deployment_role_id, "Arn"]},
    }
    alarms = [alarm.name for alarm in rollback_alarms(fn)]
    if alarms:
        preference["Alarms"] = alarms
    hooks = {binding.source.sam_hook: {"Ref": binding.hook.id}
             for binding in plan.hooks.get(id(fn), [])}
    if hooks:
        preference["Hooks"] = hooks
    if deployment.notify is not None:
        # SAM passes these to the deployment group: CodeDeploy publishes with its role.
        preference["TriggerConfigurations"] = [{
            "TriggerName": NOTIFICATION_TRIGGER_NAME,
            "TriggerTargetArn": arn_of(deployment.notify),
            "TriggerEvents": list(dict.fromkeys(deployment.notify_on))}]
    return {"DeploymentPreference": preference}


def emit_deployment(template: Template, plan: Plan, fn: Function, tags: dict[str, str]) -> None:
    """CodeDeploy's role for `fn` and, by default, the alarm that rolls its deployments back."""
    deployment = fn.live_deployment()
    if deployment is None:
        return
    hooks = plan.hook_functions(fn)
    properties: dict[str, Any] = {
        "AssumeRolePolicyDocument": trust_policy(CODEDEPLOY_SERVICE, deployment_trust_source()),
        "Policies": [{"PolicyName": DEPLOYMENT_POLICY_NAME,
                      "PolicyDocument": policy_document(deployment_role_permissions(fn, hooks))}],
    }
    if plan.app.permissions_boundary:
        properties["PermissionsBoundary"] = permissions_boundary_arn(plan.app.permissions_boundary)
    if tags:
        properties["Tags"] = tag_list(tags)
    template.add_resource(Data(fn.deployment_role_id, {"Type": "AWS::IAM::Role",
                                                       "Properties": properties}))
    if deployment.error_alarm:
        template.add_resource(_error_alarm(fn, deployment, tags))


def emit_deployment_configs(template: Template, plan: Plan) -> None:
    """One custom configuration per traffic shape the app uses that CodeDeploy lacks."""
    for logical_id, deployment in plan.deployment_configs.items():
        template.add_resource(Data(logical_id, {
            "Type": "AWS::CodeDeploy::DeploymentConfig",
            "Properties": {"ComputePlatform": "Lambda",
                           "TrafficRoutingConfig": _traffic_routing(deployment)}}))


def _traffic_routing(deployment: TrafficShift) -> dict[str, Any]:
    if isinstance(deployment, Canary):
        return {"Type": "TimeBasedCanary",
                "TimeBasedCanary": {"CanaryPercentage": deployment.percent,
                                    "CanaryInterval": deployment.minutes}}
    assert isinstance(deployment, Linear)  # AllAtOnce is predefined
    return {"Type": "TimeBasedLinear",
            "TimeBasedLinear": {"LinearPercentage": deployment.percent,
                                "LinearInterval": deployment.every_minutes}}


def _error_alarm(fn: Function, deployment: TrafficShift, tags: dict[str, str]) -> Data:
    """Any error of the new version, in any minute: the version being shifted to is the one
    invoked through the alias (dimensions `Resource` and `ExecutedVersion`), so errors of the
    old version, still serving the rest of the traffic, do not count against it."""
    properties: dict[str, Any] = {
        "AlarmDescription": f"Errors of the version of {fn.id} a deployment shifts traffic to "
                            f"({deployment.steps()}); in alarm, CodeDeploy rolls back",
        "Namespace": "AWS/Lambda", "MetricName": "Errors", "Statistic": "Sum",
        "Period": 60, "EvaluationPeriods": 1, "Threshold": 0,
        "ComparisonOperator": "GreaterThanThreshold",
        # No invocations in a minute is no evidence against the version.
        "TreatMissingData": "notBreaching",
        "Dimensions": [
            *alias_dimensions(fn),
            # SAM resolves `<id>.Version` to the version it publishes on this deploy.
            {"Name": "ExecutedVersion", "Value": {"Fn::GetAtt": [f"{fn.id}.Version", "Version"]}},
        ],
    }
    if tags:
        properties["Tags"] = tag_list(tags)
    return Data(fn.deployment_alarm_id, {"Type": "AWS::CloudWatch::Alarm",
                                         "Properties": properties})
