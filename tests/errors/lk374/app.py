"""LK374: an IoT rule whose SQL is not a SELECT statement."""

from lambdakit import App, Function, Queue
from lambdakit.events import IotRuleEvent

failures = Queue(id="Failures")

devices = Function(
    id="Devices",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_failure=failures,
    events=[IotRuleEvent(sql="sensors/+/telemetry")],
)

app = App(name="lk374", functions=[devices])
