# Schedules (EventBridge Scheduler): a rate with the defaults (UTC, input {}, no flexible
# window); a cron in a time zone with an input, a flexible window, a retry policy and an
# encrypted dead-letter queue; and a one-time at(), disabled. Each schedule gets its own role,
# trusted by scheduler.amazonaws.com for this account's default schedule group only, allowed
# to invoke its function (and to send to its dead-letter queue, with the queue's key) and
# nothing else. CloudFormation names each schedule, so a second stack of the app can coexist.
from lambdakit import App, Function, Key, Queue
from lambdakit.events import ScheduleEvent

# Events that fail every asynchronous retry are kept here (LK380).
failed_events = Queue(id="FailedEvents")

key = Key(id="MissedKey", description="Encrypts missed schedule deliveries")
missed = Queue(id="Missed", key=key)

poller = Function(
    id="Poller", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[ScheduleEvent(expression="rate(5 minutes)")],
)
reports = Function(
    id="Reports", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[
        ScheduleEvent(name="Weekdays", expression="cron(0 8 ? * MON-FRI *)",
                      timezone="Europe/Berlin", input={"report": "daily"}, flexible_window=15,
                      retry_attempts=3, max_event_age=3600, dead_letter_queue=missed,
                      description="Daily report on weekdays at 08:00 Berlin time"),
        ScheduleEvent(name="YearEnd", expression="at(2026-12-31T23:00:00)",
                      input={"report": "annual"}, enabled=False),
    ],
)

app = App(name="events-schedule", functions=[poller, reports])
