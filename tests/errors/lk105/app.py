"""LK105: ephemeral storage above Lambda's maximum."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    ephemeral_storage=20480,
)

app = App(name="lk105", functions=[worker])
