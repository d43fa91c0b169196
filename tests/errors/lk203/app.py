"""LK203: a queue's ARN passed to Table.existing()."""

from lambdakit import App, Function, Table

orders = Table.existing(arn="arn:aws:sqs:eu-west-1:123456789012:orders")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[orders.read()],
)

app = App(name="lk203", functions=[worker])
