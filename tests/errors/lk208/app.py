"""LK208: read access to the stream of a table that has no stream."""

from lambdakit import App, Function, Table

orders = Table(id="Orders", partition_key="pk")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[orders.read_stream()],
)

app = App(name="lk208", functions=[worker])
