"""LK364: a function subscribed to a FIFO topic (SNS delivers those to SQS queues only)."""

from lambdakit import App, Function, Topic
from lambdakit.events import SnsEvent

ledger = Topic(id="Ledger", name="ledger.fifo", fifo=True)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[SnsEvent(topic=ledger)],
)

app = App(name="lk364", functions=[worker],
          acknowledge={"LK380": "this example is about LK364; see LK380 for failure handling"})
