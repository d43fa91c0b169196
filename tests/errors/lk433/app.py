"""LK433: SnapStart on a function that publishes no version."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    snap_start=True,
)

app = App(name="lk433", functions=[worker])
