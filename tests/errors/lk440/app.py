"""LK440: a gradual deployment of a function that publishes no versions."""

from lambdakit import App, Canary, Function

checkout = Function(
    id="Checkout",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    deployment=Canary(percent=10, minutes=5),
)

app = App(name="lk440", functions=[checkout])
