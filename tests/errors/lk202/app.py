"""LK202: a queue name with a space, which SQS does not accept."""

from lambdakit import App, Function, Queue

inbox = Queue(id="Inbox", name="orders inbox")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[inbox.send()],
)

app = App(name="lk202", functions=[worker])
