"""LK001: a field given the wrong type (a string where memory takes an int)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    memory="512",
)

app = App(name="lk001", functions=[worker])
