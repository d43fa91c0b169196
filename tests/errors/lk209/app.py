"""LK209: an owned table without a partition key."""

from lambdakit import App, Function, Table

orders = Table(id="Orders")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[orders.read()],
)

app = App(name="lk209", functions=[worker])
