"""LK348: a token authorizer given two headers (it reads exactly one)."""

from lambdakit import App, Function
from lambdakit.events import ApiEvent, LambdaAuthorizer, RestApi

check = Function(id="Check", handler="app.handler", code="src/", runtime="python3.13")
api = RestApi(
    id="OrdersApi",
    auth=LambdaAuthorizer(name="Token", function=check,
                          identity_headers=["Authorization", "X-Tenant"]),
)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ApiEvent(api=api, method="GET", path="/orders")],
)

app = App(name="lk348", functions=[worker])
