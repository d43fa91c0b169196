"""Event-source checks, one module per family (as in `lambdakit.events`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lambdakit.events import (
    AlexaSkillEvent,
    ApiEvent,
    CognitoTrigger,
    FunctionUrl,
    HttpApiEvent,
    IotRuleEvent,
    LogsSubscriptionEvent,
    SqsEvent,
)
from lambdakit.model import App, EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.async_invocation import check_async_invocation
from lambdakit.rules.events.common import check_event_names
from lambdakit.rules.events.http import (
    authorizer_permission_count,
    check_api_event,
    check_apis,
    check_function_url,
    check_http_api_event,
)
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
    ApiEvent: check_api_event,
    HttpApiEvent: check_http_api_event,
    FunctionUrl: check_function_url,
    LogsSubscriptionEvent: check_logs_event,
    CognitoTrigger: check_cognito_trigger,
    IotRuleEvent: check_iot_rule,
    AlexaSkillEvent: check_alexa_skill,
}
# Checks across functions (two functions on one queue, the routes of one API, asynchronous
# invocation and destinations, log subscriptions, user pools).
APP_RULES: tuple[AppRule, ...] = (check_shared_queues, check_apis, check_async_invocation,
                                  check_log_subscriptions, check_cognito_pools)
# Resources the SAM transform adds once per app-wide thing rather than per source or resource
# (a Lambda authorizer's permission, one per API it guards): counted towards the stack limit.
EXTRA_RESOURCE_COUNTS: tuple[Callable[[App], int], ...] = (authorizer_permission_count,)


def extra_resource_count(app: App) -> int:
    return sum(count(app) for count in EXTRA_RESOURCE_COUNTS)


def check_events(ctx: RuleContext, functions: list[Function]) -> None:
    for fn in functions:
        check_event_names(ctx, fn)
        for source in fn.live_events():
            rule = SOURCE_RULES.get(type(source))
            if rule is not None:
                rule(ctx, fn, source)
    for app_rule in APP_RULES:
        app_rule(ctx, functions)
