"""Event-source checks, one module per family (as in `lambdakit.events`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.events import (
    AlexaSkillEvent,
    CognitoTrigger,
    IotRuleEvent,
    LogsSubscriptionEvent,
    SqsEvent,
)
from lambdakit.model import EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.async_invocation import check_async_invocation
from lambdakit.rules.events.common import check_event_names
from lambdakit.rules.events.push_services import (
    check_alexa_skill,
    check_cognito_pools,
    check_cognito_trigger,
    check_iot_rule,
    check_log_subscriptions,
    check_logs_event,
)
from lambdakit.rules.events.sqs import check_shared_queues, check_sqs_event

SourceRule = Callable[[RuleContext, Function, Any], None]
AppRule = Callable[[RuleContext, list[Function]], None]

# One rule per source type: the checks that source needs against its function.
SOURCE_RULES: dict[type[EventSource], SourceRule] = {
    SqsEvent: check_sqs_event,
    LogsSubscriptionEvent: check_logs_event,
    CognitoTrigger: check_cognito_trigger,
    IotRuleEvent: check_iot_rule,
    AlexaSkillEvent: check_alexa_skill,
}
# Checks across functions (two functions on one queue).
APP_RULES: tuple[AppRule, ...] = (check_shared_queues, check_async_invocation,
                                  check_log_subscriptions, check_cognito_pools)


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rule = SOURCE_RULES.get(type(source))
            if rule is not None:
                rule(ctx, fn, source)
    for app_rule in APP_RULES:
        app_rule(ctx, functions)
