"""SNS: a topic delivers each message to the function, asynchronously."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import InstanceOf

from lambdakit.events._samples import (
    SAMPLE_REGION,
    matching_document,
    sample_arn,
    sample_name,
    sample_uuid,
)
from lambdakit.model import Binding, EventSource, Ref, Topic

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

SAMPLE_TIME = "2026-01-01T00:00:00.000Z"


class SnsEvent(EventSource):
    """Messages published to `topic` (owned, or `Topic.existing(arn=...)`, in any Region).
    `filter_policy` delivers only matching messages, judged on their attributes or, with
    `filter_policy_scope="MessageBody"`, on their JSON body. SNS's invoke permission is scoped
    to the topic's ARN."""

    sam_type = "SNS"
    invocation = "async"

    topic: InstanceOf[Topic]
    filter_policy: dict[str, Any] | None = None
    filter_policy_scope: Literal["MessageAttributes", "MessageBody"] = "MessageAttributes"

    def default_name(self) -> str:
        return f"From{self.topic.id}"

    def referenced_constructs(self) -> list[Construct]:
        return [self.topic]

    def generated_ids(self, fn: Function) -> list[str]:
        subscription = f"{fn.id}{self.event_name()}"
        return [subscription, f"{subscription}Permission"]

    def deployed_resource_count(self) -> int:
        return 2  # the subscription and the invoke permission

    def topic_region(self) -> str | None:
        """The Region of an existing topic's ARN: the subscription is made there."""
        parts = (self.topic.existing_arn or "").split(":")
        return parts[3] if len(parts) >= 6 and parts[3] else None

    def bind(self, fn: Function) -> Binding:
        properties: dict[str, Any] = {"Topic": Ref(self.topic, "Arn", 320)}
        region = self.topic_region()
        if region:
            properties["Region"] = region
        if self.filter_policy is not None:
            properties["FilterPolicy"] = self.filter_policy
            properties["FilterPolicyScope"] = self.filter_policy_scope
        return Binding(properties)

    def sample_event(self, fn: Function) -> dict[str, Any]:
        topic_arn = self.topic.existing_arn or sample_arn("sns", sample_name(self.topic))
        subscription = f"{topic_arn}:{sample_uuid(f'{topic_arn}/{fn.id}')}"
        attributes, body = self._sample_content()
        message_id = sample_uuid(f"{subscription}/message")
        region = self.topic_region() or SAMPLE_REGION
        return {"Records": [{
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
        }]}

    def _sample_content(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(message attributes, body) that the filter policy lets through, where its values
        are plain: the first exact string or number of each key."""
        matching = matching_document(self.filter_policy or {})
        if self.filter_policy_scope == "MessageBody":
            return {}, {"example": "message", **matching}
        attributes = {key: {"Type": "String" if isinstance(value, str) else "Number",
                            "Value": str(value)} for key, value in sorted(matching.items())
                      if isinstance(value, str | int | float) and not isinstance(value, bool)}
        return attributes, {"example": "message"}

