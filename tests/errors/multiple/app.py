"""Several bad constructs in one file are reported together, in file order."""

from lambdakit import App, Function

orders = Function(
    id="Orders",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    memory="1024",
)

refunds = Function(
    id="Refunds",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    timeout=3600,
)

receipts = Function(
    id="Receipts",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    environment={"receipt-bucket": "receipts"},
)

app = App(name="multiple", functions=[orders, refunds, receipts])
