"""LK312: the function may run longer than a received message stays invisible."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox", visibility_timeout=30)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    timeout=60,
    events=[SqsEvent(queue=inbox)],
)

app = App(name="lk312", functions=[worker])
