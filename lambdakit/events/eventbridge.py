"""EventBridge: a rule on an event bus sends matching events to the function, asynchronously."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lambdakit.events._delivery import EVENTS_SERVICE, delivery_properties
from lambdakit.events._patterns import satisfying_any
from lambdakit.events._samples import SAMPLE_ACCOUNT, SAMPLE_REGION, sample_uuid
from lambdakit.model import Binding, EventBus, EventSource, Queue, Ref
from lambdakit.model.event_source import Delivery
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

SAMPLE_TIME = "2026-01-01T00:00:00Z"


def literal_pattern(pattern: dict[str, Any]) -> dict[str, Any]:
    """The user's pattern as CloudFormation will read it: literally. A one-key object keyed
    `Ref`, `Condition` or `Fn::...` (a detail field of that name) would be read as an intrinsic
    function, so such a pattern goes as JSON text, which `EventPattern` takes as well; SAM
    wants an object for `Pattern`, hence the one-part `Fn::Join` around the text."""
    if not _reads_as_intrinsic(pattern):
        return pattern
    return {"Fn::Join": ["", [json.dumps(pattern, sort_keys=True, separators=(",", ":"))]]}


def _reads_as_intrinsic(value: Any) -> bool:
    if isinstance(value, list):
        return any(_reads_as_intrinsic(item) for item in value)
    if not isinstance(value, dict):
        return False
    if len(value) == 1:
        (key,) = value
        if key in ("Ref", "Condition") or str(key).startswith("Fn::"):
            return True
    return any(_reads_as_intrinsic(item) for item in value.values())


class EventBridgeRule(EventSource):
    """Events on `bus` (the account's default bus when unset) that match `pattern`. The target
    receives the event itself, or `input` (a constant), `input_path` (a part of the event) or
    `input_template` filled from `input_paths`. Events EventBridge cannot deliver after
    `retry_attempts` or `max_event_age` go to `dead_letter_queue`, which lambdakit opens to
    this rule only. Lambda's invoke permission is scoped to the rule's ARN."""

    sam_type = "EventBridgeRule"
    invocation = "async"

    pattern: dict[str, Any]
    bus: Instance[EventBus] | None = None
    input: dict[str, Any] | None = None
    input_path: str | None = None
    input_paths: dict[str, str] | None = None
    input_template: str | None = None
    # EventBridge's own retries of the delivery to Lambda (RetryPolicy): 0–185 attempts, for
    # 60–86,400 s; EventBridge's defaults are 185 and 24 hours.
    retry_attempts: int | None = None
    max_event_age: int | None = None
    dead_letter_queue: Instance[Queue] | None = None
    enabled: bool = True

    def default_name(self) -> str:
        return f"On{self.bus.id}" if self.bus is not None else "OnDefaultBus"

    def referenced_constructs(self) -> list[Construct]:
        return [c for c in (self.bus, self.dead_letter_queue) if c is not None]

    def derived_ids(self, fn: Function) -> list[str | None]:
        # The rule and its permission; a dead-letter queue's delivery policy is one per queue,
        # however many senders share it, and counted with the queue (`plan.queue_senders`).
        rule = self.rule_id(fn)
        return [rule, f"{rule}Permission"]

    def delivered_queue(self, fn: Function) -> Delivery | None:
        if self.dead_letter_queue is None:
            return None
        return Delivery(self.dead_letter_queue, EVENTS_SERVICE,
                        {"Fn::GetAtt": [self.rule_id(fn), "Arn"]})

    def rule_id(self, fn: Function) -> str:
        """The logical id SAM gives the rule (the function's id and the event's name)."""
        return f"{fn.id}{self.event_name()}"

    def bind(self, fn: Function) -> Binding:
        properties: dict[str, Any] = {"Pattern": literal_pattern(self.pattern)}
        if self.bus is not None:
            properties["EventBusName"] = Ref(self.bus, "Name", EventBus.env_max_bytes)
        if self.input is not None:
            properties["Input"] = json.dumps(self.input, sort_keys=True, separators=(",", ":"))
        if self.input_path is not None:
            properties["InputPath"] = self.input_path
        if self.input_template is not None:
            transformer: dict[str, Any] = {"InputTemplate": self.input_template}
            if self.input_paths:
                transformer["InputPathsMap"] = dict(sorted(self.input_paths.items()))
            properties["InputTransformer"] = transformer
        properties.update(delivery_properties(self.retry_attempts, self.max_event_age,
                                              self.dead_letter_queue))
        if not self.enabled:
            properties["State"] = "DISABLED"
        return Binding(properties)

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """An event of the kind given, changed to match the rule's pattern."""
        return satisfying_any([self.pattern], {
            "version": "0",
            "id": sample_uuid(f"{self.rule_id(fn)}/event"),
            "detail-type": "Example",
            "source": "com.example.orders",
            "account": SAMPLE_ACCOUNT,
            "time": SAMPLE_TIME,
            "region": SAMPLE_REGION,
            "resources": [],
            "detail": {},
        })

