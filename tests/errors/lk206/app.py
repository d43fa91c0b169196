"""LK206: messages move to the dead-letter queue after only two receives."""

from lambdakit import App, Function, Queue

inbox = Queue(id="Inbox", max_receive_count=2)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[inbox.consume()],
)

app = App(name="lk206", functions=[worker])
