"""What push sources need beyond their SAM event: the policy that lets EventBridge deliver to a
rule's dead-letter queue (SAM writes none when the queue is given by ARN)."""

from __future__ import annotations

from troposphere import GetAtt, Ref, Template, sqs

from lambdakit.compile.intrinsics import cfn
from lambdakit.iam import arn_of
from lambdakit.model import App
from lambdakit.rules.events.eventbridge import dead_letter_senders, delivery_policy_id


def emit_dead_letter_policies(template: Template, app: App) -> None:
    """One policy per queue, naming every rule of the app that may send to it."""
    for queue, rules in dead_letter_senders(app):
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
                                                                  for rule in rules]}},
                }],
            },
        ))
