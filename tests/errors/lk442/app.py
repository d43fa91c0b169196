"""LK442: a pre-traffic hook of a function that is never deployed gradually."""

from lambdakit import App, Function
from lambdakit.events import PreTrafficHook

checkout = Function(id="Checkout", handler="app.handler", code="src/", runtime="python3.13",
                    alias="live")
smoke_test = Function(
    id="SmokeTest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[PreTrafficHook(function=checkout)],
)

app = App(name="lk442", functions=[checkout, smoke_test])
