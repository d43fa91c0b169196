"""LK311: batches over 10 messages need a batching window."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox, batch_size=100)],
)

app = App(name="lk311", functions=[worker])
