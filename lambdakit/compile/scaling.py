"""Target-tracking auto scaling of a function's provisioned concurrency: an Application Auto
Scaling scalable target on the alias SAM publishes (with the scheduled changes of its range),
and a policy that holds its utilization.

SAM's `ProvisionedConcurrencyConfig` carries the minimum (`compile.surroundings`), as AWS's own
SAM example does: each deploy warms the new version with it before the alias moves, and Application
Auto Scaling scales on from there.
"""

from __future__ import annotations

from typing import Any

from lambdakit.compile.intrinsics import alias_dimensions
from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data, Template
from lambdakit.model import Function, ScheduledCapacity
from lambdakit.model.provisioned import in_utc

SERVICE_NAMESPACE = "lambda"
SCALABLE_DIMENSION = "lambda:function:ProvisionedConcurrency"
UTILIZATION_METRIC = "LambdaProvisionedConcurrencyUtilization"
# Unique per scalable target, which is what names the policy in ARNs and alarms; fixed, because
# renaming a target tracking policy replaces it.
POLICY_NAME = "provisioned-concurrency-utilization"
UTC_TIMESTAMP = "%Y-%m-%dT%H:%M:%SZ"  # ISO 8601, as a scheduled action's StartTime and EndTime


def emit_auto_scaling(template: Template, fn: Function, tags: dict[str, str]) -> None:
    scaling = fn.auto_scaling
    if scaling is None:
        return
    assert fn.alias is not None, "auto scaling needs the alias (LK434)"
    # No RoleARN: for a service with a service-linked role, Application Auto Scaling uses
    # AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency (creating it on first use), and
    # a hard-coded role ARN would only repeat it.
    target: dict[str, Any] = {
        "ServiceNamespace": SERVICE_NAMESPACE,
        "ScalableDimension": SCALABLE_DIMENSION,
        "ResourceId": {"Fn::Sub": f"function:${{{fn.id}}}:{fn.alias}"},
        "MinCapacity": scaling.minimum,
        "MaxCapacity": scaling.maximum,
    }
    schedules = [_scheduled_action(schedule) for schedule in scaling.schedules]
    if schedules:
        target["ScheduledActions"] = schedules
    if tags:
        target["Tags"] = tag_list(tags)
    config: dict[str, Any] = {"TargetValue": scaling.target_utilization}
    if scaling.statistic == "Average":
        config["PredefinedMetricSpecification"] = {"PredefinedMetricType": UTILIZATION_METRIC}
    else:
        # The same metric of the same alias, summed up by another statistic: the predefined
        # metric takes only the average.
        config["CustomizedMetricSpecification"] = {
            "Namespace": "AWS/Lambda", "MetricName": "ProvisionedConcurrencyUtilization",
            "Dimensions": alias_dimensions(fn),
            "Statistic": scaling.statistic, "Unit": "Count"}
    if scaling.scale_in_cooldown is not None:
        config["ScaleInCooldown"] = scaling.scale_in_cooldown
    if scaling.scale_out_cooldown is not None:
        config["ScaleOutCooldown"] = scaling.scale_out_cooldown
    if scaling.disable_scale_in:
        config["DisableScaleIn"] = True
    template.add_resource(Data(fn.scalable_target_id, {
        "Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": target}))
    # ScalingPolicy takes no tags (CloudFormation marks it not taggable).
    template.add_resource(Data(fn.scaling_policy_id, {
        "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",
        "Properties": {"PolicyName": POLICY_NAME, "PolicyType": "TargetTrackingScaling",
                       "ScalingTargetId": {"Ref": fn.scalable_target_id},
                       "TargetTrackingScalingPolicyConfiguration": config}}))


def _scheduled_action(schedule: ScheduledCapacity) -> dict[str, Any]:
    action: dict[str, Any] = {"ScheduledActionName": schedule.name,
                              "Schedule": schedule.schedule}
    capacity = {key: value for key, value in (("MinCapacity", schedule.minimum),
                                              ("MaxCapacity", schedule.maximum))
                if value is not None}
    action["ScalableTargetAction"] = capacity
    if schedule.timezone is not None:
        action["Timezone"] = schedule.timezone
    if schedule.start is not None:
        action["StartTime"] = in_utc(schedule.start).strftime(UTC_TIMESTAMP)
    if schedule.end is not None:
        action["EndTime"] = in_utc(schedule.end).strftime(UTC_TIMESTAMP)
    return action
