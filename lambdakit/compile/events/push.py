"""What push sources need beyond their SAM event: the policies that let services deliver to
queues of the app (an EventBridge rule's dead-letter queue, which SAM leaves closed when given
by ARN; an SNS subscription's buffer queue), and the subscriptions of buffered SNS sources."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from troposphere import GetAtt, Ref, sns, sqs

from lambdakit.compile.intrinsics import cfn
from lambdakit.compile.template import Template
from lambdakit.events import SnsEvent
from lambdakit.iam import arn_of
from lambdakit.model import App
from lambdakit.rules.events.delivery import (
    EVENTS_SERVICE,
    Sender,
    delivery_policy_id,
    queue_senders,
)

# Statement ids by sending service.
SIDS = {EVENTS_SERVICE: "EventBridgeDeadLetters", "sns.amazonaws.com": "SnsSubscriptions"}


def emit_delivery_policies(template: Template, app: App) -> None:
    """One policy per queue, letting each service send for exactly the app's resources that
    deliver there (`aws:SourceArn`)."""
    for queue, senders in queue_senders(app):
        template.add_resource(sqs.QueuePolicy(
            delivery_policy_id(queue),
            Queues=[Ref(queue.id)],
            PolicyDocument={"Version": "2012-10-17",
                            "Statement": _statements(cfn(arn_of(queue)), senders)},
        ))


def _statements(queue_arn: Any, senders: list[Sender]) -> list[dict[str, Any]]:
    by_service = sorted(senders, key=lambda s: s.service)
    return [{
        "Sid": SIDS[service],
        "Effect": "Allow",
        "Principal": {"Service": service},
        "Action": "sqs:SendMessage",
        "Resource": queue_arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": [cfn(s.source_arn) for s in group]}},
    } for service, group in ((service, list(group)) for service, group
                             in groupby(by_service, key=lambda s: s.service))]


def emit_buffer_subscriptions(template: Template, app: App) -> None:
    """The topic's subscription of each buffered SNS source's queue (SAM's `SqsSubscription`
    would create an unencrypted queue without a dead-letter queue)."""
    for fn in sorted(app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            buffer = source.buffer() if isinstance(source, SnsEvent) else None
            if buffer is None:
                continue
            assert isinstance(source, SnsEvent)
            subscription = sns.SubscriptionResource(
                source.subscription_id(fn),
                Protocol="sqs",
                Endpoint=GetAtt(buffer.queue.id, "Arn"),
                TopicArn=cfn(arn_of(source.topic)),
                # The queue accepts the topic's messages only once its policy says so.
                DependsOn=[delivery_policy_id(buffer.queue)],
            )
            region = source.topic_region()
            if region:
                subscription.Region = region
            if source.filter_policy is not None:
                subscription.FilterPolicy = source.filter_policy
                subscription.FilterPolicyScope = source.filter_policy_scope
            template.add_resource(subscription)
