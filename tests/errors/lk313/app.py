"""LK313: the visibility timeout leaves no room for retries of a throttled batch."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox", visibility_timeout=30)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    timeout=20,
    events=[SqsEvent(queue=inbox)],
)

app = App(name="lk313", functions=[worker])
