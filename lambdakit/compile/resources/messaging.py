"""Queues and topics."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from lambdakit.compile.resources.common import Skip, finish, key_arn, owned, retain
from lambdakit.compile.template import Template
from lambdakit.iam import arn_of
from lambdakit.iam.permissions import POLICY_VERSION
from lambdakit.model import Queue, Topic
from lambdakit.model.resources.queue import FOURTEEN_DAYS_S
from lambdakit.plan import Plan
from lambdakit.plan.delivery import EVENTS_SERVICE, SNS_SERVICE, Sender

AWS_MANAGED_SNS_KEY = "alias/aws/sns"
# Statement ids of the services that deliver to a queue.
SIDS = {EVENTS_SERVICE: "EventBridgeDeadLetters", SNS_SERVICE: "SnsSubscriptions"}


def emit_queue(template: Template, plan: Plan, queue: Queue, *, is_dead_letter: bool,
               senders: list[Sender]) -> None:
    """The queue, its own dead-letter queue unless it has one, and the one policy of both:
    TLS only, and the services that deliver to the queue (`senders`)."""
    visibility = _visibility_timeout(plan, queue)
    properties = _queue_properties(queue, queue.name, queue.retention, visibility)
    redrive_target: object = None
    own_dead_letter = queue.needs_own_dead_letter(is_dead_letter)
    if queue.dead_letter_queue is not None:
        # An existing dead-letter queue has no logical id to GetAtt: use its (partition-agnostic)
        # ARN, which for an owned one is still `GetAtt <id>.Arn`.
        redrive_target = arn_of(queue.dead_letter_queue)
    elif own_dead_letter:
        dead_letter = _queue_properties(queue, None, FOURTEEN_DAYS_S, visibility)
        # The source's delivery delay is for new work; failed messages need none.
        dead_letter.pop("DelaySeconds", None)
        template.add_resource(finish(queue, plan,
                                     owned(queue.dead_letter_id, "AWS::SQS::Queue", dead_letter),
                                     skips=_queue_skips(queue)))
        redrive_target = {"Fn::GetAtt": [queue.dead_letter_id, "Arn"]}
    if redrive_target is not None:
        properties["RedrivePolicy"] = {"deadLetterTargetArn": redrive_target,
                                       "maxReceiveCount": queue.max_receive_count}
    template.add_resource(finish(queue, plan, owned(queue.id, "AWS::SQS::Queue", properties),
                                 skips=_queue_skips(queue)))
    queues = [queue.id] + ([queue.dead_letter_id] if own_dead_letter else [])
    arns = [{"Fn::GetAtt": [logical_id, "Arn"]} for logical_id in queues]
    policy = template.add_resource(owned(queue.policy_id, "AWS::SQS::QueuePolicy", {
        "Queues": [{"Ref": logical_id} for logical_id in queues],
        "PolicyDocument": {"Version": POLICY_VERSION, "Statement": [
            deny_insecure_transport("sqs:*", arns),
            *_delivery_statements({"Fn::GetAtt": [queue.id, "Arn"]}, senders)]},
    }))
    # As a retained bucket's: the messages outlive the stack, and so must what protects them.
    if not queue.delete_with_stack:
        retain(policy, "Retain")


def deny_insecure_transport(action: str, resources: list[Any]) -> dict[str, Any]:
    """Refuse every request that does not come over TLS, whoever makes it."""
    return {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
            "Action": action, "Resource": resources,
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}


def _delivery_statements(queue_arn: Any, senders: list[Sender]) -> list[dict[str, Any]]:
    """Each service may send for exactly the app's resources that deliver here
    (`aws:SourceArn`)."""
    by_service = sorted(senders, key=lambda s: s.service)
    return [{
        "Sid": SIDS[service],
        "Effect": "Allow",
        "Principal": {"Service": service},
        "Action": "sqs:SendMessage",
        "Resource": queue_arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": [s.source_arn for s in group]}},
    } for service, group in ((service, list(group)) for service, group
                             in groupby(by_service, key=lambda s: s.service))]


def _queue_skips(queue: Queue) -> tuple[Skip, ...]:
    if queue.key is not None:
        return ()
    # The AWS-managed alias/aws/sqs key would meet the check, but SNS, EventBridge and S3 cannot
    # deliver to a queue encrypted with it.
    return (("CKV_AWS_27", "encrypted at rest with SQS-managed keys (SSE-SQS); pass key= for a "
                           "customer-managed key"),)


def _queue_properties(queue: Queue, name: str | None, retention: int,
                      visibility: int) -> dict[str, object]:
    properties: dict[str, object] = {
        "MessageRetentionPeriod": retention,
        "VisibilityTimeout": visibility,
    }
    if name:
        properties["QueueName"] = name
    if queue.fifo:
        properties["FifoQueue"] = True
        if queue.content_based_deduplication:
            properties["ContentBasedDeduplication"] = True
    if queue.delay:
        properties["DelaySeconds"] = queue.delay
    key = key_arn(queue)
    if key is not None:
        properties["KmsMasterKeyId"] = key
    else:
        properties["SqsManagedSseEnabled"] = True
    return properties


def emit_topic(template: Template, plan: Plan, topic: Topic) -> None:
    key = key_arn(topic)
    properties: dict[str, object] = {"KmsMasterKeyId": key if key is not None
                                     else AWS_MANAGED_SNS_KEY}
    if topic.name:
        properties["TopicName"] = topic.name
    if topic.fifo:
        properties["FifoTopic"] = True
    template.add_resource(finish(topic, plan, owned(topic.id, "AWS::SNS::Topic", properties)))
    # Publishers are the app's roles (and the deployer's): this account's identity policies
    # allow them, so the policy that replaces SNS's default one only refuses plain HTTP.
    template.add_resource(owned(topic.policy_id, "AWS::SNS::TopicPolicy", {
        "Topics": [{"Ref": topic.id}],
        "PolicyDocument": {"Version": POLICY_VERSION, "Statement": [
            deny_insecure_transport("sns:Publish", [{"Ref": topic.id}])]}}))


def _visibility_timeout(plan: Plan, queue: Queue) -> int:
    """As given, or derived from the functions that read the queue."""
    return plan.visibility_timeout(queue)
