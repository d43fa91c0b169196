"""LK369: an unknown time zone and a flexible window longer than a day."""

from lambdakit import App, Function
from lambdakit.events import ScheduleEvent

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[ScheduleEvent(expression="cron(0 8 ? * MON-FRI *)", timezone="Europe/Frankfurt",
                          flexible_window=2880)],
)

app = App(name="lk369", functions=[worker],
          acknowledge={"LK380": "this example is about LK369; see LK380 for failure handling"})
