"""What the HTTP families share: a route's method, path, auth and timeout, and each API's
stage, throttle, CORS, authorizers and route conflicts. The checks of one family's sources are
in its own module (`rest`, `http_api`, `url`); each family's authorizers are checked by its
module's `check_authorizer`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from lambdakit.events._web import (
    DEFAULT_STAGE,
    HTTP_METHODS,
    LITERAL_SEGMENT,
    PATH_PARAMETER,
    route_key,
)
from lambdakit.limits import quotas as q
from lambdakit.model import Construct, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.families import family_rules

if TYPE_CHECKING:
    from lambdakit.events import (
        ApiEvent,
        CognitoAuthorizer,
        Cors,
        HttpApi,
        HttpApiEvent,
        JwtAuthorizer,
        LambdaAuthorizer,
        RestApi,
        Throttling,
    )

    Route = ApiEvent | HttpApiEvent
    Api = RestApi | HttpApi
    Authorizer = CognitoAuthorizer | LambdaAuthorizer | JwtAuthorizer

RELAXED = ("without_access_logs", "without_tracing")
# Logical ids SAM gives its implicit APIs (samtranslator's implicit API plugins).
SAM_IMPLICIT_API_IDS = frozenset({"ServerlessRestApi", "ServerlessHttpApi"})
# Hosts a credentialed CORS origin may name over plain http: the browser's own machine.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


# --------------------------------------------------------------------------- per route

def check_route(ctx: RuleContext, fn: Function, source: Route) -> None:
    if source.method not in HTTP_METHODS:
        upper = source.method.upper()
        hint = (f"write method={upper!r}: methods are upper case" if upper in HTTP_METHODS
                else f"one of {', '.join(HTTP_METHODS)}")
        ctx.report("LK344", source, f"method {source.method!r} is not an HTTP method API "
                                    "Gateway routes", hint)
    problem = path_problem(source.path)
    if problem:
        ctx.report("LK343", source, f"path {source.path!r}: {problem}",
                   "e.g. path='/orders/{id}', or path='/files/{key+}' for the rest of the path")
    if source.auth is None and source.public is None:
        return  # the API's default, checked once on the API
    check_public(ctx, source, source.auth, source.public, type(source).__name__)


def path_problem(path: str) -> str:
    """What is wrong with a route path, or "" when nothing is."""
    if not path.startswith("/"):
        return "must start with '/'"
    if path == "/":
        return ""
    segments = path[1:].split("/")
    names: list[str] = []
    for number, segment in enumerate(segments, start=1):
        if not segment:
            return "has an empty segment ('//' or a trailing '/')"
        match = PATH_PARAMETER.match(segment)
        if match:
            if match[2] and number != len(segments):
                return f"the greedy parameter {segment} must be the last segment"
            if match[1] in names:
                return f"parameter {{{match[1]}}} appears twice"
            names.append(match[1])
        elif "{" in segment or "}" in segment:
            return (f"segment {segment!r}: a parameter is a whole segment, {{name}} or "
                    "{name+}")
        elif not LITERAL_SEGMENT.match(segment):
            return f"segment {segment!r} holds characters API Gateway does not route"
    return ""


def check_timeout(ctx: RuleContext, fn: Function, source: Route, kind: str,
                   quota: q.Quota) -> None:
    limit, url = quota.value, quota.source
    if fn.timeout > limit:
        ctx.report("LK341", source,
                   f"{fn.id} may run {fn.timeout} s, but the {kind} gives up after {limit} s: "
                   "the caller gets a 504 while the function runs on (and is billed)",
                   f"set timeout={limit} or less on {fn.id}, or answer 202 at once and hand the "
                   "work to a queue or an asynchronous invocation; " + url, owner=fn)


def check_public(ctx: RuleContext, construct: Construct, auth: object, public: str | None,
                  what: str) -> None:
    if auth == "none" and not (public and public.strip()):
        ctx.report("LK340", construct,
                   f"{what} with auth='none' is open to anyone on the internet and needs a "
                   "reason", 'say why it is public: public="a public read-only price list", or '
                   "leave auth unset for IAM (SigV4) callers")
    elif auth != "none" and public is not None:
        ctx.report("LK340", construct,
                   f"public= is only for auth='none'; this {what} is not public (auth="
                   f"{_auth_label(auth)})", "remove public=, or set auth='none'")


def _auth_label(auth: object) -> str:
    if auth is None:
        return "unset, the API's"
    return repr(auth) if isinstance(auth, str) else type(auth).__name__


# --------------------------------------------------------------------------- per API

def check_apis(ctx: RuleContext, functions: list[Function]) -> None:
    seen: dict[int, Api] = {}
    for fn in functions:
        for source in fn.live_events():
            api = source.routed_api()
            if api is not None and not api.broken:
                seen.setdefault(id(api), cast("Api", api))
    for api in seen.values():
        _check_api(ctx, api)


def _check_api(ctx: RuleContext, api: Api) -> None:
    if api.is_existing:
        ctx.report("LK349", api, f"{api.id} is an existing API: lambdakit adds routes only to "
                                 "APIs the app owns", f"declare the API: {type(api).__name__}("
                                 f"id={api.id!r}), or route to the function from the API's own "
                                 "stack")
        return
    if api.id in SAM_IMPLICIT_API_IDS:
        ctx.report("LK349", api, f"the id {api.id!r} is SAM's implicit API's: SAM swaps its own "
                                 "API in while it processes the routes, dropping these settings",
                   f"give the API another id, e.g. id={api.id.removeprefix('Serverless')!r}")
    check_public(ctx, api, api.auth, api.public, type(api).__name__)
    _check_stage(ctx, api)
    if api.throttling is not None:
        _check_throttling(ctx, api, api.throttling)
    cors = getattr(api, "cors", None)  # HTTP APIs only
    if cors is not None:
        check_cors(ctx, cors, function_url=False)
    if api.access_log_retention_days not in q.LOG_RETENTION_ALLOWED_DAYS:
        ctx.report("LK150", api, f"access_log_retention_days={api.access_log_retention_days} "
                                 "is not a retention CloudWatch Logs accepts",
                   f"one of {', '.join(map(str, q.LOG_RETENTION_ALLOWED_DAYS))}; "
                   + q.LOG_RETENTION_SOURCE)
    for field in RELAXED:
        reason = getattr(api, field, None)
        if reason is not None and not reason.strip():
            ctx.report("LK213", api, f"{field} needs a reason (got {reason!r})",
                       f'say why the default does not fit here: {field}="..."; it is written '
                       "into the template's Metadata")
    routes = ctx.plan.routes(api)
    _check_route_conflicts(ctx, api, routes)
    _check_authorizers(ctx, api, routes)


def _check_stage(ctx: RuleContext, api: Api) -> None:
    stage = api.stage_name
    if api.kind == "http_api" and stage == DEFAULT_STAGE:
        return
    if not re.match(q.APIGW_STAGE_NAME_PATTERN, stage):
        most = q.APIGW_STAGE_NAME_MAX_CHARS.value
        ctx.report("LK346", api, f"stage_name {stage!r}: stage names are 1–{most} letters, "
                                 "digits, hyphens or underscores",
                   f"e.g. stage_name={re.sub(r'[^A-Za-z0-9_-]', '-', stage)[:most] or 'api'!r}; "
                   + q.APIGW_STAGE_NAME_SOURCE)


def _check_throttling(ctx: RuleContext, api: Api, throttling: Throttling) -> None:
    rate, burst = throttling.rate, throttling.burst
    if rate < 0 or burst < 0:
        ctx.report("LK347", api, f"throttling rate and burst must not be negative (got "
                                 f"rate={rate:g}, burst={burst})",
                   "rate is requests per second, burst the most accepted at once")
    elif rate > 0 and burst < 1:
        ctx.report("LK347", api, f"throttling burst={burst} with rate={rate:g}: a bucket of size "
                                 "0 rejects every request", "set burst=1 or more")
    elif burst > q.APIGW_THROTTLE_BURST_ACCOUNT.value:
        ctx.report("LK347", api,
                   f"throttling burst={burst} is above the account's burst of "
                   f"{q.APIGW_THROTTLE_BURST_ACCOUNT.value}: the stage can never reach it",
                   f"set burst={q.APIGW_THROTTLE_BURST_ACCOUNT.value} or less; "
                   + q.APIGW_THROTTLE_BURST_ACCOUNT.source)


def check_cors(ctx: RuleContext, cors: Cors, *, function_url: bool) -> None:
    if cors.broken:
        return
    if "*" in cors.allow_origins and cors.allow_credentials:
        ctx.report("LK345", cors, "allow_origins=['*'] with allow_credentials=True: browsers "
                                  "refuse credentials for a wildcard origin",
                   "list the origins that send credentials, "
                   "allow_origins=['https://app.example.com']")
    if cors.allow_credentials:
        for origin in cors.allow_origins:
            if origin.startswith("http://") and not _is_loopback(origin):
                ctx.report("LK345", cors,
                           f"origin {origin!r} with allow_credentials=True: a page served over "
                           "plain HTTP can be rewritten on the way, and the rewritten page then "
                           "calls with the user's credentials",
                           f"use {'https://' + origin.removeprefix('http://')!r}; only loopback "
                           "origins (http://localhost, 127.0.0.1, [::1]) may stay http")
    if not 0 <= cors.max_age <= q.CORS_MAX_AGE_MAX_S.value:
        ctx.report("LK345", cors, f"max_age must be 0–{q.CORS_MAX_AGE_MAX_S.value} s (got "
                                  f"{cors.max_age})", q.CORS_MAX_AGE_MAX_S.source)
    for origin in cors.allow_origins:
        if origin != "*" and not re.match(r"^https?://[^/\s]+$", origin):
            ctx.report("LK345", cors, f"origin {origin!r} is not scheme://host[:port]",
                       "e.g. 'https://app.example.com' (no path, no trailing '/')")
    allowed = q.FUNCTION_URL_CORS_METHODS if function_url else {*HTTP_METHODS, "*"} - {"ANY"}
    for method in cors.allow_methods:
        if method not in allowed:
            ctx.report("LK345", cors, f"allow_methods: {method!r} is not accepted here",
                       f"one of {', '.join(sorted(allowed))}"
                       + (f"; {q.FUNCTION_URL_CORS_METHODS_SOURCE}" if function_url else ""))


def _is_loopback(origin: str) -> bool:
    """An origin on this machine: its traffic never crosses a network, and browsers treat it as
    a secure context (W3C Secure Contexts: "potentially trustworthy")."""
    host = re.sub(r":\d+$", "", origin.split("://", 1)[-1])
    return host in LOOPBACK_HOSTS or host.endswith(".localhost")


def _check_route_conflicts(ctx: RuleContext, api: Api,
                           routes: list[tuple[Function, Route]]) -> None:
    """One method and path once per API; one parameter name per position."""
    taken: dict[tuple[str, str], Route] = {}
    names: dict[str, tuple[str, Route]] = {}
    for fn, route in routes:
        if route.method not in HTTP_METHODS or path_problem(route.path):
            continue  # LK343/LK344 already
        key = route_key(route.method, route.path)
        first = taken.setdefault(key, route)
        if first is not route:
            ctx.report("LK342", route,
                       f"{route.method} {route.path} is already routed on {api.id} (at "
                       f"{first.origin.display()}): API Gateway keeps one integration per "
                       "method and path", "give one of them another path or method", owner=fn)
            continue
        prefix = ""
        for segment in route.path.strip("/").split("/"):
            match = PATH_PARAMETER.match(segment)
            position = prefix + ("/{}" if match else f"/{segment}")
            if match:
                other = names.setdefault(position, (match[1], route))
                if other[0] != match[1]:
                    ctx.report("LK342", route,
                               f"{route.path} names the parameter after "
                               f"'{prefix or '/'}' {{{match[1]}}}, {other[1].path} (at "
                               f"{other[1].origin.display()}) names it {{{other[0]}}}: API "
                               "Gateway takes one name per position",
                               f"use {{{other[0]}}} in both", owner=fn)
            prefix = position


def _check_authorizers(ctx: RuleContext, api: Api, routes: list[tuple[Function, Route]]) -> None:
    seen: dict[str, Authorizer] = {}
    candidates: list[Any] = [api.auth, *(route.auth for _, route in routes)]
    for candidate in candidates:
        if not isinstance(candidate, Construct) or candidate.kind != "authorizer" \
                or candidate.broken:
            continue  # not an authorizer, or an invalid one (already reported)
        authorizer = cast("Authorizer", candidate)
        first = seen.setdefault(authorizer.name, authorizer)
        if first is not authorizer:
            ctx.report("LK348", authorizer,
                       f"{api.id} already has an authorizer named {authorizer.name!r} (at "
                       f"{first.origin.display()})",
                       "pass the same authorizer object to every route, or name them apart")
            continue
        check = getattr(family_rules(type(authorizer)), "check_authorizer", None)
        if check is not None:
            check(ctx, authorizer)
