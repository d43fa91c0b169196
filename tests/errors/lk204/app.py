"""LK204: a visibility timeout longer than SQS allows (12 hours)."""

from lambdakit import App, Function, Queue

inbox = Queue(id="Inbox", visibility_timeout=50_000)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[inbox.consume()],
)

app = App(name="lk204", functions=[worker])
