"""Queues that AWS services send to on the app's behalf: an EventBridge rule's dead-letter
queue, the buffer queue of an SNS subscription. Each needs a queue policy that lets exactly
those senders in; SQS holds one policy per queue, so the queue's own policy (TLS only, counted
with the queue) names them all, and a customer key of the queue must let them encrypt."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from lambdakit.events._delivery import EVENTS_SERVICE, SNS_SERVICE
from lambdakit.iam import arn_of
from lambdakit.model import App, Construct, Queue

__all__ = ["EVENTS_SERVICE", "SNS_SERVICE", "Sender", "key_senders", "queue_senders"]


class Sender(NamedTuple):
    """`service` sends to the queue on behalf of the resource whose ARN is `source_arn`."""

    service: str
    source_arn: Any  # a CloudFormation value


def queue_senders(app: App) -> list[tuple[Queue, list[Sender]]]:
    """Each owned queue that a service delivers to, with its senders, in a stable order."""
    found: dict[int, tuple[Queue, list[Sender]]] = {}
    for fn in sorted(app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            delivery = source.delivered_queue(fn)
            if delivery is None:
                continue
            queue = delivery.queue
            sender = Sender(delivery.service, arn_of(delivery.sender)
                            if isinstance(delivery.sender, Construct) else delivery.sender)
            if not queue.is_existing and (queue.key is None or not queue.key.is_existing):
                senders = found.setdefault(id(queue), (queue, []))[1]
                if sender not in senders:
                    senders.append(sender)
    return [(queue, sorted(senders, key=_sender_order))
            for queue, senders in sorted(found.values(), key=lambda entry: entry[0].id)]


def key_senders(queues: list[tuple[Queue, list[Sender]]]) -> dict[int, list[Sender]]:
    """The services that encrypt with each owned key as they deliver to a queue it encrypts,
    by the key's `id()`: the key's policy must let them (SQS asks KMS on the sender's behalf).
    `queues`: `queue_senders` of the app."""
    found: dict[int, list[Sender]] = {}
    for queue, senders in queues:
        if queue.key is not None:
            users = found.setdefault(id(queue.key), [])
            users.extend(sender for sender in senders if sender not in users)
    return {key: sorted(users, key=_sender_order) for key, users in found.items()}


def _sender_order(sender: Sender) -> tuple[str, str]:
    return sender.service, json.dumps(sender.source_arn, sort_keys=True)
