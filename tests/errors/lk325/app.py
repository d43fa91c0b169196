"""LK325: records Lambda gives up on go nowhere."""

from lambdakit import App, Function, Stream
from lambdakit.events import KinesisEvent

clicks = Stream(id="Clicks")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[KinesisEvent(stream=clicks, starting_position="TRIM_HORIZON")],
)

app = App(name="lk325", functions=[worker])
