"""LK368: a rate of 1 with a plural unit, and a cron expression with five fields."""

from lambdakit import App, Function
from lambdakit.events import ScheduleEvent

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ScheduleEvent(expression="rate(1 minutes)"),
            ScheduleEvent(name="Mornings", expression="cron(0 8 * * MON-FRI)")],
)

app = App(name="lk368", functions=[worker],
          acknowledge={"LK380": "this example is about LK368; see LK380 for failure handling"})
