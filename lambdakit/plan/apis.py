"""The app's APIs as the plan sees them: the routes on each, with their functions, and the
authorizers each declares."""

from __future__ import annotations

from lambdakit.events import (
    ApiEvent,
    CognitoAuthorizer,
    HttpApi,
    HttpApiEvent,
    JwtAuthorizer,
    LambdaAuthorizer,
    RestApi,
)
from lambdakit.model import App, Function

Route = ApiEvent | HttpApiEvent
Api = RestApi | HttpApi
Authorizer = CognitoAuthorizer | LambdaAuthorizer | JwtAuthorizer


def route_index(app: App) -> dict[int, list[tuple[Function, Route]]]:
    """`id(api)` → the routes on it, with their functions, in the app's order."""
    found: dict[int, list[tuple[Function, Route]]] = {}
    for fn in app.all_functions():
        for source in fn.live_events():
            if isinstance(source, ApiEvent | HttpApiEvent):
                found.setdefault(id(source.api), []).append((fn, source))
    return found


def declared_authorizers(api: Api, routes: list[tuple[Function, Route]]) -> list[Authorizer]:
    """The authorizers `api` declares: its default's and its routes', one per name, by name."""
    found: dict[str, Authorizer] = {}
    for candidate in (api.auth, *(route.auth for _, route in routes)):
        if isinstance(candidate, CognitoAuthorizer | LambdaAuthorizer | JwtAuthorizer) \
                and not candidate.broken:
            found.setdefault(candidate.name, candidate)
    return [found[name] for name in sorted(found)]
