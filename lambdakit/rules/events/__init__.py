"""Event-source checks, one module per family (as in `lambdakit.events`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.events import (
    DocumentDbEvent,
    DynamoDbStreamEvent,
    KinesisEvent,
    MqEvent,
    MskEvent,
    SelfManagedKafkaEvent,
    SqsEvent,
)
from lambdakit.model import EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.brokers import check_broker_event
from lambdakit.rules.events.common import check_event_names
from lambdakit.rules.events.sqs import check_shared_queues, check_sqs_event
from lambdakit.rules.events.streams import check_stream_event

SourceRule = Callable[[RuleContext, Function, Any], None]
AppRule = Callable[[RuleContext, list[Function]], None]

# One rule per source type: the checks that source needs against its function.
SOURCE_RULES: dict[type[EventSource], SourceRule] = {
    SqsEvent: check_sqs_event,
    KinesisEvent: check_stream_event,
    DynamoDbStreamEvent: check_stream_event,
    MskEvent: check_broker_event,
    SelfManagedKafkaEvent: check_broker_event,
    MqEvent: check_broker_event,
    DocumentDbEvent: check_broker_event,
}
# Checks across functions (two functions on one queue).
APP_RULES: tuple[AppRule, ...] = (check_shared_queues,)


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rule = SOURCE_RULES.get(type(source))
            if rule is not None:
                rule(ctx, fn, source)
    for app_rule in APP_RULES:
        app_rule(ctx, functions)
