"""LK134: a handler whose module is not in the code directory (a warning)."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="orders.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk134", functions=[worker])
