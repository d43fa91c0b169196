"""LK316: two functions read one queue; each message reaches only one of them."""

from lambdakit import App, Function, Queue
from lambdakit.events import SqsEvent

inbox = Queue(id="Inbox")

billing = Function(
    id="Billing",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox)],
)
shipping = Function(
    id="Shipping",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SqsEvent(queue=inbox)],
)

app = App(name="lk316", functions=[billing, shipping])
