"""The app's APIs as the plan sees them: the routes on each, with their functions, and the
authorizers each declares. Found by asking the sources (`routed_api`), so an app without APIs
never loads the HTTP families."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from lambdakit.model import App, Construct, Function

if TYPE_CHECKING:
    from lambdakit.events import (
        ApiEvent,
        CognitoAuthorizer,
        HttpApi,
        HttpApiEvent,
        JwtAuthorizer,
        LambdaAuthorizer,
        RestApi,
    )

    Route = ApiEvent | HttpApiEvent
    Api = RestApi | HttpApi
    Authorizer = CognitoAuthorizer | LambdaAuthorizer | JwtAuthorizer


def route_index(app: App) -> dict[int, list[tuple[Function, Route]]]:
    """`id(api)` → the routes on it, with their functions, in the app's order."""
    found: dict[int, list[tuple[Function, Route]]] = {}
    for fn in app.all_functions():
        for source in fn.live_events():
            api = source.routed_api()
            if api is not None:
                found.setdefault(id(api), []).append((fn, cast("Route", source)))
    return found


def declared_authorizers(api: Api, routes: list[tuple[Function, Route]]) -> list[Authorizer]:
    """The authorizers `api` declares: its default's and its routes', one per name, by name."""
    found: dict[str, Authorizer] = {}
    for candidate in (api.auth, *(route.auth for _, route in routes)):
        if isinstance(candidate, Construct) and candidate.kind == "authorizer" \
                and not candidate.broken:
            found.setdefault(candidate.name, candidate)
    return [found[name] for name in sorted(found)]
