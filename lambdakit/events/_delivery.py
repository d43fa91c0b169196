"""The delivery settings EventBridge rules and EventBridge Scheduler share for their targets:
how long and how often they retry, and the queue that receives what they could not deliver."""

from __future__ import annotations

from typing import Any

from lambdakit.limits.quotas import ARN_MAX_CHARS
from lambdakit.model import Queue, Ref

# The service principals that send to a queue on a source's behalf (its queue policy and key
# policy let exactly them in).
EVENTS_SERVICE = "events.amazonaws.com"
SNS_SERVICE = "sns.amazonaws.com"


def delivery_properties(retry_attempts: int | None, max_event_age: int | None,
                        dead_letter_queue: Queue | None) -> dict[str, Any]:
    """`RetryPolicy` and `DeadLetterConfig`, each only when set (the services' defaults apply:
    185 attempts over 24 hours, no dead-letter queue)."""
    properties: dict[str, Any] = {}
    retry: dict[str, int] = {}
    if retry_attempts is not None:
        retry["MaximumRetryAttempts"] = retry_attempts
    if max_event_age is not None:
        retry["MaximumEventAgeInSeconds"] = max_event_age
    if retry:
        properties["RetryPolicy"] = retry
    if dead_letter_queue is not None:
        properties["DeadLetterConfig"] = {"Arn": Ref(dead_letter_queue, "Arn", ARN_MAX_CHARS.value)}
    return properties
