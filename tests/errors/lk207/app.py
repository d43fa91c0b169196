"""LK207: a FIFO queue whose dead-letter queue is a standard queue."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures", retention=14 * 24 * 3600)
ledger = Queue(id="Ledger", fifo=True, dead_letter_queue=failures)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[ledger.consume()],
)

app = App(name="lk207", functions=[worker])
