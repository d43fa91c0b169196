"""LK006: two Apps in one file, and neither is called `app`."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

orders = App(name="orders", functions=[worker])
refunds = App(name="refunds", functions=[worker])
