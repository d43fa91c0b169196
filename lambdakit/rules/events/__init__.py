"""Event-source checks, one module per family (as in `lambdakit.events`)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from lambdakit.events._loaded import imported
from lambdakit.model import EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.common import check_event_names

SourceRule = Callable[[RuleContext, Function, Any], None]

# The family checks are imported by the apps that use the family, and only by them (with the
# family itself): each is named here as (module under lambdakit.rules.events, function).

# One rule per source type (the class's module and name): the checks that source needs
# against its function.
SOURCE_RULES: dict[tuple[str, str], tuple[str, str]] = {
    ("lambdakit.events.sqs", "SqsEvent"): ("sqs", "check_sqs_event"),
    ("lambdakit.events.rest", "ApiEvent"): ("http", "check_api_event"),
    ("lambdakit.events.http_api", "HttpApiEvent"): ("http", "check_http_api_event"),
    ("lambdakit.events.url", "FunctionUrl"): ("http", "check_function_url"),
    ("lambdakit.events.s3", "S3Event"): ("s3", "check_s3_event"),
    ("lambdakit.events.sns", "SnsEvent"): ("sns", "check_sns_event"),
    ("lambdakit.events.eventbridge", "EventBridgeRule"): ("eventbridge", "check_eventbridge_rule"),
    ("lambdakit.events.schedule", "ScheduleEvent"): ("schedule", "check_schedule"),
    ("lambdakit.events.cloudwatch_logs", "LogsSubscriptionEvent"): ("push_services",
                                                                     "check_logs_event"),
    ("lambdakit.events.cognito", "CognitoTrigger"): ("push_services", "check_cognito_trigger"),
    ("lambdakit.events.iot", "IotRuleEvent"): ("push_services", "check_iot_rule"),
    ("lambdakit.events.alexa", "AlexaSkillEvent"): ("push_services", "check_alexa_skill"),
    ("lambdakit.events.streams", "KinesisEvent"): ("streams", "check_stream_event"),
    ("lambdakit.events.streams", "DynamoDbStreamEvent"): ("streams", "check_stream_event"),
    ("lambdakit.events.brokers", "MskEvent"): ("brokers", "check_broker_event"),
    ("lambdakit.events.brokers", "SelfManagedKafkaEvent"): ("brokers", "check_broker_event"),
    ("lambdakit.events.brokers", "MqEvent"): ("brokers", "check_broker_event"),
    ("lambdakit.events.brokers", "DocumentDbEvent"): ("brokers", "check_broker_event"),
}
# Checks across functions (two functions on one queue, the routes of one API, overlapping
# bucket notifications, asynchronous invocation and destinations, log subscriptions, user
# pools), each with the families whose sources and APIs it looks at: it runs once one of them is
# imported (`imported`); one naming no family runs always.
APP_RULES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("sqs", "sns"), "sqs", "check_shared_queues"),
    (("rest", "http_api"), "http", "check_apis"),
    (("s3",), "s3", "check_overlapping_notifications"),
    (("s3",), "s3", "check_generated_bucket_names"),
    ((), "async_invocation", "check_async_invocation"),
    (("cloudwatch_logs",), "push_services", "check_log_subscriptions"),
    (("cognito",), "push_services", "check_cognito_pools"),
)


def _rule(module: str, name: str) -> Callable[..., Any]:
    rule: Callable[..., Any] = getattr(import_module(f"{__name__}.{module}"), name)
    return rule


def source_rule(source: EventSource) -> SourceRule | None:
    kind = type(source)
    found = SOURCE_RULES.get((kind.__module__, kind.__qualname__))
    return None if found is None else _rule(*found)


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rule = source_rule(source)
            if rule is not None:
                rule(ctx, fn, source)
    for families, module, name in APP_RULES:
        if not families or imported(*families):
            _rule(module, name)(ctx, functions)
