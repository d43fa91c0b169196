"""SNS: a topic delivers each message to the function, asynchronously, or through a queue the
function polls."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import PrivateAttr

from lambdakit.events._delivery import SNS_SERVICE
from lambdakit.events._patterns import satisfying_any
from lambdakit.events._samples import (
    SAMPLE_REGION,
    sample_arn,
    sample_name,
    sample_uuid,
)
from lambdakit.events.sqs import SqsEvent, md5_text
from lambdakit.model import Binding, EventSource, Invocation, Queue, Ref, Topic
from lambdakit.model.base import Written
from lambdakit.model.event_source import Delivery
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

SAMPLE_TIME = "2026-01-01T00:00:00.000Z"


class SnsEvent(EventSource):
    """Messages published to `topic` (owned, or `Topic.existing(arn=...)`, in any Region).
    `filter_policy` delivers only matching messages, judged on their attributes or, with
    `filter_policy_scope="MessageBody"`, on their JSON body. SNS's invoke permission is scoped
    to the topic's ARN.

    `sqs_buffer=True` (or a `Queue` of the app) delivers through a queue instead: the topic
    sends to the queue (a queue policy allows this topic only) and the function polls it as an
    `SqsEvent` would, in batches, with partial batch responses, its failures kept in the
    queue's dead-letter queue. `True` creates `<name>Buffer`, an owned queue with lambdakit's
    defaults (encrypted, with the topic's key when the app owns it; with a redrive dead-letter
    queue, its visibility timeout derived from the function's timeout). SAM's own
    `SqsSubscription` is not used: the queue it creates has neither encryption nor a dead-letter
    queue."""

    sam_type = "SNS"
    invocation = "async"

    topic: Instance[Topic]
    filter_policy: dict[str, Any] | None = None
    filter_policy_scope: Literal["MessageAttributes", "MessageBody"] = "MessageAttributes"
    sqs_buffer: bool | Instance[Queue] = False

    _buffer: SqsEvent | None = PrivateAttr(default=None)

    def default_name(self) -> str:
        return f"From{self.topic.id}"

    def sqs_poller(self) -> SqsEvent | None:
        return self.buffer()

    def delivered_queue(self, fn: Function) -> Delivery | None:
        buffer = self.buffer()
        return None if buffer is None else Delivery(buffer.queue, SNS_SERVICE, self.topic)

    def buffer(self) -> SqsEvent | None:
        """The poller of the buffer queue, when messages go through one (at this source's
        line, so its checks point there)."""
        if self.sqs_buffer is False:
            return None
        if self._buffer is None:
            # Messages stay under the topic's customer key, when lambdakit can let SNS use it
            # for the queue (an owned key's policy); else under SQS-managed keys.
            key = self.topic.key if self.topic.key is not None and not (
                self.topic.key.is_existing) else None
            queue = self.sqs_buffer if isinstance(self.sqs_buffer, Queue) else Queue(
                id=f"{self.event_name()}Buffer", fifo=self.topic.fifo, key=key)
            if queue is not self.sqs_buffer:
                queue._origin = self.origin
            poller = SqsEvent(queue=queue, name=self.event_name())
            poller._origin = self.origin
            self._buffer = poller
        return self._buffer

    def sam_event_type(self) -> str:
        return "SQS" if self.buffer() is not None else self.sam_type

    def invocation_mode(self) -> Invocation:
        return "poll" if self.buffer() is not None else self.invocation

    def referenced_constructs(self) -> list[Construct]:
        buffer = self.buffer()
        return [self.topic] if buffer is None else [self.topic, buffer.queue]

    def subscription_id(self, fn: Function) -> str:
        """The subscription's logical id: SAM's for a direct one, compile's for a buffer."""
        return f"{fn.id}{self.event_name()}" + ("Subscription" if self.buffer() else "")

    def derived_ids(self, fn: Function) -> list[str | None]:
        # SAM's subscription and invoke permission; buffered, the queue's mapping (the queue
        # and its one delivery policy count with the queue).
        if self.buffer() is not None:
            return [f"{fn.id}{self.event_name()}"]
        return [self.subscription_id(fn), f"{self.subscription_id(fn)}Permission"]

    def written_resources(self, fn: Function) -> list[Written]:
        # Buffered, lambdakit subscribes the queue itself (`compile.events.sns`).
        buffer = self.buffer()
        if buffer is None:
            return []
        # The queue accepts the topic's messages only once its policy says so.
        return [Written(self.subscription_id(fn), "AWS::SNS::Subscription",
                        (buffer.queue.policy_id,))]

    def topic_region(self) -> str | None:
        """The Region of an existing topic's ARN: the subscription is made there."""
        parts = (self.topic.existing_arn or "").split(":")
        return parts[3] if len(parts) >= 6 and parts[3] else None

    def bind(self, fn: Function) -> Binding:
        buffer = self.buffer()
        if buffer is not None:
            return buffer.bind(fn)  # the subscription itself is compile's (events.sns)
        return Binding({"Topic": Ref(self.topic, "Arn", Topic.env_max_bytes),
                        **self.subscription_settings()})

    def subscription_settings(self) -> dict[str, Any]:
        """What SAM's SNS event and lambdakit's own buffer subscription both take: the topic's
        Region, when it is elsewhere, and the filter policy."""
        settings: dict[str, Any] = {}
        region = self.topic_region()
        if region:
            settings["Region"] = region
        if self.filter_policy is not None:
            settings["FilterPolicy"] = self.filter_policy
            settings["FilterPolicyScope"] = self.filter_policy_scope
        return settings

    def sample_event(self, fn: Function) -> dict[str, Any]:
        record = self._sample_record(fn)
        buffer = self.buffer()
        if buffer is None:
            return {"Records": [record]}
        # Through a queue, each SQS message's body is SNS's notification as JSON (the keys
        # SNS writes for SQS: SigningCertURL, UnsubscribeURL).
        notification = dict(record["Sns"])
        notification["SigningCertURL"] = notification.pop("SigningCertUrl")
        notification["UnsubscribeURL"] = notification.pop("UnsubscribeUrl")
        event = buffer.sample_event(fn)
        event["Records"][0]["body"] = json.dumps(notification, sort_keys=True)
        event["Records"][0]["md5OfBody"] = md5_text(event["Records"][0]["body"])
        return event

    def _sample_record(self, fn: Function) -> dict[str, Any]:
        topic_arn = self.topic.existing_arn or sample_arn("sns", sample_name(self.topic))
        subscription = f"{topic_arn}:{sample_uuid(f'{topic_arn}/{fn.id}')}"
        attributes, body = self._sample_content()
        message_id = sample_uuid(f"{subscription}/message")
        region = self.topic_region() or SAMPLE_REGION
        return {
            "EventSource": "aws:sns",
            "EventVersion": "1.0",
            "EventSubscriptionArn": subscription,
            "Sns": {
                "Type": "Notification",
                "MessageId": message_id,
                "TopicArn": topic_arn,
                "Subject": None,
                "Message": json.dumps(body, sort_keys=True),
                "Timestamp": SAMPLE_TIME,
                "SignatureVersion": "1",
                "Signature": "EXAMPLE",
                "SigningCertUrl": f"https://sns.{region}.amazonaws.com/"
                                  "SimpleNotificationService-0000000000000000000000.pem",
                "UnsubscribeUrl": f"https://sns.{region}.amazonaws.com/?Action="
                                  f"Unsubscribe&SubscriptionArn={subscription}",
                "MessageAttributes": attributes,
            },
        }

    def _sample_content(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(message attributes, body) that the filter policy lets through."""
        policies = [self.filter_policy] if self.filter_policy else []
        if self.filter_policy_scope == "MessageBody":
            return {}, satisfying_any(policies, {"example": "message"})
        values = satisfying_any(policies, {})
        return {key: message_attribute(value) for key, value in sorted(values.items())}, {
            "example": "message"}


def message_attribute(value: Any) -> dict[str, str]:
    """An SNS message attribute holding `value` as the filter policy sees it: a string, a
    number, or an array (of strings, numbers, booleans, null)."""
    if isinstance(value, str):
        return {"Type": "String", "Value": value}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"Type": "Number", "Value": json.dumps(value)}
    return {"Type": "String.Array", "Value": json.dumps(value if isinstance(value, list)
                                                        else [value])}


