"""Gradual deployments: the function's SAM `DeploymentPreference`, CodeDeploy's role for it, the
alarm that rolls it back, and the custom traffic shapes CodeDeploy does not predefine.

SAM writes the rest from the preference: the stack's CodeDeploy application, one deployment
group per function (automatic rollback on failure, on alarm and on a manual stop) and the
alias's `CodeDeployLambdaAliasUpdate` policy. Given a `Role`, it writes no service role of its
own (whose managed policy would allow far more; see `lambdakit.iam.deployment`).
"""

from __future__ import annotations

from typing import Any

from troposphere import GetAtt, Ref, Sub, Tags, Template, cloudwatch, codedeploy, iam, serverless

from lambdakit.compile.intrinsics import permissions_boundary_arn
from lambdakit.iam import policy_document, trust_policy
from lambdakit.iam.deployment import (
    CODEDEPLOY_SERVICE,
    deployment_role_permissions,
    rollback_alarm_names,
)
from lambdakit.model import App, Canary, Function, Linear, TrafficShift
from lambdakit.rules.deployments import (
    HookBinding,
    custom_configuration_id,
    custom_configurations,
    deployment_hooks,
)

DEPLOYMENT_POLICY_NAME = "shift-traffic"


def deployment_properties(app: App, fn: Function) -> dict[str, Any]:
    """`DeploymentPreference` for a function with a gradual deployment; else nothing."""
    deployment = fn.live_deployment()
    if deployment is None:
        return {}
    preference = serverless.DeploymentPreference(
        Type=(deployment.config_name() if deployment.is_predefined()
              else Ref(custom_configuration_id(deployment))),
        Role=GetAtt(fn.deployment_role_id, "Arn"))
    alarms = rollback_alarm_names(fn)
    if alarms:
        preference.Alarms = alarms
    hooks = {binding.source.sam_hook: Ref(binding.hook.id) for binding in _hooks(app, fn)}
    if hooks:
        preference.Hooks = serverless.Hooks(**hooks)
    return {"DeploymentPreference": preference}


def emit_deployment(template: Template, app: App, fn: Function, tags: dict[str, str]) -> None:
    """CodeDeploy's role for `fn` and, by default, the alarm that rolls its deployments back."""
    deployment = fn.live_deployment()
    if deployment is None:
        return
    hooks = sorted({id(b.hook): b.hook for b in _hooks(app, fn)}.values(), key=lambda h: h.id)
    role = iam.Role(
        fn.deployment_role_id,
        AssumeRolePolicyDocument=trust_policy(CODEDEPLOY_SERVICE),
        Policies=[iam.Policy(PolicyName=DEPLOYMENT_POLICY_NAME, PolicyDocument=policy_document(
            deployment_role_permissions(fn, hooks)))],
    )
    if app.permissions_boundary:
        role.PermissionsBoundary = permissions_boundary_arn(app.permissions_boundary)
    if tags:
        role.Tags = Tags(**tags)
    template.add_resource(role)
    if deployment.error_alarm:
        template.add_resource(_error_alarm(fn, deployment, tags))


def emit_deployment_configs(template: Template, app: App) -> None:
    """One custom configuration per traffic shape the app uses that CodeDeploy lacks."""
    for logical_id, deployment in custom_configurations(app).items():
        template.add_resource(codedeploy.DeploymentConfig(
            logical_id, ComputePlatform="Lambda",
            TrafficRoutingConfig=_traffic_routing(deployment)))


def _traffic_routing(deployment: TrafficShift) -> codedeploy.TrafficRoutingConfig:
    if isinstance(deployment, Canary):
        return codedeploy.TrafficRoutingConfig(
            Type="TimeBasedCanary", TimeBasedCanary=codedeploy.TimeBasedCanary(
                CanaryPercentage=deployment.percent, CanaryInterval=deployment.minutes))
    assert isinstance(deployment, Linear)  # AllAtOnce is predefined
    return codedeploy.TrafficRoutingConfig(
        Type="TimeBasedLinear", TimeBasedLinear=codedeploy.TimeBasedLinear(
            LinearPercentage=deployment.percent, LinearInterval=deployment.every_minutes))


def _error_alarm(fn: Function, deployment: TrafficShift,
                 tags: dict[str, str]) -> cloudwatch.Alarm:
    """Any error of the new version, in any minute: the version being shifted to is the one
    invoked through the alias (dimensions `Resource` and `ExecutedVersion`), so errors of the
    old version, still serving the rest of the traffic, do not count against it."""
    alarm = cloudwatch.Alarm(
        fn.deployment_alarm_id,
        AlarmDescription=f"Errors of the version of {fn.id} a deployment shifts traffic to "
                         f"({deployment.steps()}); in alarm, CodeDeploy rolls back",
        Namespace="AWS/Lambda", MetricName="Errors", Statistic="Sum",
        Period=60, EvaluationPeriods=1, Threshold=0, ComparisonOperator="GreaterThanThreshold",
        # No invocations in a minute is no evidence against the version.
        TreatMissingData="notBreaching",
        Dimensions=[
            cloudwatch.MetricDimension(Name="FunctionName", Value=Ref(fn.id)),
            cloudwatch.MetricDimension(Name="Resource", Value=Sub(f"${{{fn.id}}}:{fn.alias}")),
            # SAM resolves `<id>.Version` to the version it publishes on this deploy.
            cloudwatch.MetricDimension(Name="ExecutedVersion",
                                       Value=GetAtt(f"{fn.id}.Version", "Version")),
        ],
    )
    if tags:
        alarm.Tags = Tags(**tags)
    return alarm


def _hooks(app: App, fn: Function) -> list[HookBinding]:
    return deployment_hooks(app).get(id(fn), [])
