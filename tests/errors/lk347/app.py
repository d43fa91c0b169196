"""LK347: a throttle whose bucket holds nothing, so every request is rejected."""

from lambdakit import App, Function
from lambdakit.events import HttpApi, HttpApiEvent, Throttling

api = HttpApi(id="OrdersApi", throttling=Throttling(rate=100, burst=0))

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[HttpApiEvent(api=api, method="GET", path="/orders")],
)

app = App(name="lk347", functions=[worker])
