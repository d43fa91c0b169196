"""LK205: a dead-letter queue that keeps messages no longer than its source (4 days each)."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures")
inbox = Queue(id="Inbox", dead_letter_queue=failures)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[inbox.consume()],
)

app = App(name="lk205", functions=[worker])
