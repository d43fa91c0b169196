"""LK300: two SQS sources of one function would both be named FromInbox."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox), SqsEvent(queue=inbox, batch_size=1)],
)

app = App(name="lk300", functions=[worker])
