"""What push sources need beyond their SAM event: the subscriptions of buffered SNS sources
(the queue policies that let services deliver are the queues' own, `compile.resources`)."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.template import Data, Template
from lambdakit.events import SnsEvent
from lambdakit.iam import arn_of
from lambdakit.plan import Plan


def emit_buffer_subscriptions(template: Template, plan: Plan) -> None:
    """The topic's subscription of each buffered SNS source's queue (SAM's `SqsSubscription`
    would create an unencrypted queue without a dead-letter queue)."""
    for fn in sorted(plan.app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            buffer = source.buffer() if isinstance(source, SnsEvent) else None
            if buffer is None:
                continue
            assert isinstance(source, SnsEvent)
            properties: dict[str, Any] = {
                "Protocol": "sqs",
                "Endpoint": {"Fn::GetAtt": [buffer.queue.id, "Arn"]},
                "TopicArn": arn_of(source.topic),
                **source.subscription_settings(),
            }
            template.add_resource(Data(source.subscription_id(fn), {
                "Type": "AWS::SNS::Subscription", "Properties": properties}))


# How compile finds what the family writes.
emit_family = emit_buffer_subscriptions
