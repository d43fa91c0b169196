"""Queues and topics."""

from __future__ import annotations

from troposphere import GetAtt, sns, sqs

from lambdakit.compile.intrinsics import cfn
from lambdakit.compile.resources.common import Skip, finish, key_arn
from lambdakit.compile.template import Template
from lambdakit.events._loaded import imported
from lambdakit.iam import arn_of
from lambdakit.model import App, Queue, Topic
from lambdakit.model.resources.queue import FOURTEEN_DAYS_S, SQS_DEFAULT_VISIBILITY_S

AWS_MANAGED_SNS_KEY = "alias/aws/sns"


def emit_queue(template: Template, app: App, queue: Queue, *, is_dead_letter: bool) -> None:
    visibility = _visibility_timeout(app, queue)
    properties = _queue_properties(queue, queue.name, queue.retention, visibility)
    redrive_target: object = None
    if queue.dead_letter_queue is not None:
        # An existing dead-letter queue has no logical id to GetAtt: use its (partition-agnostic)
        # ARN, which for an owned one is still `GetAtt <id>.Arn`.
        redrive_target = cfn(arn_of(queue.dead_letter_queue))
    elif queue.needs_own_dead_letter(is_dead_letter):
        dead_letter = _queue_properties(queue, None, FOURTEEN_DAYS_S, visibility)
        # The source's delivery delay is for new work; failed messages need none.
        dead_letter.pop("DelaySeconds", None)
        template.add_resource(finish(queue, app, sqs.Queue(queue.dead_letter_id, **dead_letter),
                                     skips=_queue_skips(queue)))
        redrive_target = GetAtt(queue.dead_letter_id, "Arn")
    if redrive_target is not None:
        properties["RedrivePolicy"] = {"deadLetterTargetArn": redrive_target,
                                       "maxReceiveCount": queue.max_receive_count}
    template.add_resource(finish(queue, app, sqs.Queue.from_dict(queue.id, properties),
                                 skips=_queue_skips(queue)))


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


def emit_topic(template: Template, app: App, topic: Topic) -> None:
    key = key_arn(topic)
    properties: dict[str, object] = {"KmsMasterKeyId": key if key is not None
                                     else AWS_MANAGED_SNS_KEY}
    if topic.name:
        properties["TopicName"] = topic.name
    if topic.fifo:
        properties["FifoTopic"] = True
    template.add_resource(finish(topic, app, sns.Topic(topic.id, **properties)))


def _visibility_timeout(app: App, queue: Queue) -> int:
    """As given, or derived from the functions that read the queue; until the SQS or SNS
    family is imported, none can read it."""
    if imported("sqs", "sns"):
        from lambdakit.rules.events.sqs import visibility_timeout

        return visibility_timeout(queue, app.all_functions())
    given = queue.visibility_timeout
    return SQS_DEFAULT_VISIBILITY_S if given is None else given
