"""LK314: Lambda's maximum concurrency for a queue starts at 2."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox, maximum_concurrency=1)],
)

app = App(name="lk314", functions=[worker])
