"""LK343: a route path without its leading slash."""

from lambdakit import App, Function
from lambdakit.events import ApiEvent, RestApi

api = RestApi(id="OrdersApi")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ApiEvent(api=api, method="GET", path="orders/{id}")],
)

app = App(name="lk343", functions=[worker])
