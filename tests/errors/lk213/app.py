"""LK213: a queue without a dead-letter queue, and no reason given."""

from lambdakit import App, Function, Queue

scratch = Queue(id="Scratch", without_dead_letter="")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[scratch.send()],
)

app = App(name="lk213", functions=[worker])
