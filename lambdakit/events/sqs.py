"""SQS: Lambda polls a queue and invokes the function with batches of messages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lambdakit.events._patterns import payload_text, satisfying_any
from lambdakit.events._samples import SAMPLE_REGION, sample_arn, sample_name, sample_uuid
from lambdakit.limits.quotas import ARN_MAX_CHARS
from lambdakit.model import Binding, EventSource, Queue, Ref
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

# Lambda's default batch size for SQS, and what the sample event's timestamps say.
DEFAULT_BATCH_SIZE = 10
SAMPLE_SENT_MS = "1767225600000"  # 2026-01-01T00:00:00Z


def filter_criteria(patterns: list[dict[str, Any]]) -> dict[str, Any]:
    """Event filtering patterns as Lambda takes them: each one a compact JSON string."""
    return {"Filters": [{"Pattern": pattern_text(p)} for p in patterns]}


def pattern_text(pattern: dict[str, Any]) -> str:
    return json.dumps(pattern, sort_keys=True, separators=(",", ":"))


class SqsEvent(EventSource):
    """Messages of `queue`, in batches. Partial batch responses are on: the handler returns
    `{"batchItemFailures": [{"itemIdentifier": messageId}, ...]}` and only those messages are
    retried (and, after the queue's `max_receive_count`, moved to its dead-letter queue)."""

    sam_type = "SQS"
    invocation = "poll"

    queue: Instance[Queue]
    batch_size: int = DEFAULT_BATCH_SIZE
    # Seconds Lambda may wait to fill a batch (MaximumBatchingWindowInSeconds); 0 = none.
    batching_window: int = 0
    report_batch_item_failures: bool = True
    # At most this many concurrent invocations from this queue (ScalingConfig).
    maximum_concurrency: int | None = None
    # Event filtering patterns; messages matching none are deleted without an invocation.
    filters: list[dict[str, Any]] = []
    enabled: bool = True

    def default_name(self) -> str:
        return f"From{self.queue.id}"

    def referenced_constructs(self) -> list[Construct]:
        return [self.queue]

    def sqs_poller(self) -> SqsEvent:
        return self

    def bind(self, fn: Function) -> Binding:
        properties: dict[str, Any] = {
            "Queue": Ref(self.queue, "Arn", ARN_MAX_CHARS.value),
            "BatchSize": self.batch_size,
        }
        if self.batching_window:
            properties["MaximumBatchingWindowInSeconds"] = self.batching_window
        if self.report_batch_item_failures:
            properties["FunctionResponseTypes"] = ["ReportBatchItemFailures"]
        if self.maximum_concurrency is not None:
            properties["ScalingConfig"] = {"MaximumConcurrency": self.maximum_concurrency}
        if self.filters:
            properties["FilterCriteria"] = filter_criteria(self.filters)
        if not self.enabled:
            properties["Enabled"] = False
        # Lambda's poller runs with the function's role: receive, delete, extend, read
        # attributes on this queue only (and decrypt with its key, when it has one).
        return Binding(properties, grants=(self.queue.grant("consume", origin=self.origin),))

    def sample_event(self, fn: Function) -> dict[str, Any]:
        name = sample_name(self.queue)
        if self.queue.fifo and not name.endswith(".fifo"):
            name += ".fifo"
        arn = sample_arn("sqs", name)
        attributes = {
            "ApproximateReceiveCount": "1",
            "SentTimestamp": SAMPLE_SENT_MS,
            "SenderId": "AIDAIENQZJOLO23YVJ4VO",
            "ApproximateFirstReceiveTimestamp": SAMPLE_SENT_MS,
        }
        if self.queue.fifo:
            attributes |= {"MessageGroupId": "group-1",
                           "MessageDeduplicationId": sample_uuid(f"{arn}/dedup"),
                           "SequenceNumber": "18849496460467696128"}
        message_id = sample_uuid(f"{arn}/{fn.id}")
        # The filters see the body as JSON when it is JSON.
        record = satisfying_any(self.filters, {
            "messageId": message_id,
            "receiptHandle": f"AQEB{sample_uuid(message_id).replace('-', '')}",
            "body": {"example": "message"},
            "attributes": attributes,
            "messageAttributes": {},
            "eventSource": "aws:sqs",
            "eventSourceARN": arn,
            "awsRegion": SAMPLE_REGION,
        })
        record["body"] = payload_text(record["body"])
        record["md5OfBody"] = md5_text(record["body"])
        return {"Records": [record]}


def md5_text(text: str) -> str:
    """What SQS reports as a message body's MD5 (a checksum, not security)."""
    import hashlib

    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
