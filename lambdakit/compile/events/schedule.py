"""The role EventBridge Scheduler invokes a function with, one per schedule.

SAM's ScheduleV2 writes one when given no `RoleArn`, but trusts scheduler.amazonaws.com on
behalf of any account and leaves out the key of an encrypted dead-letter queue; this one is
trusted for this account's default schedule group only and holds exactly: invoke on the
function's ARN (what the schedule targets, no version or alias), and send to the dead-letter
queue (and use its key).
"""

from __future__ import annotations

from typing import Any

import awacs.awslambda

from lambdakit.compile.intrinsics import permissions_boundary_arn
from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data, Template
from lambdakit.events import ScheduleEvent
from lambdakit.events.schedule import DEFAULT_SCHEDULE_GROUP
from lambdakit.iam import Permission, arn_of, policy_document, trust_policy
from lambdakit.iam.grants import access_permissions
from lambdakit.model import Function, Grant
from lambdakit.plan import Plan

SCHEDULER_SERVICE = "scheduler.amazonaws.com"
# Scheduler assumes the role for the schedule's group, named in `aws:SourceArn`; lambdakit's
# schedules are in the default group
# (https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html).
SCHEDULE_GROUP_ARN = ("arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:"
                      f"schedule-group/{DEFAULT_SCHEDULE_GROUP}")
POLICY_NAME = "invoke"


def emit_scheduler_roles(template: Template, plan: Plan) -> None:
    for fn in sorted(plan.app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            if isinstance(source, ScheduleEvent):
                template.add_resource(_role(plan, fn, source))


def scheduler_permissions(fn: Function, source: ScheduleEvent) -> list[Permission]:
    invoke = Permission(
        sid="InvokeFunction",
        actions=(awacs.awslambda.InvokeFunction,),
        resources=(arn_of(fn),),
        purpose=f"invoke {fn.id} on schedule {source.event_name()}",
        origin=source.origin,
    )
    queue = source.dead_letter_queue
    dead_letters = [] if queue is None else access_permissions(
        [Grant(queue, "send", None, source.origin)])
    return [invoke, *dead_letters]


def _role(plan: Plan, fn: Function, source: ScheduleEvent) -> Data:
    properties: dict[str, Any] = {
        "AssumeRolePolicyDocument": trust_policy(SCHEDULER_SERVICE,
                                                 {"Fn::Sub": SCHEDULE_GROUP_ARN}),
        "Policies": [{"PolicyName": POLICY_NAME,
                      "PolicyDocument": policy_document(scheduler_permissions(fn, source))}],
    }
    if plan.app.permissions_boundary:
        properties["PermissionsBoundary"] = permissions_boundary_arn(plan.app.permissions_boundary)
    tags = {**plan.app.tags, **fn.tags}
    if tags:
        properties["Tags"] = tag_list(tags)
    return Data(source.role_id(fn), {"Type": "AWS::IAM::Role", "Properties": properties})


# How compile finds what the family writes.
emit_family = emit_scheduler_roles
