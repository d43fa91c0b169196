"""LK321: AT_TIMESTAMP needs the moment to start from."""

from lambdakit import App, Function, Queue, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="AT_TIMESTAMP", on_failure=failed)],
)

app = App(name="lk321", functions=[worker])
