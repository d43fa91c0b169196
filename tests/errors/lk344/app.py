"""LK344: a method in lower case."""

from lambdakit import App, Function
from lambdakit.events import HttpApi, HttpApiEvent

api = HttpApi(id="OrdersApi")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[HttpApiEvent(api=api, method="post", path="/orders")],
)

app = App(name="lk344", functions=[worker])
