"""REST API routes (`ApiEvent`) and the authorizers of the REST family (Lambda, Cognito)."""

from __future__ import annotations

import re

from lambdakit.events.rest import ApiEvent, CognitoAuthorizer, LambdaAuthorizer
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events._web import check_apis, check_route, check_timeout


def check_api_event(ctx: RuleContext, fn: Function, source: ApiEvent) -> None:
    check_route(ctx, fn, source)
    check_timeout(ctx, fn, source, "REST API", q.API_REST_INTEGRATION_TIMEOUT_DEFAULT_S)


def check_authorizer(ctx: RuleContext, authorizer: LambdaAuthorizer | CognitoAuthorizer) -> None:
    if isinstance(authorizer, LambdaAuthorizer):
        ttl = q.LAMBDA_AUTHORIZER_TTL_MAX_S
        if not 0 <= authorizer.cache_ttl <= ttl.value:
            ctx.report("LK348", authorizer, f"cache_ttl must be 0–{ttl.value} s (got "
                                            f"{authorizer.cache_ttl})", ttl.source)
        headers = authorizer.identity_headers
        if authorizer.type == "token" and len(headers) != 1:
            ctx.report("LK348", authorizer, f"a token authorizer reads exactly one header (got "
                                            f"{len(headers)})",
                       "identity_headers=['Authorization'], or type='request' for several")
        elif authorizer.type == "request" and authorizer.cache_ttl and not headers:
            ctx.report("LK348", authorizer, "a cached request authorizer needs "
                                            "identity_headers: they key its cache",
                       "identity_headers=['Authorization'], or cache_ttl=0")
    elif not re.match(r"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool/[\w-]+$",
                    authorizer.user_pool_arn):
        ctx.report("LK348", authorizer, f"user_pool_arn {authorizer.user_pool_arn!r} is not "
                                        "a Cognito user pool ARN",
                   "arn:aws:cognito-idp:REGION:ACCOUNT:userpool/REGION_ID")


# How rules/events finds this family's checks.
check_source = check_api_event
check_family = check_apis
