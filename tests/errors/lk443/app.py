"""LK443: two pre-traffic hooks for one function's deployments."""

from lambdakit import App, Canary, Function
from lambdakit.events import PreTrafficHook

checkout = Function(id="Checkout", handler="app.handler", code="src/", runtime="python3.13",
                    alias="live", deployment=Canary(percent=10, minutes=5))
smoke_test = Function(id="SmokeTest", handler="app.handler", code="src/", runtime="python3.13",
                      events=[PreTrafficHook(function=checkout)])
replay = Function(
    id="Replay",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[PreTrafficHook(function=checkout)],
)

app = App(name="lk443", functions=[checkout, smoke_test, replay])
