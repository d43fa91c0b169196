"""HTTP API routes (`HttpApiEvent`) and the family's JWT authorizers."""

from __future__ import annotations

from lambdakit.events.http_api import HttpApiEvent, JwtAuthorizer
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events._web import check_apis, check_route, check_timeout


def check_http_api_event(ctx: RuleContext, fn: Function, source: HttpApiEvent) -> None:
    check_route(ctx, fn, source)
    check_timeout(ctx, fn, source, "HTTP API", q.API_HTTP_INTEGRATION_TIMEOUT_MAX_S)
    if source.scopes and not isinstance(source.effective_auth(), JwtAuthorizer):
        ctx.report("LK348", source, "scopes= applies only to routes with a JwtAuthorizer",
                   "give the route auth=JwtAuthorizer(...), or remove scopes=")


def check_authorizer(ctx: RuleContext, authorizer: JwtAuthorizer) -> None:
    if not authorizer.issuer.startswith("https://"):
        ctx.report("LK348", authorizer, f"issuer {authorizer.issuer!r} is not an https:// "
                                            "URL", "e.g. issuer='https://cognito-idp.REGION."
                                                   "amazonaws.com/USER_POOL_ID'")
        if not authorizer.audience:
            ctx.report("LK348", authorizer, "audience is empty: API Gateway would accept no "
                                            "token", "list the client ids the tokens are for")


# How rules/events finds this family's checks.
check_source = check_http_api_event
check_family = check_apis
