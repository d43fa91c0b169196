"""HTTP sources beyond one error case per code: path rules, clashes, authorizers, sample events
shaped by the route, and what compile declares for an API."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXED_DAY

from lambdakit import App, Function
from lambdakit.events import (
    ApiEvent,
    Cors,
    FunctionUrl,
    HttpApi,
    HttpApiEvent,
    LambdaAuthorizer,
    RestApi,
    Throttling,
)
from lambdakit.events.rest import route_name
from lambdakit.plan import plan_app
from lambdakit.rules import check_app
from lambdakit.rules.events._web import path_problem

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")


def _fn(fn_id: str = "Worker", **settings: object) -> Function:
    return Function(id=fn_id, handler="svc.handler.handle", code=CODE,  # type: ignore[arg-type]
                    runtime="python3.13", **settings)


def _codes(*functions: Function) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check_app(App(name="t", functions=list(functions)),
                                                   today=FIXED_DAY)]


@pytest.mark.parametrize(("path", "problem"), [
    ("/", ""),
    ("/orders/{id}", ""),
    ("/files/{key+}", ""),
    ("orders", "must start with '/'"),
    ("/orders/", "has an empty segment ('//' or a trailing '/')"),
    ("/a//b", "has an empty segment ('//' or a trailing '/')"),
    ("/{key+}/meta", "the greedy parameter {key+} must be the last segment"),
    ("/{id}/x/{id}", "parameter {id} appears twice"),
    ("/order-{id}", "segment 'order-{id}': a parameter is a whole segment, {name} or {name+}"),
    ("/a b", "segment 'a b' holds characters API Gateway does not route"),
])
def test_path_problems(path: str, problem: str) -> None:
    assert path_problem(path) == problem


def test_route_names_are_valid_event_names() -> None:
    assert route_name("POST", "/orders/{id}") == "PostOrdersId"
    assert route_name("ANY", "/") == "AnyRoot"
    assert route_name("GET", "/files/{key+}") == "GetFilesKey"


def test_a_parameter_has_one_name_per_position() -> None:
    api = HttpApi(id="Shop")
    found = _codes(_fn(events=[HttpApiEvent(api=api, method="GET", path="/items/{id}"),
                               HttpApiEvent(api=api, method="PUT", path="/items/{itemId}")]))
    assert [code for code, _ in found] == ["LK342"]
    assert "names it {id}" in found[0][1]


def test_public_reason_only_with_auth_none() -> None:
    api = RestApi(id="Shop")
    found = _codes(_fn(events=[ApiEvent(api=api, method="GET", path="/a", public="why")]))
    assert [code for code, _ in found] == ["LK340"]
    assert "public= is only for auth='none'" in found[0][1]


def test_a_public_api_needs_its_reason_once() -> None:
    api = RestApi(id="Shop", auth="none")
    found = _codes(_fn(events=[ApiEvent(api=api, method="GET", path="/a"),
                               ApiEvent(api=api, method="GET", path="/b")]))
    assert [code for code, _ in found] == ["LK340"]


@pytest.mark.parametrize(("timeout", "warned"), [(29, False), (30, True)])
def test_rest_timeout_limit(timeout: int, warned: bool) -> None:
    api = RestApi(id="Shop")
    found = _codes(_fn(timeout=timeout, events=[ApiEvent(api=api, method="GET", path="/a")]))
    assert ([code for code, _ in found] == ["LK341"]) is warned


@pytest.mark.parametrize(("timeout", "warned"), [(30, False), (31, True)])
def test_http_api_timeout_limit(timeout: int, warned: bool) -> None:
    api = HttpApi(id="Shop")
    found = _codes(_fn(timeout=timeout, events=[HttpApiEvent(api=api, method="GET", path="/a")]))
    assert ([code for code, _ in found] == ["LK341"]) is warned


def test_throttling_burst_above_the_account_is_unreachable() -> None:
    api = HttpApi(id="Shop", throttling=Throttling(rate=10, burst=6000))
    found = _codes(_fn(events=[HttpApiEvent(api=api, method="GET", path="/a")]))
    assert [code for code, _ in found] == ["LK347"]


@pytest.mark.parametrize("api", [RestApi(id="ServerlessRestApi"),
                                 RestApi.existing(name="legacy")])
def test_apis_the_app_cannot_route_on(api: RestApi) -> None:
    found = _codes(_fn(events=[ApiEvent(api=api, method="GET", path="/a")]))
    assert "LK349" in [code for code, _ in found]


def test_one_authorizer_on_many_routes_is_declared_once() -> None:
    check = _fn("Check")
    token = LambdaAuthorizer(name="Token", function=check)
    api = RestApi(id="Shop")
    worker = _fn(events=[ApiEvent(api=api, method="GET", path="/a", auth=token),
                         ApiEvent(api=api, method="GET", path="/b", auth=token)])
    app = App(name="t", functions=[worker])
    assert check_app(app, today=FIXED_DAY) == []
    assert [a.name for a in plan_app(app).authorizers(api)] == ["Token"]
    assert check in app.all_functions()  # the authorizer's function is part of the app


def test_two_authorizers_with_one_name_clash() -> None:
    api = RestApi(id="Shop")
    one = LambdaAuthorizer(name="Token", function=_fn("One"))
    two = LambdaAuthorizer(name="Token", function=_fn("Two"))
    found = _codes(_fn(events=[ApiEvent(api=api, method="GET", path="/a", auth=one),
                               ApiEvent(api=api, method="GET", path="/b", auth=two)]))
    assert [code for code, _ in found] == ["LK348"]


def test_rest_sample_event_is_shaped_by_the_route() -> None:
    api = RestApi(id="Shop", stage_name="v2")
    route = ApiEvent(api=api, method="ANY", path="/orders/{id}/items/{rest+}")
    event = route.sample_event(_fn(events=[route]))
    assert event["httpMethod"] == "GET"
    assert event["resource"] == "/orders/{id}/items/{rest+}"
    assert event["pathParameters"] == {"id": "id-1", "rest": "a/b"}
    assert event["path"] == "/orders/id-1/items/a/b"
    assert event["requestContext"]["stage"] == "v2"
    assert event["requestContext"]["path"] == "/v2/orders/id-1/items/a/b"


def test_http_api_sample_event_is_shaped_by_the_route() -> None:
    api = HttpApi(id="Shop")
    route = HttpApiEvent(api=api, method="POST", path="/carts/{id}")
    event = route.sample_event(_fn(events=[route]))
    assert event["routeKey"] == "POST /carts/{id}"
    assert event["rawPath"] == "/carts/id-1"
    assert event["pathParameters"] == {"id": "id-1"}
    assert event["requestContext"]["stage"] == "$default"
    assert "iam" in event["requestContext"]["authorizer"]


def test_public_url_sample_has_no_caller_identity() -> None:
    url = FunctionUrl(auth="none", public="webhook")
    event = url.sample_event(_fn(events=[url]))
    assert "authorizer" not in event["requestContext"]


@pytest.mark.parametrize(("origin", "refused"), [
    ("http://app.example.com", True),
    ("http://app.example.com:8080", True),
    ("https://app.example.com", False),
    ("http://localhost:3000", False),
    ("http://127.0.0.1", False),
    ("http://[::1]:5173", False),
    ("http://shop.localhost:3000", False),
    ("http://localhost.example.com", True),
])
def test_credentialed_cors_needs_https_origins_off_this_machine(origin: str,
                                                                 refused: bool) -> None:
    for events, api in (([FunctionUrl(cors=Cors(allow_origins=[origin],
                                                  allow_credentials=True))], None),
                        (None, HttpApi(id="Shop", cors=Cors(allow_origins=[origin],
                                                           allow_credentials=True)))):
        fn = _fn(events=events) if api is None else _fn(
            events=[HttpApiEvent(api=api, method="GET", path="/")])
        found = [m for c, m in _codes(fn) if c == "LK345"]
        assert bool(found) == refused, found
    plain = _fn(events=[FunctionUrl(cors=Cors(allow_origins=[origin]))])
    assert not [c for c, _ in _codes(plain) if c == "LK345"]
