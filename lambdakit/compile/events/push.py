"""What push sources need beyond their SAM event: the policy that lets EventBridge deliver to a
rule's dead-letter queue (SAM writes none when the queue is given by ARN)."""

from __future__ import annotations

from troposphere import GetAtt, Ref, Template, sqs

from lambdakit.compile.intrinsics import cfn
from lambdakit.events import EventBridgeRule
from lambdakit.iam import arn_of
from lambdakit.model import App, Queue


def delivery_policy_id(queue: Queue) -> str:
    return f"{queue.id}DeliveryPolicy"


def emit_dead_letter_policies(template: Template, app: App) -> None:
    """One policy per queue (SQS holds one), naming every rule that may send to it."""
    rules_by_queue: dict[int, tuple[Queue, list[str]]] = {}
    for fn in sorted(app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            queue = getattr(source, "dead_letter_queue", None)
            if isinstance(source, EventBridgeRule) and isinstance(queue, Queue) \
                    and not queue.is_existing:
                rules_by_queue.setdefault(id(queue), (queue, []))[1].append(source.rule_id(fn))
    for queue, rules in rules_by_queue.values():
        template.add_resource(sqs.QueuePolicy(
            delivery_policy_id(queue),
            Queues=[Ref(queue.id)],
            PolicyDocument={
                "Version": "2012-10-17",
                "Statement": [{
                    "Sid": "EventBridgeDeadLetters",
                    "Effect": "Allow",
                    "Principal": {"Service": "events.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": cfn(arn_of(queue)),
                    # Only this app's rules: the ARN of each, as SAM creates it.
                    "Condition": {"ArnEquals": {"aws:SourceArn": [GetAtt(rule, "Arn")
                                                                  for rule in sorted(rules)]}},
                }],
            },
        ))
