"""LK370: functions invoked by their own logs."""

from lambdakit import App, Function, Queue
from lambdakit.events import LogsSubscriptionEvent

failures = Queue(id="Failures")

# Reads its own log group, by name.
audit = Function(
    id="Audit",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    function_name="audit",
    on_failure=failures,
    events=[LogsSubscriptionEvent(log_group="/aws/lambda/audit")],
)
# Metrics reads Alerts' log group (by name), and Alerts reads Metrics'.
metrics = Function(
    id="Metrics",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_failure=failures,
    events=[LogsSubscriptionEvent(log_group="/aws/lambda/alerts")],
)
alerts = Function(
    id="Alerts",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    function_name="alerts",
    on_failure=failures,
    events=[LogsSubscriptionEvent(log_group=metrics)],
)

app = App(name="lk370", functions=[audit, metrics, alerts])
