"""LK101: memory below Lambda's minimum."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    memory=64,
)

app = App(name="lk101", functions=[worker])
