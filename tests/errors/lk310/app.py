"""LK310: a FIFO queue delivers at most 10 messages per batch."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

orders = Queue(id="Orders", name="orders.fifo", fifo=True)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=orders, batch_size=50)],
)

app = App(name="lk310", functions=[worker])
