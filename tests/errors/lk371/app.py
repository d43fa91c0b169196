"""LK371: subscriptions CloudWatch Logs refuses."""

from lambdakit import App, Function, Queue
from lambdakit.events import LogsSubscriptionEvent

failures = Queue(id="Failures")
COMMON: dict = {"handler": "app.handler", "code": "src/", "runtime": "python3.13",
                "on_failure": failures}

bad_name = Function(id="BadName", **COMMON,
                    events=[LogsSubscriptionEvent(log_group="orders logs")])
long_pattern = Function(id="LongPattern", **COMMON,
                        events=[LogsSubscriptionEvent(log_group="/aws/lambda/orders",
                                                      filter_pattern="ERROR " * 200)])
# Three subscription filters on one log group.
first = Function(id="First", **COMMON,
                 events=[LogsSubscriptionEvent(log_group="/aws/lambda/billing")])
second = Function(id="Second", **COMMON,
                  events=[LogsSubscriptionEvent(log_group="/aws/lambda/billing")])
third = Function(id="Third", **COMMON,
                 events=[LogsSubscriptionEvent(log_group="/aws/lambda/billing")])

app = App(name="lk371", functions=[bad_name, long_pattern, first, second, third])
