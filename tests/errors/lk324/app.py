"""LK324: at most 10 concurrent batches per shard."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="LATEST", parallelization=20,
                         on_failure=failed)],
)

app = App(name="lk324", functions=[worker])
