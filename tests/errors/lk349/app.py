"""LK349: two function URLs on one function (a function has at most one)."""

from lambdakit import App, Function
from lambdakit.events import FunctionUrl

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[FunctionUrl(), FunctionUrl(invoke_mode="RESPONSE_STREAM")],
)

app = App(name="lk349", functions=[worker])
