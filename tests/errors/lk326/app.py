"""LK326: a table without a stream has nothing for Lambda to read."""

from lambdakit import App, Function, Queue, Table
from lambdakit.events import DynamoDbStreamEvent

orders = Table(id="Orders", partition_key="pk")
failed = Queue(id="FailedChanges")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[DynamoDbStreamEvent(table=orders, starting_position="LATEST", on_failure=failed)],
)

app = App(name="lk326", functions=[worker])
