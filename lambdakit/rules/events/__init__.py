"""Event-source checks, one module per family (as in `lambdakit.events`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.events import EventBridgeRule, S3Event, ScheduleEvent, SnsEvent, SqsEvent
from lambdakit.model import EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.common import check_event_names
from lambdakit.rules.events.eventbridge import check_eventbridge_rule
from lambdakit.rules.events.s3 import check_overlapping_notifications, check_s3_event
from lambdakit.rules.events.schedule import check_schedule
from lambdakit.rules.events.sns import check_sns_event
from lambdakit.rules.events.sqs import check_shared_queues, check_sqs_event

SourceRule = Callable[[RuleContext, Function, Any], None]
AppRule = Callable[[RuleContext, list[Function]], None]

# One rule per source type: the checks that source needs against its function.
SOURCE_RULES: dict[type[EventSource], SourceRule] = {
    SqsEvent: check_sqs_event,
    S3Event: check_s3_event,
    SnsEvent: check_sns_event,
    EventBridgeRule: check_eventbridge_rule,
    ScheduleEvent: check_schedule,
}
# Checks across functions (two functions on one queue).
APP_RULES: tuple[AppRule, ...] = (check_shared_queues, check_overlapping_notifications)


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rule = SOURCE_RULES.get(type(source))
            if rule is not None:
                rule(ctx, fn, source)
    for app_rule in APP_RULES:
        app_rule(ctx, functions)
