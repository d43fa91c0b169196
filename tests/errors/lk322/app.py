"""LK322: a record age under a minute is not accepted."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="LATEST", maximum_record_age=30,
                         on_failure=failed)],
)

app = App(name="lk322", functions=[worker])
