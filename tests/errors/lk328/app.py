"""LK328: an enhanced fan-out consumer reads only its own stream."""

from lambdakit import App, Function, Queue, Stream, StreamConsumer
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")
orders = Stream(id="Orders")
fan_out = StreamConsumer(id="OrdersFanOut", stream=orders)
failed = Queue(id="FailedClicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, consumer=fan_out, starting_position="LATEST",
                         on_failure=failed)],
)

app = App(name="lk328", functions=[worker])
