"""LK342: two functions route the same method and path on one API."""

from lambdakit import App, Function
from lambdakit.events import HttpApi, HttpApiEvent

api = HttpApi(id="OrdersApi")

reader = Function(
    id="Reader",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[HttpApiEvent(api=api, method="GET", path="/orders/{id}")],
)
legacy = Function(
    id="Legacy",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[HttpApiEvent(api=api, method="GET", path="/orders/{orderId}")],
)

app = App(name="lk342", functions=[reader, legacy])
