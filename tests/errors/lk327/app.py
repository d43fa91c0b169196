"""LK327: a FIFO queue cannot receive Lambda's failure records."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks", name="failed-clicks.fifo", fifo=True)

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="LATEST", on_failure=failed)],
)

app = App(name="lk327", functions=[worker])
