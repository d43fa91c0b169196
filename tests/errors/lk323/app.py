"""LK323: unlimited retries let one bad record hold its shard until it expires."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="LATEST", maximum_retry_attempts=-1,
                         on_failure=failed)],
)

app = App(name="lk323", functions=[worker])
