"""LK320: Lambda reads at most 10,000 records of a stream per batch."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="LATEST", batch_size=20000,
                         on_failure=failed)],
)

app = App(name="lk320", functions=[worker])
