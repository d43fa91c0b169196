"""LK132: a Python handler without the function part."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk132", functions=[worker])
