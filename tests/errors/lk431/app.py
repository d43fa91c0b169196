"""LK431: SnapStart on Node.js, which it does not support."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="nodejs22.x",
    alias="live",
    snap_start=True,
)

app = App(name="lk431", functions=[worker])
