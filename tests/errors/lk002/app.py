"""LK002: a construct id that is not PascalCase."""

from lambdakit import App, Function

worker = Function(
    id="order-worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk002", functions=[worker])
