"""LK315: six filters, one more than Lambda takes by default."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")
kinds = ["order", "refund", "invoice", "credit", "return", "quote"]

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox, filters=[{"body": {"kind": [kind]}} for kind in kinds])],
)

app = App(name="lk315", functions=[worker])
