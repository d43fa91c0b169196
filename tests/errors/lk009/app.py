"""LK009: an app name that is not a valid stack name."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="orders_app", functions=[worker])
